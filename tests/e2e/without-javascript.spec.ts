import { expect } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/seed/demo";
import { MEMBER, test } from "./support";

// Forms post and answer as plain HTML (progressive enhancement, as USWDS and
// GOV.UK expect): a browser without JavaScript can sign in, see field-level
// errors with the typed values kept, and save.
test.use({ javaScriptEnabled: false });

test("without JavaScript a member signs in, gets field-level errors with input kept, and creates a consortium", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(MEMBER);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem signing you in." })).toBeVisible();
  await expect(page.getByLabel("Email address")).toHaveValue(MEMBER);

  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);

  await page.goto("/consortia/new");
  const name = `Plain HTML Consortium ${Date.now()}`;
  await page.getByLabel("Consortium name").fill(name);
  await page.getByRole("button", { name: "Create consortium" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("There is a problem with what you entered.");
  await expect(page.getByLabel("Consortium name")).toHaveValue(name);
  await expect(summary.getByRole("link").first()).toHaveAttribute("href", /^#field-/);
});
