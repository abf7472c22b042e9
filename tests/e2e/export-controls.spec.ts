// An administrator changes a country's export-control groups with a reason: a new
// numbered version is in force and listed with who and why; a change without a
// reason is refused beside the field.
import { expect } from "@playwright/test";
import { ADMIN, expectAccessible, signIn, test } from "./support";

test("an administrator changes a country's groups with a reason and sees the new version listed", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.getByRole("link", { name: "Export controls", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Export-control rules");
  await expectAccessible(page);
  const before = Number(/version (\d+)/.exec(await page.getByTestId("rules-in-force").innerText())![1]);

  // Choose Thailand (in no group): its groups, none ticked.
  await page.getByLabel("Country", { exact: true }).selectOption({ label: "Thailand (TH)" });
  await page.getByRole("button", { name: "Show its groups" }).click();
  const form = page.getByRole("form", { name: "Change the country groups of Thailand" });
  await expect(form.getByRole("checkbox", { name: /^D:1/ })).not.toBeChecked();
  await form.getByRole("checkbox", { name: /^D:1/ }).check();

  // The reason is required.
  await form.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem with what you entered." })).toBeVisible();
  await expect(form.getByLabel("Reason for the change")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);

  await form.getByRole("checkbox", { name: /^D:1/ }).check();
  await form.getByLabel("Reason for the change").fill("Placed in D:1 by the rule published today.");
  await form.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Export-control rules version ${before + 1} is in force.` })).toContainText("Country groups of Thailand: none -> D:1");

  await expect(page.getByTestId("rules-in-force")).toContainText(`version ${before + 1}`);
  await expect(page.getByTestId("rules-in-force")).toContainText("Placed in D:1 by the rule published today.");
  const versions = page.getByRole("table", { name: "Export-control rules versions, newest first" });
  const newest = versions.getByRole("row").nth(1);
  await expect(newest).toContainText(String(before + 1));
  await expect(newest).toContainText("Priya Natarajan");
  await expect(newest).toContainText("Placed in D:1 by the rule published today.");
  await expect(newest).toContainText("Country groups of Thailand: none -> D:1");
  await expect(versions.getByRole("row").nth(2)).toContainText(String(before));
  await expect(page.getByRole("table", { name: /Countries in a country group/ }).getByRole("row", { name: /Thailand/ })).toContainText("D:1");
  await expectAccessible(page);
});
