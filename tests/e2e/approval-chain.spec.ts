// The whole chain in a real browser: a consortium member files and submits a
// package; an EXIM officer issues a letter of interest and a preliminary
// commitment while Commerce reviews the license; the reviewer grants it; the
// board's decision goes on record; the officer gives the final commitment; the
// exposure cap's headroom falls by exactly the amount, and the public page lists it.
import { expect } from "@playwright/test";
import { addLineItem, centsOf, describeOperations, expectAccessible, MEMBER, nameParties, OFFICER, proposalIdOf, REVIEWER, requestFinancing, signIn, signOut, submitFromReview, test } from "./support";

test("a package goes from draft to approved financing across the three roles", async ({ page }) => {
  const title = `Sovereign AI campus ${Date.now()}`;

  // ── Consortium member: create and fill the proposal ───────────────────────
  await signIn(page, MEMBER);
  await page.getByRole("link", { name: "Start a new proposal" }).first().click();
  await expectAccessible(page);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Summary").fill("Accelerator servers, storage, cloud and applications for a national AI campus.");
  await page.getByLabel("Destination country").selectOption({ label: "United Arab Emirates" });
  await page.getByRole("button", { name: "Create draft proposal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  const proposalUrl = `/proposals/${proposalIdOf(page)}`;

  await addLineItem(page, { layer: "Hardware (AI chips, accelerators, servers)", description: "8-GPU accelerator servers", quantity: "100", unitPrice: "400,000", usContent: "80", eccn: "4A090", tpp: "16000" });

  // Submission is refused, with the reasons listed, while required layers are missing.
  await submitFromReview(page);
  const refusal = page.getByRole("alert").filter({ hasText: "can't be submitted yet" });
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText("Data-center storage");
  await expect(refusal).toContainText("Cloud services and networking");
  await expect(refusal).toContainText("Application software");

  await addLineItem(page, { layer: "Data-center storage", description: "All-flash storage arrays", quantity: "20", unitPrice: "1,000,000", usContent: "80" });
  await addLineItem(page, { layer: "Cloud services and networking", description: "Managed cloud and 800G fabric", quantity: "1", unitPrice: "30,000,000", usContent: "80" });
  await addLineItem(page, { layer: "Application software", description: "Government applications suite", quantity: "1", unitPrice: "10,000,000", usContent: "80" });

  await requestFinancing(page, "60,000,000");
  await expectAccessible(page);

  await nameParties(page);
  await describeOperations(page);
  await submitFromReview(page);
  await expect(page.getByRole("status").filter({ hasText: "Proposal submitted. It is now in license review." })).toBeVisible();
  await expect(page.getByTestId("license-status")).toHaveText("Awaiting decision");
  await signOut(page);

  // ── EXIM officer: letter of interest and preliminary commitment while the license is pending ──
  await signIn(page, OFFICER);
  await page.getByRole("link", { name: "Financing queue", exact: true }).click();
  await page.getByRole("link", { name: new RegExp(title) }).click();
  await expect(page.getByTestId("license-readiness")).toContainText("still awaiting Commerce's decision");
  await expect(page.getByTestId("financing-stage")).toHaveText("No decision yet");
  await page.getByLabel("Issue a letter of interest").check();
  await page.getByLabel("Amount (US dollars)").fill("60,000,000");
  await page.getByLabel("Starting point of repayment").fill("2027-01-15");
  await page.getByLabel("Reasons").fill("Sovereign obligor; strategic AI export.");
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Letter of interest issued for $60,000,000.00." })).toBeVisible();
  await expect(page.getByTestId("financing-stage")).toHaveText("Letter of interest");
  await expect(page.getByRole("table", { name: "Repayment schedule" }).getByRole("row")).toHaveCount(21);
  await page.getByLabel("Issue a preliminary commitment").check();
  await page.getByLabel("Amount (US dollars)").fill("60,000,000");
  await page.getByLabel("Reasons").fill("Credit review complete.");
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByTestId("financing-stage")).toHaveText("Preliminary commitment");
  // The final commitment waits for the license.
  await page.getByLabel("Issue the final commitment").check();
  await page.getByLabel("Amount (US dollars)").fill("60,000,000");
  await page.getByLabel("Reasons").fill("Sound sovereign credit.");
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "until every required export license is granted" })).toBeVisible();
  await signOut(page);

  // ── Commerce reviewer: grants the license from the queue ──────────────────
  await signIn(page, REVIEWER);
  await page.getByRole("link", { name: "License queue", exact: true }).click();
  await expectAccessible(page);
  await page.getByRole("link", { name: new RegExp(title) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Export license: United Arab Emirates");
  await page.getByLabel("Approved", { exact: true }).check();
  await page.getByLabel("Reason", { exact: true }).fill("End user and end use verified; security plan accepted.");
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Decision recorded: approved." })).toBeVisible();
  await expect(page.getByTestId("license-status")).toHaveText("Approved");
  await signOut(page);

  // ── EXIM officer: approves within the 85% rule; the cap's headroom falls ──
  await signIn(page, OFFICER);
  await page.goto("/dashboard");
  const headroomBefore = centsOf(await page.getByTestId("cap-headroom").innerText());
  await page.goto("/dashboard/program");
  const programHeadroomBefore = BigInt((await page.getByTestId("program-headroom").getAttribute("data-cents"))!);
  await page.getByRole("link", { name: "Financing queue", exact: true }).click();
  await page.getByRole("link", { name: new RegExp(title) }).click();
  await expect(page.getByTestId("license-readiness")).toHaveText("Every required export license is granted.");
  await expect(page.getByTestId("maximum-financed")).toContainText("$68,000,000.00");
  await expectAccessible(page);

  // Above $25M the board decides: its decision goes on record before the final commitment.
  await expect(page.getByTestId("authority-level")).toHaveText("EXIM's board decides.");
  await page.getByLabel("Issue the final commitment").check();
  await page.getByLabel("Amount (US dollars)").fill("60,000,000");
  await page.getByLabel("Reasons").fill("Sound sovereign credit.");
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "needs its approval authority first" })).toContainText("record the board's decision");
  await page.getByLabel("Date of the board's decision").fill("2026-11-02");
  await page.getByLabel("Minute reference").fill("BD-2026-117");
  await page.getByRole("button", { name: "Record the board's decision" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The board's decision is on record." })).toBeVisible();

  await page.getByLabel("Issue the final commitment").check();
  await page.getByLabel("Amount (US dollars)").fill("70,000,000");
  await page.getByLabel("Reasons").fill("Sound sovereign credit.");
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem with what you entered." })).toContainText("85% of the net contract price");
  await expect(page.getByLabel("Amount (US dollars)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Amount (US dollars)")).toHaveValue("70,000,000");

  await page.getByLabel("Amount (US dollars)").fill("60,000,000");
  await page.getByRole("button", { name: "Record decision" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Final commitment issued for $60,000,000.00, drawn on the exposure cap." })).toBeVisible();
  await expect(page.getByTestId("financing-stage")).toHaveText("Final commitment");
  await expectAccessible(page);

  await page.goto("/dashboard");
  await expect(page.getByTestId("cap-limit")).toHaveText("$135,000,000,000.00");
  const headroomAfter = centsOf(await page.getByTestId("cap-headroom").innerText());
  expect(headroomBefore - headroomAfter).toBe(6_000_000_000n);
  await page.goto("/dashboard/program");
  expect(programHeadroomBefore - BigInt((await page.getByTestId("program-headroom").getAttribute("data-cents"))!)).toBe(6_000_000_000n);
  await expectAccessible(page);
  await signOut(page);

  // ── The member sees the outcome and its history; the public list shows it ─
  await signIn(page, MEMBER);
  await page.goto(proposalUrl);
  await expect(page.getByText("Approved", { exact: true }).first()).toBeVisible();
  const history = page.getByRole("list", { name: "Proposal history, newest first" });
  await expect(history).toContainText("Status changed: Approved");
  await expect(history).toContainText("License decided");
  await expect(history).toContainText("Status changed: In license review");
  await page.goto("/published");
  await expect(page.getByRole("row", { name: new RegExp(title) })).toContainText("$60,000,000.00");
});
