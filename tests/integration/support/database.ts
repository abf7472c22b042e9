// Each test file works in its own database, cloned from the migrated template:
// tests never share rows, so they run in parallel and never reset anything.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db";

const TEMPLATE_DATABASE = "portal_template";

export async function freshDatabase(): Promise<{ client: Db; url: string; newClient: () => Db }> {
  const serverUrl = inject("serverUrl");
  const name = `portal_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DATABASE}"`);
  } finally {
    await admin.end();
  }
  const url = serverUrl.replace(/\/postgres$/, `/${name}`);
  const clients: Db[] = [];
  const newClient = () => {
    const client = createPrismaClient(url);
    clients.push(client);
    return client;
  };
  const client = newClient();
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.$disconnect()));
  });
  return { client, url, newClient };
}
