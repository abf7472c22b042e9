import { expect } from "@playwright/test";
import { expectAccessible, MEMBER, proposalIdOf, signIn, test } from "./support";

test("bad input gets field-level messages and an error summary whose links reach the fields; nothing is lost or saved", async ({ page }) => {
  await signIn(page, MEMBER);
  await page.goto("/proposals/new");
  await page.getByLabel("Title").fill(`Validation check ${Date.now()}`);
  await page.getByLabel("Summary").fill("Checking what happens with bad input.");
  await page.getByLabel("Destination country").selectOption({ label: "Saudi Arabia" });
  await page.getByRole("button", { name: "Create draft proposal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();

  await page.goto(`/proposals/${proposalIdOf(page)}/package`);
  await page.getByRole("link", { name: "Add a hardware item" }).click();
  const form = page.getByRole("form", { name: "Add a line item" });
  await form.getByLabel("Description").fill("Accelerator servers");
  await form.getByLabel("Quantity").fill("ten");
  await form.getByLabel("Unit price (US dollars)").fill("abc");
  await form.getByLabel("US-origin content (%)").fill("150");
  await form.getByRole("button", { name: "Add line item" }).click();

  const summary = form.getByRole("alert");
  await expect(summary).toContainText("There is a problem with what you entered.");
  await expect(summary.getByRole("link")).toHaveText([
    "Enter the quantity as a whole number.",
    "Enter the unit price in dollars, like 1,250,000.00.",
    "Enter the US content as a percentage from 0 to 100.",
    "Enter the export classification (ECCN) of hardware items.",
  ]);
  await expect(summary).toBeFocused();

  const unitPrice = form.getByLabel("Unit price (US dollars)");
  await expect(unitPrice).toHaveAttribute("aria-invalid", "true");
  await expect(unitPrice).toHaveAccessibleDescription(/Enter the unit price in dollars/);
  await summary.getByRole("link", { name: "Enter the unit price in dollars, like 1,250,000.00." }).click();
  await expect(unitPrice).toBeFocused();

  // What the user typed is still there, and nothing was written.
  await expect(form.getByLabel("Description")).toHaveValue("Accelerator servers");
  await expect(unitPrice).toHaveValue("abc");
  await expect(page).toHaveTitle(/^Error: Add a line item/);
  await page.getByRole("link", { name: "Back to the package without adding" }).click();
  await expect(page.getByText("No line items yet.")).toBeVisible();
  await expectAccessible(page);
});

test("a session that ends mid-form keeps the page and says so, and nothing is lost", async ({ page, context }) => {
  await signIn(page, MEMBER);
  await page.goto("/proposals/new");
  await page.getByLabel("Title").fill("Typed before the session ended");
  await page.getByLabel("Summary").fill("This text must survive.");
  await page.getByLabel("Destination country").selectOption({ label: "Vietnam" });
  await context.clearCookies();
  await page.getByRole("button", { name: "Create draft proposal" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "You are signed out" })).toBeVisible();
  await expect(page).toHaveURL(/\/proposals\/new$/);
  await expect(page.getByLabel("Title")).toHaveValue("Typed before the session ended");
  await expect(page.getByLabel("Summary")).toHaveValue("This text must survive.");
  await expect(page.getByLabel("Destination country")).toHaveValue("VN");
});
