import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);

// Use Playwright's own Chromium where it is installed; otherwise the system's
// (Debian's chromium package), which .ci/run installs.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((p) => existsSync(p));
const executablePath = existsSync(chromium.executablePath()) ? undefined : systemChromium;

export default defineConfig({
  testDir: "tests/e2e",
  // Shared CI machines are slow at times: journeys get room, and every wait is on
  // what the user sees, never a fixed sleep.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    // A production build on its own fresh embedded PostgreSQL, with the demo data.
    command: `npx tsx scripts/run.ts start --port ${PORT} --embedded --fresh --data-dir ${path.join(os.tmpdir(), `portal-e2e-postgres-${PORT}`)}`,
    url: `http://localhost:${PORT}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
