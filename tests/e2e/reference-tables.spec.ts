// An administrator adds a dated CIRR version; a malformed table is refused with
// its reason beside the field.
import { expect } from "@playwright/test";
import { ADMIN, expectAccessible, signIn, test } from "./support";

test("an administrator adds a dated CIRR version to the reference tables", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.getByRole("link", { name: "Reference tables", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("EXIM reference tables");
  await expectAccessible(page);

  // A date far ahead, unique per run, so reruns on the same data never collide.
  const year = 2100 + (Date.now() % 800);
  const effectiveFrom = `${year}-01-15`;
  await page.getByLabel("CIRR (minimum fixed rates by repayment term)").check();
  await page.getByLabel("Effective from").fill(effectiveFrom);
  await page.getByLabel("Table (JSON)").fill('{"bands":[{"maxRepaymentYears":5,"rateBasisPoints":-4}]}');
  await page.getByRole("button", { name: "Add version" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem with what you entered." })).toBeVisible();
  await expect(page.getByLabel("Table (JSON)")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Table (JSON)").fill('{"bands":[{"maxRepaymentYears":5,"rateBasisPoints":440},{"maxRepaymentYears":null,"rateBasisPoints":470}]}');
  await page.getByLabel("Note").fill("Published CIRR");
  await page.getByRole("button", { name: "Add version" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Version effective ${effectiveFrom} added.` })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(effectiveFrom) })).toContainText("Published CIRR");
  await expectAccessible(page);
});
