// Trust in the browser: setting up an authenticator app at first sign-in,
// recovery codes, and the warning before an idle session ends.
import { expect } from "@playwright/test";
import { generate } from "otplib";
import { DEMO_PASSWORD } from "../../prisma/seed/demo";
import { expectAccessible, MEMBER, signIn, test } from "./support";

const ANALYST = "analyst@commerce.example"; // a Commerce reviewer with no authenticator app yet

test("a reviewer sets up an authenticator app at first sign-in, can't reach the queue before, and can use a recovery code later", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/licensing");
  await page.getByLabel("Email address").fill(ANALYST);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByRole("heading", { name: "Set up your authenticator app" })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in\/authenticator\?callbackUrl=%2Flicensing/);
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  await expectAccessible(page);

  // The queue stays out of reach until the app is confirmed.
  await page.goto("/licensing");
  await expect(page).toHaveURL(/\/sign-in\/authenticator/);
  expect((await page.request.get("/api/proposals/anything")).status()).toBe(401);

  // As a person without a camera would: read the key and type it into the app.
  await page.getByText("Can't scan it? Type this key instead").click();
  const secret = (await page.locator("details code").innerText()).replaceAll(" ", "");
  await page.getByLabel("Code from the app").fill("123");
  await page.getByRole("button", { name: "Confirm and continue" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toBeVisible();
  await expect(page.getByLabel("Code from the app")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Code from the app").fill(await generate({ secret }));
  await page.getByRole("button", { name: "Confirm and continue" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your authenticator app is set up" })).toBeVisible();
  const codes = await page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem").allInnerTexts();
  expect(codes).toHaveLength(10);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/licensing$/);
  await expect(page.getByRole("link", { name: "License queue" })).toBeVisible();

  // Next time: password, then the second step, where a recovery code stands in for a lost phone.
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await page.getByLabel("Email address").fill(ANALYST);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Enter your authentication code" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Authentication code").fill("000000");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "That code is not right." })).toBeVisible();
  await page.getByLabel("Authentication code").fill(codes[0]!);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Your account and security" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "9 codes are left" })).toBeVisible();
  await expectAccessible(page);

  // The same recovery code never works twice.
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await page.getByLabel("Email address").fill(ANALYST);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByLabel("Authentication code").fill(codes[0]!);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "That code is not right." })).toBeVisible();
});

test("before an idle session ends the user is warned and can stay signed in; after it ends, the page and its input stay", async ({ page, context }) => {
  test.setTimeout(90_000);
  await page.clock.install();
  await signIn(page, MEMBER);
  await page.goto("/proposals/new");
  await page.getByLabel("Title").fill("Typed before a long break");

  // 28 of the 30 idle minutes pass: the warning appears, with the time left, and takes focus.
  await page.clock.fastForward("28:00");
  const warning = page.getByRole("dialog", { name: "You're about to be signed out" });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText(/sign you out in (2 minutes|1 minute \d+ seconds?)/);
  await expect(warning.getByRole("button", { name: "Stay signed in" })).toBeFocused();
  await expectAccessible(page);

  // Back to the real time (the server's clock never moved), then stay signed in.
  await page.clock.setSystemTime(new Date());
  await warning.getByRole("button", { name: "Stay signed in" }).click();
  await expect(warning).toBeHidden();
  await expect(page.getByLabel("Title")).toHaveValue("Typed before a long break");
  const session = await (await page.request.get("/api/session")).json();
  expect(session.signedIn).toBe(true);
  expect(session.secondsLeft).toBeGreaterThan(29 * 60);

  // The session ends elsewhere (signed out in another tab); when the time comes
  // the dialog says so, and what was typed is still on the page.
  const other = await context.newPage();
  await other.goto("/dashboard");
  await other.getByRole("button", { name: "Sign out" }).click();
  await expect(other.getByText("You have signed out.")).toBeVisible();
  await other.close();
  await page.clock.fastForward("28:30");
  const ended = page.getByRole("dialog", { name: "You have been signed out" });
  await expect(ended).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue("Typed before a long break");
  await ended.getByRole("link", { name: "Sign in again" }).click();
  await expect(page.getByText("You were signed out after a period without activity.")).toBeVisible();
  await expect(page).toHaveURL(/callbackUrl=%2Fproposals%2Fnew/);
});
