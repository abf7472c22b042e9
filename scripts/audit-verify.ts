// `npm run audit:verify`: walks the audit trail's hash chain, checks the cap
// balance against the ledger, records the run, and exits 1 when either is broken.
// Connects with DATABASE_URL, or to the embedded database (running or not).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { runAuditVerification } from "../lib/audit-chain/service";
import { PrismaClient } from "../lib/generated/prisma/client";
import { DEFAULT_APP_ROLE } from "./db/grants";
import { prepareDatabase } from "./db/prepare";

if (existsSync(".env")) process.loadEnvFile(".env");

/** The embedded server started by `npm run dev`, when it is running. */
async function runningEmbedded(dataDir: string): Promise<string | null> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  const passwordFile = path.join(dataDir, "portal-app-password");
  if (!existsSync(pidFile) || !existsSync(passwordFile)) return null;
  const port = readFileSync(pidFile, "utf8").split("\n")[3]?.trim();
  const password = readFileSync(passwordFile, "utf8").trim();
  const url = `postgres://${DEFAULT_APP_ROLE}:${encodeURIComponent(password)}@127.0.0.1:${port}/portal`;
  const probe = new pg.Client({ connectionString: url });
  try {
    await probe.connect();
    return url;
  } catch {
    return null;
  } finally {
    await probe.end().catch(() => undefined);
  }
}

async function database(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const running = await runningEmbedded(path.resolve(".data", "postgres"));
  if (running) return { url: running, stop: async () => {} };
  const prepared = await prepareDatabase({ seedDemo: false });
  return { url: prepared.url, stop: prepared.stop };
}

async function main(): Promise<number> {
  const { url, stop } = await database();
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });
  try {
    const started = Date.now();
    const { run, chain, balance } = await runAuditVerification(client, "command");
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      chain.ok
        ? `Audit trail: intact, ${chain.eventsChecked} events checked in ${seconds} s.`
        : `Audit trail: BROKEN after ${chain.eventsChecked} intact events. ${chain.problem!.message}`,
    );
    console.log(`Exposure cap: ${balance.ok ? "" : "MISMATCH. "}${balance.note}`);
    console.log(`Recorded as verification run ${run.id}.`);
    return run.ok ? 0 : 1;
  } finally {
    await client.$disconnect();
    await stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
