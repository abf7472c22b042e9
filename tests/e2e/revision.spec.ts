// Return for revision and what changed: Commerce returns a submitted proposal
// with a reason; the consortium reads it, changes the title and a line item's
// quantity, and resubmits; the reviewer sees version 1 → 2 field by field.
import type { Page } from "@playwright/test";
import { expect } from "@playwright/test";
import { addLineItem, describeOperations, expectAccessible, MEMBER, nameParties, proposalIdOf, requestFinancing, REVIEWER, signIn, signOut, submitFromReview, test } from "./support";

const STORAGE = { layer: "Data-center storage", description: "All-flash storage arrays", unitPrice: "1,000,000", usContent: "80" };

/**
 * The member's revision, through the builder's steps: a new title on the
 * overview, and another quantity on the storage line's edit page. Kept in one
 * place so it follows the editing screens when they change.
 */
async function reviseProposal(page: Page, { title, storageQuantity }: { title: string; storageQuantity: string }) {
  const id = proposalIdOf(page);
  await page.goto(`/proposals/${id}/overview`);
  await page.getByRole("textbox", { name: "Title" }).fill(title);
  await page.getByRole("button", { name: "Save overview" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Overview saved." })).toBeVisible();
  await page.goto(`/proposals/${id}/package`);
  await page.getByRole("link", { name: `Edit ${STORAGE.description}` }).click();
  const edit = page.getByRole("form", { name: `Edit ${STORAGE.description}` });
  await edit.getByLabel("Quantity").fill(storageQuantity);
  await edit.getByRole("button", { name: "Save line item" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Line item “${STORAGE.description}” saved.` })).toBeVisible();
}

test("a reviewer returns a proposal with a reason; the consortium resubmits; the reviewer sees what changed", async ({ page }) => {
  test.setTimeout(180_000);
  const title = `Revision campus ${Date.now()}`;
  const revisedTitle = `${title} phase 1`;

  // ── Consortium member: a complete package, submitted as version 1 ─────────
  await signIn(page, MEMBER);
  await page.getByRole("link", { name: "Start a new proposal" }).first().click();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Summary").fill("Accelerator servers, storage, cloud and applications for a national AI campus.");
  await page.getByLabel("Destination country").selectOption({ label: "United Arab Emirates" });
  await page.getByRole("button", { name: "Create draft proposal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  const proposalUrl = `/proposals/${proposalIdOf(page)}`;
  await addLineItem(page, { layer: "Hardware (AI chips, accelerators, servers)", description: "8-GPU accelerator servers", quantity: "100", unitPrice: "400,000", usContent: "80", eccn: "4A090", tpp: "16000" });
  await addLineItem(page, { ...STORAGE, quantity: "20" });
  await addLineItem(page, { layer: "Cloud services and networking", description: "Managed cloud and 800G fabric", quantity: "1", unitPrice: "30,000,000", usContent: "80" });
  await addLineItem(page, { layer: "Application software", description: "Government applications suite", quantity: "1", unitPrice: "10,000,000", usContent: "80" });
  await requestFinancing(page, "60,000,000");
  await describeOperations(page);
  await nameParties(page);
  await submitFromReview(page);
  await expect(page.getByRole("status").filter({ hasText: "Proposal submitted." })).toBeVisible();
  await expect(page.getByTestId("version-label")).toContainText("Version 1, submitted");
  await signOut(page);

  // ── Commerce reviewer: returns it from the license review, with a reason ──
  await signIn(page, REVIEWER);
  await page.getByRole("link", { name: "License queue", exact: true }).click();
  await page.getByRole("link", { name: new RegExp(title) }).click();
  await expect(page.getByTestId("version-label")).toContainText("Version 1, submitted");
  const returnForm = page.getByRole("form", { name: "Return for revision" });
  await returnForm.getByRole("button", { name: "Return for revision" }).click();
  await expect(returnForm.getByText("Enter the reason the consortium should revise the proposal.").first()).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  const reason = "Reduce the storage to what the first phase needs, and name the phase in the title.";
  await returnForm.getByLabel("Reason for returning").fill(reason);
  await returnForm.getByRole("button", { name: "Return for revision" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Proposal returned to the consortium for revision." })).toBeVisible();
  await expect(page.getByTestId("revision-reason")).toHaveText(reason);
  await signOut(page);

  // ── Consortium member: reads the reason, revises, resubmits as version 2 ──
  await signIn(page, MEMBER);
  await page.goto(proposalUrl);
  const returned = page.getByRole("region", { name: "Returned for revision" });
  await expect(returned).toBeVisible();
  await expect(returned.getByTestId("revision-reason")).toHaveText(reason);
  await expectAccessible(page);
  await reviseProposal(page, { title: revisedTitle, storageQuantity: "12" });
  await submitFromReview(page);
  await expect(page.getByRole("status").filter({ hasText: "Proposal submitted." })).toBeVisible();
  await expect(page.getByTestId("version-label")).toContainText("Version 2, submitted");
  await expect(page.getByTestId("returned-for-revision")).toHaveCount(0);
  await signOut(page);

  // ── Commerce reviewer: what changed since version 1 ───────────────────────
  await signIn(page, REVIEWER);
  await page.getByRole("link", { name: "License queue", exact: true }).click();
  await page.getByRole("link", { name: new RegExp(revisedTitle) }).click();
  await expect(page.getByTestId("version-label")).toContainText("Version 2, submitted");
  await page.getByRole("link", { name: "What changed since version 1" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What changed: version 1 → version 2");
  await expect(page).toHaveTitle(new RegExp(`What changed, version 1 to 2 – ${revisedTitle}`));
  const titleChange = page.getByRole("region", { name: "Changed fields of the proposal" }).getByRole("row", { name: /Title/ });
  await expect(titleChange).toContainText(title);
  await expect(titleChange).toContainText(revisedTitle);
  const storage = page.getByTestId("items-changed").filter({ hasText: STORAGE.description });
  await expect(storage.getByRole("row", { name: /Quantity/ })).toContainText("20");
  await expect(storage.getByRole("row", { name: /Quantity/ })).toContainText("12");
  await expect(page.getByTestId("items-added")).toHaveCount(0);
  await expect(page.getByTestId("items-removed")).toHaveCount(0);
  await expectAccessible(page);

  // Every version as submitted, the first one frozen as it was.
  await page.getByRole("link", { name: "All versions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Submitted versions" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Version 1", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Version 1: ${title}`);
  await expect(page.getByRole("region", { name: "Line items of version 1" }).getByRole("row", { name: new RegExp(STORAGE.description) })).toContainText("20");
  await expectAccessible(page);
});
