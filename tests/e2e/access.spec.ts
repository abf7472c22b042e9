import { expect } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/seed/demo";
import { expectAccessible, MEMBER, OTHER_MEMBER, signIn, signOut, test } from "./support";

test("a member can't open another consortium's proposal: it answers 404 like a missing one", async ({ page }) => {
  await signIn(page, MEMBER);
  await page.goto("/proposals");
  await page.getByRole("link", { name: "Sovereign AI compute campus, Abu Dhabi" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sovereign AI compute campus, Abu Dhabi" })).toBeVisible();
  const victimUrl = new URL(page.url()).pathname;
  await signOut(page);

  await signIn(page, OTHER_MEMBER);
  const foreign = await page.goto(victimUrl);
  expect(foreign?.status()).toBe(404);
  await expect(page.getByText("Sovereign AI compute campus")).toHaveCount(0);
  const foreignText = await page.getByRole("main").innerText();

  const missing = await page.goto("/proposals/does-not-exist");
  expect(missing?.status()).toBe(404);
  expect(await page.getByRole("main").innerText()).toBe(foreignText);
  expect((await page.goto("/no-such-page"))?.status()).toBe(404);
  await expect(page).toHaveTitle("Page not found | American AI Exports Program");

  await page.goto("/proposals");
  await expect(page.getByRole("link", { name: "Sovereign AI compute campus, Abu Dhabi" })).toHaveCount(0);

  // The JSON door to the same proposal answers the same way.
  const apiForeign = await page.request.get(`/api${victimUrl}`);
  expect(apiForeign.status()).toBe(404);
  expect(await apiForeign.text()).not.toContain("Sovereign");
  expect((await page.request.get("/api/proposals/does-not-exist")).status()).toBe(404);
  await signOut(page);
  expect((await page.request.get(`/api${victimUrl}`)).status()).toBe(401);

  await signIn(page, MEMBER);
  const own = await page.request.get(`/api${victimUrl}`);
  expect(own.status()).toBe(200);
  expect((await own.json()).proposal.title).toBe("Sovereign AI compute campus, Abu Dhabi");
});

test("a signed-out visitor is sent to sign-in and comes back to the page they asked for", async ({ page }) => {
  await page.goto("/proposals?status=DRAFT");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.getByLabel("Email address").fill(MEMBER);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/proposals\?status=DRAFT$/);
  await expect(page.getByRole("heading", { name: "Proposals" })).toBeVisible();
});

test("a wrong password is refused with a message tied to the field", async ({ page }) => {
  await page.goto("/sign-in");
  await expectAccessible(page);
  await page.getByLabel("Email address").fill(MEMBER);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem signing you in." })).toBeVisible();
  await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Email address")).toHaveValue(MEMBER);
  // The tab title says so too (GOV.UK pattern), and stops saying so once the error is gone.
  await expect(page).toHaveTitle("Error: Sign in | American AI Exports Program");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page).not.toHaveTitle(/^Error: /);
});

test("signing out sticks: no portal response re-issues the session cookie, the old cookie is dead, and local copies are cleared", async ({ page, browser }) => {
  await signIn(page, MEMBER);
  // A re-issued cookie on a request still in flight (a link prefetch, say) would
  // land after sign-out and sign the user back in.
  for (const path of ["/dashboard", "/proposals", "/published"]) {
    const response = await page.request.get(path);
    expect(response.status()).toBe(200);
    expect(response.headers()["set-cookie"] ?? "").not.toContain("session-token");
  }
  const cookiesBefore = await page.context().cookies();
  // A form's unsaved local copy doesn't outlive the session on a shared computer.
  await page.evaluate(() => localStorage.setItem("draft:any-proposal:overview", JSON.stringify({ base: 3, fields: [["title", "Unsaved title"]] })));
  await signOut(page);
  await expect.poll(() => page.evaluate(() => localStorage.length)).toBe(0);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard/);

  // The old cookie, replayed from elsewhere, names a session that has ended.
  const replay = await browser.newContext();
  await replay.addCookies(cookiesBefore);
  const stolen = await replay.newPage();
  await stolen.goto("/dashboard");
  await expect(stolen).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard/);
  expect((await stolen.request.get("/api/session")).ok()).toBe(true);
  expect(await (await stolen.request.get("/api/session")).json()).toEqual({ signedIn: false });
  await replay.close();
});
