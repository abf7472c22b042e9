// Commerce's review in a real browser: the consortium names its parties, one of
// them is raised as a possible match on the Consolidated Screening List when the
// proposal is submitted, the reviewer clears it and approves the license with
// conditions picked from templates, and the consortium and the EXIM officer see
// the license number, its expiry and its conditions where they work.
import { expect } from "@playwright/test";
import { addLineItem, describeOperations, expectAccessible, expectReflowsOnPhone, MEMBER, nameParties, OFFICER, proposalIdOf, REVIEWER, requestFinancing, signIn, signOut, submitFromReview, test } from "./support";

test("parties, a screening hit raised at submission and cleared, a conditional approval seen by consortium and officer", async ({ page }) => {
  test.setTimeout(240_000); // three people's work, end to end
  const title = `Gulf inference cluster ${Date.now()}`;

  // ── Consortium member: a complete package with its parties ────────────────
  await signIn(page, MEMBER);
  await page.getByRole("link", { name: "Start a new proposal" }).first().click();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Summary").fill("An inference cluster for government services.");
  await page.getByLabel("Destination country").selectOption({ label: "United Arab Emirates" });
  await page.getByRole("button", { name: "Create draft proposal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  const proposalUrl = `/proposals/${proposalIdOf(page)}`;
  await addLineItem(page, { layer: "Hardware (AI chips, accelerators, servers)", description: "Inference servers", quantity: "50", unitPrice: "300,000", usContent: "80", eccn: "4A090.a", tpp: "16000" });
  await addLineItem(page, { layer: "Data-center storage", description: "Storage arrays", quantity: "10", unitPrice: "500,000", usContent: "80" });
  await addLineItem(page, { layer: "Cloud services and networking", description: "Managed cloud", quantity: "1", unitPrice: "5,000,000", usContent: "80" });
  await addLineItem(page, { layer: "Application software", description: "Citizen services assistant", quantity: "1", unitPrice: "2,000,000", usContent: "80" });
  await requestFinancing(page, "10,000,000");
  await describeOperations(page);

  // Submission waits for the parties and the end use.
  await submitFromReview(page);
  const refusal = page.getByRole("alert").filter({ hasText: "can't be submitted yet" });
  await expect(refusal).toContainText("Name the end user on the parties step.");
  await expect(refusal).toContainText("Describe the specific end use on the parties step.");

  // A freight forwarder whose name resembles an Entity List entry (the sample list is fictional).
  await nameParties(page, [
    { role: "Intermediate consignee", name: "Crimson Harbour Computing Limited", address: "Jebel Ali Free Zone, Dubai", country: "United Arab Emirates", headquarters: "United Arab Emirates" },
  ]);
  await page.goto(`${proposalUrl}/parties`);
  await expectAccessible(page);
  await submitFromReview(page);
  await expect(page.getByRole("status").filter({ hasText: "Proposal submitted. It is now in license review." })).toBeVisible();
  await signOut(page);

  // ── Commerce reviewer: the hit, cleared; a conditional approval ───────────
  await signIn(page, REVIEWER);
  await page.getByRole("link", { name: "License queue", exact: true }).click();
  // The queue's filters: the United Arab Emirates, 4A090 items, sorted by registration, newest first.
  const filters = page.getByRole("form", { name: "Filter the license queue" });
  await filters.getByLabel("Destination").selectOption({ label: "United Arab Emirates" });
  await filters.getByLabel("ECCN").fill("4A090");
  await filters.getByLabel("Sort").selectOption({ label: "Registered most recently first" });
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/destination=AE&eccn=4A090/);
  await expect(page.getByRole("row").nth(1)).toContainText(title);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Your conflicts of interest" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your conflicts of interest" })).toBeVisible();
  await expectAccessible(page);
  await page.goBack();
  await page.getByRole("link", { name: new RegExp(title) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Export license: United Arab Emirates");
  // The tab names the request, so a reviewer with several open tells them apart.
  await expect(page).toHaveTitle(/^Export license: United Arab Emirates – AIE-\d{4}-\d+ \|/);
  // Screening runs as a job once the submission is committed: it is done within moments.
  await expect(async () => {
    await page.reload();
    await expect(page.getByText("1 screening hit(s) stand in the way of an approval.")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole("row", { name: /Crimson Harbour Computing Limited.*Possible match/ })).toContainText("Crimson Harbor Compute Ltd.");
  await expectAccessible(page);
  await expectReflowsOnPhone(page);

  // Approval is refused while the hit stands.
  await page.getByLabel("Approved", { exact: true }).check();
  await page.getByLabel("Reason", { exact: true }).fill("End use verified.");
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "can't be approved while screening hits stand" })).toBeVisible();

  await page.getByRole("link", { name: "Review the hit for Crimson Harbour Computing Limited" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Screening hit: Crimson Harbour Computing Limited");
  await expectAccessible(page);
  await page.getByLabel("Clear: a different party (a false positive)").check();
  await page.getByLabel("Reason").fill("Different company: Dubai free-zone licence and address differ from the listed Zhuhai entity.");
  await page.getByRole("button", { name: "Record review" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Screening hit cleared." })).toBeVisible();
  await expect(page.getByText("No open screening hits.")).toBeVisible();

  await page.getByRole("button", { name: "Assign to me" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The request is assigned to you." })).toBeVisible();
  await page.getByLabel("Approved with conditions").check();
  await page.getByLabel("Reason", { exact: true }).fill("End user and end use verified; security plan accepted.");
  await page.getByLabel("Reporting condition", { exact: true }).check();
  await page.getByLabel("No re-export condition", { exact: true }).check();
  await page.getByLabel("No re-export condition text").fill("No re-export or in-country transfer without Commerce's prior authorization.");
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Decision recorded: approved with conditions." })).toBeVisible();
  await expect(page.getByTestId("license-number")).toContainText(/License D\d{4}/);
  const licenseNumber = (await page.getByTestId("license-number").locator("strong").innerText()).trim();
  await signOut(page);

  // ── The consortium sees the license, its expiry and its conditions ────────
  await signIn(page, MEMBER);
  await page.goto(proposalUrl);
  await expect(page.getByTestId("license-status")).toHaveText("Approved with conditions");
  await expect(page.getByTestId("license-number")).toContainText(licenseNumber);
  const conditions = page.getByRole("list", { name: "Binding conditions of the license" });
  await expect(conditions).toContainText("Reporting:");
  await expect(conditions).toContainText("No re-export: No re-export or in-country transfer without Commerce's prior authorization.");
  await signOut(page);

  // ── The EXIM officer sees them on the financing decision ──────────────────
  await signIn(page, OFFICER);
  await page.getByRole("link", { name: "Financing queue", exact: true }).click();
  await page.getByRole("link", { name: new RegExp(title) }).click();
  await expect(page.getByTestId("license-number")).toContainText(licenseNumber);
  await expect(page.getByRole("list", { name: "Binding conditions of the license" })).toContainText("No re-export");
  await expectAccessible(page);
  await expectReflowsOnPhone(page);
});
