// One real PostgreSQL server for the whole integration run, in a throwaway data
// folder: migrated, set up and loaded with reference data once, as a template
// database that each test file clones (see database.ts). As in production, the
// owner migrates and the services run as the portal's least-privilege role.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { PrismaClient } from "../../../lib/generated/prisma/client";
import { seedReferenceData } from "../../../prisma/seed/reference-data";
import { DEFAULT_APP_ROLE, ensureLoginRole, withCredentials } from "../../../scripts/db/grants";
import { deployDatabase } from "../../../scripts/db/prepare";

export const TEMPLATE_DATABASE = "portal_template";
const APP_PASSWORD = "portal-app-test";

declare module "vitest" {
  export interface ProvidedContext {
    /** The superuser (the owner here), on the "postgres" database. */
    serverUrl: string;
    appRole: { user: string; password: string };
  }
}

export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "portal-integration-"));
  const { startEmbeddedPostgres } = await import("../../../scripts/db/embedded");
  const server = await startEmbeddedPostgres({ dataDir, port: 0, database: TEMPLATE_DATABASE });
  await ensureLoginRole(server.url, DEFAULT_APP_ROLE, APP_PASSWORD);
  await deployDatabase(server.url, withCredentials(server.url, DEFAULT_APP_ROLE, APP_PASSWORD));
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: server.url }) });
  await seedReferenceData(prisma);
  await prisma.$disconnect();
  // Cloning needs the template free of connections.
  const admin = new pg.Client({ connectionString: server.url.replace(`/${TEMPLATE_DATABASE}`, "/postgres") });
  await admin.connect();
  await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [TEMPLATE_DATABASE]);
  await admin.end();
  project.provide("serverUrl", server.url.replace(`/${TEMPLATE_DATABASE}`, "/postgres"));
  project.provide("appRole", { user: DEFAULT_APP_ROLE, password: APP_PASSWORD });
  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
