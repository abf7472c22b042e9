// Starts a production server (`scripts/run.ts start`, as `npm start` runs it) on a
// given database and port, and waits until it answers. For the benchmark and the
// test that runs two servers on one database.
import { spawn } from "node:child_process";
import path from "node:path";
import { codeForStep, nextUsableStep, timeStepAt } from "../lib/identity/totp";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../prisma/seed/demo";

export type RunningServer = { base: string; stop: () => Promise<void> };

/** `migrationDatabaseUrl`: the owner's connection, when `databaseUrl` is the portal's least-privilege role. */
export async function startServer(databaseUrl: string, port: number, authSecret: string, migrationDatabaseUrl?: string): Promise<RunningServer> {
  const child = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/run.ts", "start", "--port", String(port)], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      ...(migrationDatabaseUrl ? { MIGRATION_DATABASE_URL: migrationDatabaseUrl } : {}),
      AUTH_SECRET: authSecret,
      SEED_DEMO_DATA: "true",
      NODE_ENV: "production",
    },
  });
  const base = `http://localhost:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server on port ${port} exited before it answered.`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The server on port ${port} did not answer within two minutes.`);
    }
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { base, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

// ─── Signing in from a script: one place, so a second factor can be added here ─

export type Session = { cookie: string };

/** Signs a demo account in through Auth.js's credentials endpoint, as the sign-in form does. */
export async function signIn(base: string, email: string, password = DEMO_PASSWORD): Promise<Session> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf) },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/dashboard` }),
  });
  const cookie = cookiesOf(response);
  if (!/authjs\.session-token=/.test(cookie)) throw new Error(`Sign-in as ${email} failed (HTTP ${response.status}).`);
  const secret = DEMO_ACCOUNTS.find((a) => a.email === email)?.totpSecret;
  if (secret) await showSecondFactor(base, cookie, email, secret);
  return { cookie };
}

// A code is accepted once: a second sign-in within the same 30-second step
// uses the next step's code (accepted for clock drift), or waits for the clock.
const lastStepUsed = new Map<string, number>();

async function showSecondFactor(base: string, cookie: string, email: string, secret: string): Promise<void> {
  const step = nextUsableStep(lastStepUsed.get(email));
  while (step > timeStepAt() + 1) await new Promise((resolve) => setTimeout(resolve, 1000));
  lastStepUsed.set(email, step);
  const response = await fetch(`${base}/api/session/second-factor`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ code: await codeForStep(secret, step) }),
  });
  if (!response.ok) throw new Error(`The second factor for ${email} was refused (HTTP ${response.status}): ${await response.text()}`);
}

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .join("; ");
}
