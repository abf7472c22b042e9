// The portal runs as several stateless processes on one database: two production
// servers share a PostgreSQL server, a session signed in through one works on the
// other, and a change made through one is seen through the other at once.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startEmbeddedPostgres } from "../../scripts/db/embedded";
import { startServer, type RunningServer } from "../../scripts/server";
import { MEMBER, signIn } from "./support";

const PORT = Number(process.env.E2E_PORT ?? 3100);
let servers: RunningServer[] = [];
let cleanup = async () => {};

test.describe.configure({ mode: "serial", timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `portal-two-servers-${PORT}-`));
  const database = await startEmbeddedPostgres({ dataDir, port: 0 });
  cleanup = async () => {
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  const secret = "two-servers-share-one-signing-secret";
  // The first server prepares the database (migrations, reference and demo data); the second finds it ready.
  servers.push(await startServer(database.url, PORT + 1, secret));
  servers.push(await startServer(database.url, PORT + 2, secret));
});

test.afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  servers = [];
  await cleanup();
});

test("a change made through one server is seen through the other at once", async ({ page }) => {
  const [a, b] = servers as [RunningServer, RunningServer];
  const title = `Two-server package ${Date.now()}`;

  // Signed in and a draft created through server A...
  await signIn(page, MEMBER, `${a.base}/sign-in`);
  await page.goto(`${a.base}/proposals/new`);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Summary").fill("Created through one server, read through the other.");
  await page.getByLabel("Destination country").selectOption({ label: "Singapore" });
  await page.getByRole("button", { name: "Create draft proposal" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
  const proposalPath = new URL(page.url()).pathname.replace(/\/overview$/, "");

  // ...is in server B's list, with the same session (cookies don't depend on the port).
  await page.goto(`${b.base}/proposals`);
  await expect(page.getByRole("link", { name: title })).toBeVisible();

  // Changed through B, seen through A on the very next request.
  await page.goto(`${b.base}${proposalPath}/overview`);
  const details = page.getByRole("form", { name: "Overview" });
  await details.getByLabel("Title").fill(`${title} (revised)`);
  await details.getByRole("button", { name: "Save overview" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Overview saved." })).toBeVisible();
  await page.goto(`${a.base}${proposalPath}`);
  await expect(page.getByRole("heading", { level: 1, name: `${title} (revised)` })).toBeVisible();
});

test("signing out through one server ends the session on the other at once", async ({ page, browser }) => {
  const [a, b] = servers as [RunningServer, RunningServer];
  await signIn(page, MEMBER, `${a.base}/sign-in`);
  const cookies = await page.context().cookies();
  await page.goto(`${b.base}/dashboard`);
  await expect(page.getByRole("heading", { level: 1, name: /Welcome/ })).toBeVisible();

  // The same cookie, kept by someone else, before and after sign-out through A.
  const other = await browser.newContext();
  await other.addCookies(cookies);
  const copy = await other.newPage();
  await copy.goto(`${b.base}/dashboard`);
  await expect(copy.getByRole("heading", { level: 1, name: /Welcome/ })).toBeVisible();

  await page.goto(`${a.base}/dashboard`);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByText("You have signed out.")).toBeVisible();

  await copy.goto(`${b.base}/dashboard`);
  await expect(copy).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard/);
  await other.close();
});
