import { expect, type Page } from "@playwright/test";
import { MEMBER, OFFICER, REVIEWER, signIn, test } from "./support";

// At 375 CSS pixels (a small phone, WCAG 1.4.10 reflow) no page scrolls sideways:
// wide tables scroll inside their own region, which says so.
test.use({ viewport: { width: 375, height: 812 } });

async function expectReflows(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${path} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
}

/** The first link in the page's tables whose address starts with `prefix`. */
async function firstRecord(page: Page, listPath: string, prefix: string): Promise<string> {
  await page.goto(listPath);
  const href = await page.locator(`table a[href^="${prefix}"]`).first().getAttribute("href");
  expect(href, `a record linked from ${listPath}`).toBeTruthy();
  return href!;
}

test("the public pages reflow at 375 pixels", async ({ page }) => {
  for (const path of ["/", "/published", "/estimate", "/sign-in"]) await expectReflows(page, path);
});

test("a member's pages reflow at 375 pixels", async ({ page }) => {
  await signIn(page, MEMBER);
  for (const path of ["/dashboard", "/proposals", "/consortia", "/account"]) await expectReflows(page, path);
  await expectReflows(page, await firstRecord(page, "/proposals", "/proposals/"));
  await page.goto("/consortia");
  const consortium = await page.locator('main a[href^="/consortia/c"]').first().getAttribute("href");
  await expectReflows(page, consortium!);
});

// The license request and financing decision pages are checked in the license
// review journey, which makes a request to look at.
test("a reviewer's and an officer's lists reflow at 375 pixels", async ({ page }) => {
  await signIn(page, REVIEWER);
  for (const path of ["/dashboard", "/licensing", "/licensing/conflicts"]) await expectReflows(page, path);

  await page.context().clearCookies();
  await signIn(page, OFFICER);
  for (const path of ["/dashboard", "/financing", "/dashboard/program"]) await expectReflows(page, path);
});
