// Brings a database to the state the portal needs: the embedded server when no
// DATABASE_URL is given, every migration applied, reference data, and (on a
// database with no users yet) the demo accounts.
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { DEMO_ACCOUNTS, seedDemoData } from "../../prisma/seed/demo";
import { seedReferenceData } from "../../prisma/seed/reference-data";
import { applyMigrations } from "./migrations";

export type PreparedDatabase = {
  url: string;
  embedded: boolean;
  demoSeeded: boolean;
  /** Whether the demo accounts exist (seeded now or before). */
  demoAccounts: boolean;
  stop: () => Promise<void>;
  /** The embedded server's exit (stopped or crashed); undefined for a DATABASE_URL. */
  exited?: Promise<void>;
};

export async function prepareDatabase(options: { dataDir?: string; forceEmbedded?: boolean; port?: number; seedDemo?: boolean } = {}): Promise<PreparedDatabase> {
  const external = options.forceEmbedded ? undefined : process.env.DATABASE_URL;
  let url: string;
  let stop = async () => {};
  let exited: Promise<void> | undefined;
  if (external) {
    url = external;
  } else {
    // Imported only when needed: the package installs process-wide exit hooks.
    const { startEmbeddedPostgres } = await import("./embedded");
    const server = await startEmbeddedPostgres({
      dataDir: options.dataDir ?? path.resolve(".data", "postgres"),
      port: options.port,
    });
    url = server.url;
    stop = server.stop;
    exited = server.exited;
  }
  try {
    await applyMigrations(url);
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    try {
      await seedReferenceData(prisma);
      const demoSeeded = options.seedDemo === false ? false : await seedDemoData(prisma);
      const demoAccounts = (await prisma.user.count({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } } })) > 0;
      return { url, embedded: !external, demoSeeded, demoAccounts, stop, exited };
    } finally {
      await prisma.$disconnect();
    }
  } catch (error) {
    await stop();
    throw error;
  }
}
