// The administrator sees when the audit trail was last verified, and the result.
import { expect } from "@playwright/test";
import { expectAccessible, signIn, test } from "./support";

test("the settings page shows the audit trail's last verification", async ({ page }) => {
  await signIn(page, "admin@portal.example", "/sign-in?callbackUrl=/admin/settings");
  await page.goto("/admin/settings");
  const section = page.getByRole("region", { name: "Audit trail" });
  await expect(section).toBeVisible();
  await expect(section.getByText(/Not verified yet\.|Last verified/)).toBeVisible();
  await expect(section.getByText("npm run audit:verify")).toBeVisible();
  await expectAccessible(page);
});
