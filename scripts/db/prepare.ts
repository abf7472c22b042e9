// Brings a database to the state the portal needs: the embedded server when no
// DATABASE_URL is given, every migration applied by the owner, the job queue's
// schema, the portal role's grants, reference data, and (on a database with no
// users yet) the demo accounts.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { setUpJobQueues } from "../../lib/jobs/queue";
import { DEMO_ACCOUNTS, seedDemoData } from "../../prisma/seed/demo";
import { seedReferenceData } from "../../prisma/seed/reference-data";
import { DEFAULT_APP_ROLE, ensureLoginRole, grantAppRole, roleOf, withCredentials } from "./grants";
import { applyMigrations } from "./migrations";

export type PreparedDatabase = {
  /** What the portal connects with: its least-privilege role. */
  url: string;
  /** What migrations and seeding use: the owner. */
  ownerUrl: string;
  embedded: boolean;
  /** False when DATABASE_URL is given without MIGRATION_DATABASE_URL: the portal then runs as the owner. */
  separateRoles: boolean;
  demoSeeded: boolean;
  /** Whether the demo accounts exist (seeded now or before). */
  demoAccounts: boolean;
  stop: () => Promise<void>;
  /** The embedded server's exit (stopped or crashed); undefined for a DATABASE_URL. */
  exited?: Promise<void>;
};

/**
 * Migrations, the job queue's schema and the portal role's grants, as the owner.
 * The grants step runs after every deploy, so tables a migration adds are covered.
 */
export async function deployDatabase(ownerUrl: string, appUrl: string): Promise<string[]> {
  const applied = await applyMigrations(ownerUrl);
  await setUpJobQueues(ownerUrl);
  if (roleOf(appUrl) !== roleOf(ownerUrl)) await grantAppRole(ownerUrl, roleOf(appUrl));
  return applied;
}

/** The embedded portal role's password: random, kept beside the cluster it belongs to. */
function embeddedAppPassword(dataDir: string): string {
  const file = path.join(dataDir, "portal-app-password");
  if (!existsSync(file)) writeFileSync(file, randomBytes(24).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

export async function prepareDatabase(options: { dataDir?: string; forceEmbedded?: boolean; port?: number; seedDemo?: boolean } = {}): Promise<PreparedDatabase> {
  const external = options.forceEmbedded ? undefined : process.env.DATABASE_URL;
  let url: string;
  let ownerUrl: string;
  let stop = async () => {};
  let exited: Promise<void> | undefined;
  if (external) {
    url = external;
    ownerUrl = process.env.MIGRATION_DATABASE_URL || external;
  } else {
    // Imported only when needed: the package installs process-wide exit hooks.
    const { startEmbeddedPostgres } = await import("./embedded");
    const dataDir = options.dataDir ?? path.resolve(".data", "postgres");
    const server = await startEmbeddedPostgres({ dataDir, port: options.port });
    stop = server.stop;
    exited = server.exited;
    ownerUrl = server.url;
    try {
      const password = embeddedAppPassword(dataDir);
      await ensureLoginRole(ownerUrl, DEFAULT_APP_ROLE, password);
      url = withCredentials(ownerUrl, DEFAULT_APP_ROLE, password);
    } catch (error) {
      await stop();
      throw error;
    }
  }
  try {
    await deployDatabase(ownerUrl, url);
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: ownerUrl }) });
    try {
      await seedReferenceData(prisma);
      const demoSeeded = options.seedDemo === false ? false : await seedDemoData(prisma);
      const demoAccounts = (await prisma.user.count({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } } })) > 0;
      return { url, ownerUrl, embedded: !external, separateRoles: roleOf(url) !== roleOf(ownerUrl), demoSeeded, demoAccounts, stop, exited };
    } finally {
      await prisma.$disconnect();
    }
  } catch (error) {
    await stop();
    throw error;
  }
}
