// The portal's database role may do what the portal does and nothing more: the
// audit trail and the cap ledger are read-and-append only, and nothing that
// reaches SQL through the portal can truncate, disable triggers, run programs,
// or forge a cap release.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, createConsortiumMember, createCompleteDraft } from "./support/fixtures";
import { freshDatabase, type TestDatabase } from "./support/database";

let database: TestDatabase;
let app: pg.Client;
let proposalId: string;
let userId: string;

beforeAll(async () => {
  database = await freshDatabase();
  const { actor } = await createConsortiumMember(database.client);
  const draft = await createCompleteDraft(database.client, actor, { destination: "JP" });
  proposalId = draft.id;
  userId = (await createUser(database.client, "EXIM_OFFICER")).userId;
  // A draw made by the owner, so the ledger holds $60M for this proposal.
  await database.owner.exposureCapEntry.create({ data: { kind: "DRAW", amountCents: 6_000_000_000n, proposalId, createdById: userId } });
  app = new pg.Client({ connectionString: database.url });
  await app.connect();
});

afterAll(async () => {
  await app?.end();
});

/** The statement fails as the portal's role, with PostgreSQL's error for it. */
async function refused(sql: string, params: unknown[] = []): Promise<string> {
  await app.query("BEGIN");
  try {
    await app.query(sql, params);
  } catch (error) {
    return (error as Error).message;
  } finally {
    await app.query("ROLLBACK");
  }
  throw new Error(`The portal's role was allowed: ${sql}`);
}

describe("the portal's database role", () => {
  it("is a plain login role: no superuser, no ownership, no CREATE on the schema", async () => {
    const { rows } = await app.query(`
      SELECT r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls,
             has_schema_privilege(current_user, 'public', 'CREATE') AS "createOnSchema",
             (SELECT count(*) FROM pg_tables WHERE tableowner = current_user)::int AS "ownedTables"
        FROM pg_roles r WHERE r.rolname = current_user`);
    expect(rows[0]).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false, createOnSchema: false, ownedTables: 0 });
  });

  it("may TRUNCATE no table at all", async () => {
    const { rows } = await app.query(`
      SELECT tablename FROM pg_tables
       WHERE schemaname IN ('public', 'pgboss') AND has_table_privilege(current_user, format('%I.%I', schemaname, tablename), 'TRUNCATE')`);
    expect(rows).toEqual([]);
    expect(await refused(`TRUNCATE "AuditEvent"`)).toMatch(/permission denied/);
    expect(await refused(`TRUNCATE "ExposureCapEntry"`)).toMatch(/permission denied/);
    expect(await refused(`TRUNCATE "Proposal" CASCADE`)).toMatch(/permission denied/);
  });

  it("may not UPDATE or DELETE the audit trail, the verification runs or the cap ledger, nor write the balance", async () => {
    expect(await refused(`UPDATE "AuditEvent" SET "action" = 'nothing'`)).toMatch(/permission denied/);
    expect(await refused(`DELETE FROM "AuditEvent"`)).toMatch(/permission denied/);
    expect(await refused(`UPDATE "ExposureCapEntry" SET "amountCents" = 1`)).toMatch(/permission denied/);
    expect(await refused(`DELETE FROM "ExposureCapEntry"`)).toMatch(/permission denied/);
    expect(await refused(`DELETE FROM "AuditVerification"`)).toMatch(/permission denied/);
    expect(await refused(`UPDATE "ExposureCapBalance" SET "ledgerSumCents" = 0`)).toMatch(/permission denied/);
    expect(await refused(`SELECT * FROM "_prisma_migrations"`)).toMatch(/permission denied/);
  });

  it("may not disable the append-only triggers, alter or drop tables, or create any", async () => {
    expect(await refused(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`)).toMatch(/must be owner/);
    expect(await refused(`ALTER TABLE "ExposureCapEntry" DISABLE TRIGGER ALL`)).toMatch(/must be owner/);
    expect(await refused(`ALTER TABLE "ExposureCapEntry" DROP CONSTRAINT "ExposureCapEntry_amount_sign"`)).toMatch(/must be owner/);
    expect(await refused(`DROP TABLE "AuditEvent"`)).toMatch(/must be owner/);
    expect(await refused(`CREATE TABLE "Shadow" (id int)`)).toMatch(/permission denied/);
    expect(await refused(`CREATE FUNCTION public.forbid_update_or_delete() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'`)).toMatch(/permission denied|must be owner/);
  });

  it("may not run programs or read and write server files", async () => {
    expect(await refused(`COPY "AuditEvent" TO PROGRAM 'true'`)).toMatch(/permission denied|must be superuser|pg_execute_server_program/);
    expect(await refused(`COPY (SELECT 1) TO '/tmp/portal-escape'`)).toMatch(/permission denied|must be superuser|pg_write_server_files/);
    expect(await refused(`SELECT pg_read_file('postgresql.conf')`)).toMatch(/permission denied/);
    expect(await refused(`CREATE EXTENSION IF NOT EXISTS plpython3u`)).toMatch(/permission denied|not available|must be/);
  });

  it("may still do the portal's work: append to the audit trail and the ledger", async () => {
    await app.query("BEGIN");
    await app.query(`INSERT INTO "AuditEvent" ("actorRole", "action", "entityType", "entityId") VALUES ('SYSTEM', 'test', 'Proposal', $1)`, [proposalId]);
    await app.query(`INSERT INTO "ExposureCapEntry" ("kind", "amountCents", "proposalId", "createdById") VALUES ('DRAW', 100, $1, $2)`, [proposalId, userId]);
    await app.query("ROLLBACK");
  });
});

