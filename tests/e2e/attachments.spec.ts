import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect } from "@playwright/test";
import { pdfFile, windowsExecutable } from "../unit/support/files";
import yauzl from "yauzl";
import { addLineItem, describeOperations, expectAccessible, MEMBER, nameParties, OTHER_MEMBER, proposalIdOf, requestFinancing, signIn, submitFromReview, test } from "./support";

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

test("a PDF uploaded through the form is listed and downloads intact; a renamed program is refused beside the field; others get nothing", async ({ page, browser }) => {
  test.setTimeout(240_000); // two people, several pages and two axe runs
  await signIn(page, MEMBER);
  await page.goto("/proposals/new");
  const title = `Attachments check ${Date.now()}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Summary").fill("A draft to attach documents to.");
  await page.getByLabel("Destination country").selectOption({ label: "Saudi Arabia" });
  await page.getByRole("button", { name: "Create draft proposal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();

  await page.goto(`/proposals/${proposalIdOf(page)}`);
  await page.getByRole("link", { name: "Upload and manage attachments" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Attachments" })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(`^Attachments – ${title}`));
  await expect(page.getByText("No documents attached yet.")).toBeVisible();
  await expect(page.getByLabel("File", { exact: true })).toHaveAccessibleDescription(/PDF, DOCX, XLSX, PNG or JPEG, 25 MB or less/);
  await expectAccessible(page);

  // Upload a PDF: the plain form posts to the streaming route and comes back with a notice.
  const pdf = await pdfFile("Cooling design");
  await page.getByLabel("Document", { exact: true }).selectOption({ label: "Technical specification" });
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "cooling design.pdf", mimeType: "application/pdf", buffer: pdf });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Attachment uploaded." })).toBeVisible();
  const link = page.getByRole("link", { name: "cooling design.pdf" });
  await expect(link).toBeVisible();
  await expect(page.getByRole("row", { name: /cooling design\.pdf/ })).toContainText(`SHA-256 ${sha256(pdf).slice(0, 16)}`);

  // Download it: the same bytes come back, as an attachment.
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe("cooling design.pdf");
  expect(sha256(await readFile((await download.path())!))).toBe(sha256(pdf));
  const href = (await link.getAttribute("href"))!;
  const response = await page.request.get(href);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["content-disposition"]).toMatch(/^attachment;/);

  // A Windows program named report.pdf is refused, with the reason beside the field.
  await page.getByLabel("Document", { exact: true }).selectOption({ label: "Financial statements" });
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "report.pdf", mimeType: "application/pdf", buffer: windowsExecutable() });
  await page.getByRole("button", { name: "Upload" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem with the upload" });
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  const message = "report.pdf is really a Windows program, not a PDF, DOCX, XLSX, PNG or JPEG file";
  await expect(summary.getByRole("link", { name: new RegExp(message) })).toBeVisible();
  const fileInput = page.getByLabel("File", { exact: true });
  await expect(fileInput).toHaveAttribute("aria-invalid", "true");
  await expect(fileInput).toHaveAccessibleDescription(new RegExp(message));
  await expect(page.getByLabel("Document", { exact: true })).toHaveValue("FINANCIAL_STATEMENTS");
  await expect(page).toHaveTitle(/^Error: Attachments – /);
  await expect(page.getByRole("link", { name: "report.pdf", exact: true })).toHaveCount(0);
  await expectAccessible(page);

  // Another consortium's member gets 404; a signed-out visitor is sent to sign in.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, OTHER_MEMBER);
  expect((await otherPage.request.get(href)).status()).toBe(404);
  expect((await otherPage.goto(href.replace(/\/[^/]+$/, "")))?.status()).toBe(404);
  await other.close();
  const visitor = await browser.newContext();
  const signedOut = await visitor.request.get(href, { maxRedirects: 0 });
  expect(signedOut.status()).toBeGreaterThanOrEqual(300);
  expect(signedOut.status()).toBeLessThan(400);
  expect(signedOut.headers()["location"]).toContain("/sign-in");
  await visitor.close();
});

test("large files stream to storage: one above the proxy's 10 MB buffer is taken whole, one over 25 MB is refused", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, MEMBER);
  await page.goto("/proposals/new");
  await page.getByLabel("Title").fill(`Large attachments ${Date.now()}`);
  await page.getByLabel("Summary").fill("Checking the size limit.");
  await page.getByLabel("Destination country").selectOption({ label: "Saudi Arabia" });
  await page.getByRole("button", { name: "Create draft proposal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  const proposalPath = `/proposals/${proposalIdOf(page)}`;
  const post = (name: string, buffer: Buffer) =>
    page.request.post(`${proposalPath}/attachments/upload`, {
      headers: { origin: new URL(page.url()).origin },
      multipart: { kind: "TECHNICAL_SPECIFICATION", file: { name, mimeType: "application/pdf", buffer } },
      maxRedirects: 0,
    });

  const twelve = Buffer.concat([await pdfFile("Twelve megabytes"), Buffer.alloc(12 * 1024 * 1024, 0x20)]);
  const taken = await post("drawings.pdf", twelve);
  expect(taken.status()).toBe(303);
  expect(taken.headers()["location"]).toBe(`${proposalPath}/attachments?notice=uploaded`);
  await page.goto(`${proposalPath}/attachments`);
  const row = page.getByRole("row", { name: /drawings\.pdf/ });
  await expect(row).toContainText("12 MB");
  await expect(row).toContainText(`SHA-256 ${sha256(twelve).slice(0, 16)}`);

  const tooLarge = await post("archive.pdf", Buffer.concat([await pdfFile("Too large"), Buffer.alloc(26 * 1024 * 1024, 0x20)]));
  expect(tooLarge.status()).toBe(303);
  expect(tooLarge.headers()["location"]).toContain("fileError=too-large");
  await page.goto(tooLarge.headers()["location"]!);
  await expect(page.getByRole("alert").filter({ hasText: "is larger than 25 MB. Upload a file of 25 MB or less." })).toBeVisible();
  await expect(page.getByRole("link", { name: "archive.pdf", exact: true })).toHaveCount(0);

  // A post from another site is refused before anything is read.
  const forged = await page.request.post(`${proposalPath}/attachments/upload`, {
    headers: { origin: "https://elsewhere.example" },
    multipart: { kind: "OTHER", file: { name: "x.pdf", mimeType: "application/pdf", buffer: await pdfFile() } },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(403);
});

/** A ZIP's entry names and SHA-256s. */
function zipHashes(buffer: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const hashes = new Map<string, string>();
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (failed, stream) => {
          if (failed) return reject(failed);
          const hash = createHash("sha256");
          stream.on("data", (chunk: Buffer) => hash.update(chunk));
          stream.on("end", () => {
            hashes.set(entry.fileName, hash.digest("hex"));
            zip.readEntry();
          });
        });
      });
      zip.on("end", () => resolve(hashes));
      zip.readEntry();
    });
  });
}

test("after submission the proposal page offers the version as a PDF and as a ZIP with its attachments", async ({ page }) => {
  test.setTimeout(300_000); // a complete proposal built and submitted, end to end
  const title = `Submitted files ${Date.now()}`;
  await signIn(page, MEMBER);
  await page.goto("/proposals/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Summary").fill("A complete package, submitted with a specification attached.");
  await page.getByLabel("Destination country").selectOption({ label: "Japan" });
  await page.getByRole("button", { name: "Create draft proposal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  await addLineItem(page, { layer: "Hardware (AI chips, accelerators, servers)", description: "8-GPU accelerator servers", quantity: "100", unitPrice: "400,000", usContent: "80", eccn: "4A090", tpp: "16000" });
  await addLineItem(page, { layer: "Data-center storage", description: "All-flash storage arrays", quantity: "20", unitPrice: "1,000,000", usContent: "80" });
  await addLineItem(page, { layer: "Cloud services and networking", description: "Managed cloud and 800G fabric", quantity: "1", unitPrice: "30,000,000", usContent: "80" });
  await addLineItem(page, { layer: "Application software", description: "Government applications suite", quantity: "1", unitPrice: "10,000,000", usContent: "80" });
  await requestFinancing(page, "60,000,000");
  await describeOperations(page);
  await nameParties(page);

  const spec = await pdfFile("Campus specification");
  await page.goto(`/proposals/${proposalIdOf(page)}`);
  await page.getByRole("link", { name: "Upload and manage attachments" }).click();
  await page.getByLabel("Document", { exact: true }).selectOption({ label: "Technical specification" });
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "campus specification.pdf", mimeType: "application/pdf", buffer: spec });
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Attachment uploaded." })).toBeVisible();
  await page.getByRole("link", { name: "Back to the proposal" }).click();
  await submitFromReview(page);
  await expect(page.getByRole("status").filter({ hasText: "Proposal submitted." })).toBeVisible();

  const [pdfDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "the proposal (PDF)" }).click()]);
  expect(pdfDownload.suggestedFilename()).toMatch(/^AIE-\d{4}-\d+-version-\d+\.pdf$/);
  const pdf = await readFile((await pdfDownload.path())!);
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");

  const [zipDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "the proposal with its attachments (ZIP)" }).click()]);
  expect(zipDownload.suggestedFilename()).toMatch(/\.zip$/);
  const hashes = await zipHashes(await readFile((await zipDownload.path())!));
  expect(hashes.get("attachments/campus specification.pdf")).toBe(sha256(spec));
  expect([...hashes.keys()]).toEqual(expect.arrayContaining([pdfDownload.suggestedFilename(), "SHA256SUMS"]));
});

