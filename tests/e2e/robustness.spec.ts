import { expect } from "@playwright/test";
import { expectAccessible, MEMBER, REVIEWER, signIn, test } from "./support";

test("odd addresses answer 404, never a server error", async ({ page }) => {
  await signIn(page, MEMBER);
  for (const path of ["/proposals/%ff", "/proposals/a%c0%afb", "/proposals/%00", "/licensing/%ff", "/financing/%ff", "/api/proposals/%00", "/api/proposals/%ff", "/api/auth/%ff"]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(404);
  }
  for (const path of ["/proposals?page=-1", "/proposals?page=abc&status=%3Cscript%3E", "/published?page=99999"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
  }
});

test.describe("on a 375-pixel-wide phone", () => {
  test.use({ viewport: { width: 375, height: 800 } });

  test("pages reflow without sideways scrolling and stay accessible", async ({ page }) => {
    await signIn(page, MEMBER);
    await page.goto("/proposals");
    await page.getByRole("link", { name: "Sovereign AI compute campus, Abu Dhabi" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sovereign AI compute campus, Abu Dhabi" })).toBeVisible();
    const pages = ["/dashboard", "/proposals", "/published", new URL(page.url()).pathname];
    for (const path of pages) {
      await page.goto(path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
      await expectAccessible(page);
    }
  });

  test("the license queue reflows too", async ({ page }) => {
    await signIn(page, REVIEWER);
    await page.goto("/licensing");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectAccessible(page);
  });
});
