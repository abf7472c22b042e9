// A server the administrator provides: a non-superuser owner migrates, sets up
// the job queue and grants; the portal's role gets exactly its privileges, also
// on tables a later migration adds; a superuser or the owner is refused as the
// portal's role.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { grantAppRole, withCredentials } from "@/scripts/db/grants";
import { deployDatabase } from "@/scripts/db/prepare";

const suffix = randomBytes(4).toString("hex");
const owner = { user: `owner_${suffix}`, password: "owner-secret" };
const app = { user: `app_${suffix}`, password: "app-secret" };
const database = `provided_${suffix}`;
let ownerUrl: string;
let appUrl: string;
let appClient: pg.Client;

async function asSuperuser(sql: string) {
  const client = new pg.Client({ connectionString: inject("serverUrl") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await asSuperuser(`CREATE ROLE "${owner.user}" LOGIN PASSWORD '${owner.password}'`);
  await asSuperuser(`CREATE ROLE "${app.user}" LOGIN PASSWORD '${app.password}'`);
  await asSuperuser(`CREATE DATABASE "${database}" OWNER "${owner.user}" TEMPLATE template0`);
  const serverUrl = inject("serverUrl").replace(/\/postgres$/, `/${database}`);
  ownerUrl = withCredentials(serverUrl, owner.user, owner.password);
  appUrl = withCredentials(serverUrl, app.user, app.password);
  await deployDatabase(ownerUrl, appUrl);
  appClient = new pg.Client({ connectionString: appUrl });
  await appClient.connect();
}, 60_000);

afterAll(async () => {
  await appClient?.end();
});

describe("deploying to a provided server with two roles", () => {
  it("migrates as a non-superuser owner, idempotently", async () => {
    expect(await deployDatabase(ownerUrl, appUrl)).toEqual([]);
    const { rows } = await appClient.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tableowner = $1`, [owner.user]);
    expect(rows[0].n).toBeGreaterThan(20);
  });

  it("gives the portal's role its privileges and no more", async () => {
    const { rows } = await appClient.query(`
      SELECT has_table_privilege('"Proposal"', 'UPDATE') AS "proposalUpdate",
             has_table_privilege('"AuditEvent"', 'INSERT') AS "auditInsert",
             has_table_privilege('"AuditEvent"', 'UPDATE') AS "auditUpdate",
             has_table_privilege('"ExposureCapEntry"', 'DELETE') AS "ledgerDelete",
             has_table_privilege('"ExposureCapBalance"', 'UPDATE') AS "balanceUpdate",
             has_table_privilege('pgboss.job', 'INSERT') AS "jobInsert",
             has_schema_privilege('public', 'CREATE') AS "createPublic",
             has_schema_privilege('pgboss', 'CREATE') AS "createJobs"`);
    expect(rows[0]).toEqual({
      proposalUpdate: true,
      auditInsert: true,
      auditUpdate: false,
      ledgerDelete: false,
      balanceUpdate: false,
      jobInsert: true,
      createPublic: false,
      createJobs: false,
    });
  });

  it("covers a table a later migration adds, before and after the grants step runs", async () => {
    const ownerClient = new pg.Client({ connectionString: ownerUrl });
    await ownerClient.connect();
    try {
      await ownerClient.query(`CREATE TABLE "Later" (id int PRIMARY KEY)`);
      await appClient.query(`INSERT INTO "Later" VALUES (1)`);
      await grantAppRole(ownerUrl, app.user);
      await appClient.query(`UPDATE "Later" SET id = 2`);
      await expect(appClient.query(`TRUNCATE "Later"`)).rejects.toThrow(/permission denied/);
    } finally {
      await ownerClient.end();
    }
  });

  it("refuses a superuser or the owner as the portal's role", async () => {
    await expect(grantAppRole(ownerUrl, "postgres")).rejects.toThrow(/superuser/);
    await expect(grantAppRole(ownerUrl, owner.user)).rejects.toThrow(/owner's role/);
    await expect(grantAppRole(ownerUrl, "nobody_here")).rejects.toThrow(/does not exist/);
  });
});
