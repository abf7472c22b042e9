// Each test file works in its own database, cloned from the migrated template:
// tests never share rows, so they run in parallel and never reset anything.
// `client` connects as the portal's least-privilege role, as the services do in
// production; `owner` is for what only the owner may do (tampering, set-up).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db";
import { withCredentials } from "@/scripts/db/grants";

const TEMPLATE_DATABASE = "portal_template";

export type TestDatabase = {
  /** The portal's role. */
  client: Db;
  url: string;
  newClient: (options?: { poolSize?: number }) => Db;
  /** The owner (the test server's superuser). */
  owner: Db;
  ownerUrl: string;
};

export async function freshDatabase(): Promise<TestDatabase> {
  const serverUrl = inject("serverUrl");
  const appRole = inject("appRole");
  const name = `portal_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DATABASE}"`);
  } finally {
    await admin.end();
  }
  const ownerUrl = serverUrl.replace(/\/postgres$/, `/${name}`);
  const url = withCredentials(ownerUrl, appRole.user, appRole.password);
  const clients: Db[] = [];
  const track = (client: Db) => {
    clients.push(client);
    return client;
  };
  const newClient = (options: { poolSize?: number } = {}) => track(createPrismaClient(url, options));
  const client = newClient();
  const owner = track(createPrismaClient(ownerUrl));
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.$disconnect()));
  });
  return { client, url, newClient, owner, ownerUrl };
}