describe("the cap ledger's guards", () => {
  const insert = (kind: string, amount: bigint) =>
    refused(`INSERT INTO "ExposureCapEntry" ("kind", "amountCents", "proposalId", "createdById") VALUES ($1, $2, $3, $4)`, [kind, amount.toString(), proposalId, userId]);

  it("refuses a negative or zero DRAW and a positive RELEASE", async () => {
    expect(await insert("DRAW", -5_000_000_000_000n)).toMatch(/ExposureCapEntry_amount_sign/);
    expect(await insert("DRAW", 0n)).toMatch(/ExposureCapEntry_amount_sign/);
    expect(await insert("RELEASE", 100n)).toMatch(/ExposureCapEntry_amount_sign/);
  });

  it("refuses a release of more than the proposal drew (the forged -$50B release)", async () => {
    expect(await insert("RELEASE", -5_000_000_000_000n)).toMatch(/more than proposal .* has drawn/);
    expect(await insert("RELEASE", -6_000_000_001n)).toMatch(/more than proposal .* has drawn/);
    expect(await refused(`INSERT INTO "ExposureCapEntry" ("kind", "amountCents", "createdById") VALUES ('RELEASE', -1, $1)`, [userId])).toMatch(/ExposureCapEntry_amount_sign/);
  });

  it("accepts a release of exactly what was drawn, and the balance follows the ledger", async () => {
    await app.query("BEGIN");
    await app.query(`INSERT INTO "ExposureCapEntry" ("kind", "amountCents", "proposalId", "createdById") VALUES ('RELEASE', -6000000000, $1, $2)`, [proposalId, userId]);
    const { rows } = await app.query(`SELECT "ledgerSumCents"::text AS sum FROM "ExposureCapBalance"`);
    expect(rows[0].sum).toBe("0");
    // And not a cent more.
    await expect(app.query(`INSERT INTO "ExposureCapEntry" ("kind", "amountCents", "proposalId", "createdById") VALUES ('RELEASE', -1, $1, $2)`, [proposalId, userId])).rejects.toThrow(/has drawn/);
    await app.query("ROLLBACK");
  });
});
