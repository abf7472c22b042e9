// `npm run dev` and `npm start`: prepare the database, then run Next.js on it.
//   tsx scripts/run.ts dev|start [--port 3000] [--data-dir .data/postgres] [--fresh] [--embedded]
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../prisma/seed/demo";
import { localAuthSecret } from "./db/auth-secret";
import { prepareDatabase } from "./db/prepare";
import { keepPostgresRunning, keepServerRunning, type Supervised } from "./supervise";

if (existsSync(".env")) process.loadEnvFile(".env");

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: "string", default: process.env.PORT ?? "3000" },
    "data-dir": { type: "string" },
    fresh: { type: "boolean", default: false },
    embedded: { type: "boolean", default: false },
  },
});
const mode = positionals[0];
if (mode !== "dev" && mode !== "start") {
  console.error("Usage: tsx scripts/run.ts dev|start [--port N] [--data-dir DIR] [--fresh] [--embedded]");
  process.exit(1);
}

const dataRoot = path.resolve(".data");
const dataDir = path.resolve(values["data-dir"] ?? path.join(dataRoot, "postgres"));
if (values.fresh) rmSync(dataDir, { recursive: true, force: true });

/** A stable signing secret for local sessions, kept out of git; production sets AUTH_SECRET. */
function authSecret(): string {
  if (!process.env.AUTH_SECRET && mode === "start" && process.env.NODE_ENV === "production" && process.env.DATABASE_URL) {
    console.error("Set AUTH_SECRET (for example: openssl rand -base64 32) to run against a production database.");
    process.exit(1);
  }
  return localAuthSecret(dataRoot);
}

async function main() {
  const startedAt = Date.now();
  // Demo accounts belong on development and embedded databases; a production
  // database given by DATABASE_URL gets them only when asked (SEED_DEMO_DATA=true).
  const external = Boolean(process.env.DATABASE_URL) && !values.embedded;
  const seedDemo = mode === "dev" || !external || process.env.SEED_DEMO_DATA === "true";
  // Set before the seed: demo authenticator secrets are sealed under a key derived from it.
  process.env.AUTH_SECRET = authSecret();
  const database = await prepareDatabase({ dataDir, forceEmbedded: values.embedded, seedDemo });
  console.log(
    database.embedded
      ? `Embedded PostgreSQL ready (${dataDir}) in ${Date.now() - startedAt} ms.`
      : "Using the PostgreSQL server at DATABASE_URL; migrations are up to date.",
  );
  if (!database.separateRoles) {
    console.warn(
      "The portal connects with the same role that owns the database. Set MIGRATION_DATABASE_URL to the owner " +
        "and DATABASE_URL to a separate login role (see the README, \"Your own PostgreSQL\").",
    );
  }
  if (database.demoAccounts) {
    console.log(`\nDemo accounts (password for all: ${DEMO_PASSWORD}):`);
    for (const account of DEMO_ACCOUNTS) console.log(`  ${account.email.padEnd(28)} ${account.what}`);
    console.log("\nGovernment accounts also ask for an authenticator code: add the secret to an authenticator app,");
    console.log("or print the current code with `npm run demo:otp -- <email>`.");
    for (const account of DEMO_ACCOUNTS.filter((a) => a.totpSecret)) console.log(`  ${account.email.padEnd(28)} ${account.totpSecret}`);
  }
  console.log(`\nPortal: http://localhost:${values.port}\n`);

  // `npm start` serves through scripts/serve.ts (Next.js's handler behind a plain
  // Node server); `npm run dev` runs Next.js's development server.
  const [command, ...args] =
    mode === "start"
      ? [process.execPath, "--import", "tsx", path.resolve("scripts", "serve.ts"), "--port", values.port!]
      : [process.execPath, path.resolve("node_modules", "next", "dist", "bin", "next"), "dev", "--port", values.port!];
  const env = {
    ...process.env,
    ...(mode === "start" ? { NODE_ENV: "production" as const } : {}),
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: database.url,
    AUTH_SECRET: authSecret(),
    AUTH_TRUST_HOST: "true",
  };

  // Each part is restarted when it dies on its own; a part that keeps dying
  // (a crash loop) stops the whole portal with an error.
  let stopping = false;
  const parts: Array<Pick<Supervised, "stop">> = [];
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const part of parts.reverse()) await part.stop().catch((error: unknown) => console.error(error));
    process.exit(code);
  };
  const giveUp = (error: Error) => {
    console.error(error.message);
    void shutdown(1);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  if (database.embedded && database.exited) {
    const port = Number(new URL(database.url).port);
    parts.push(await keepPostgresRunning({ dataDir, port, first: { exited: database.exited, stop: database.stop }, onGiveUp: giveUp }));
  } else {
    parts.push({ stop: database.stop });
  }
  parts.push(await keepServerRunning({ command: command!, args, env, onGiveUp: giveUp }));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
