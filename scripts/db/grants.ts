// The portal's two database roles. The owner (MIGRATION_DATABASE_URL, or the
// embedded server's superuser) runs migrations and seeds; the portal runs as a
// separate login role (DATABASE_URL) with only what it needs:
//   - the audit trail, the verification runs, the cap ledger, the submitted
//     versions and the requests for revision: SELECT, INSERT;
//   - the cap balance: SELECT (a trigger owned by the owner moves it);
//   - every other table: SELECT, INSERT, UPDATE, DELETE; sequences: USAGE;
//   - the job queue's schema (pg-boss): the same, on its tables only;
//   - no TRUNCATE, no ownership, no CREATE on any schema, never a superuser.
// The grants name a role the server's administrator chooses, so they are not in
// migration.sql: grantAppRole runs after every migration deploy (prepare,
// `npm run db:migrate`, `npm run db:grants`), and default privileges cover
// tables a later migration adds before the next run.
import pg from "pg";
import { JOB_SCHEMA } from "../../lib/jobs/definitions";

/** Tables the portal may only read and append to. */
export const APPEND_ONLY_TABLES = ["AuditEvent", "AuditVerification", "ExposureCapEntry", "ReferenceTableVersion", "ExportControlRulesVersion", "ProposalSubmission", "RevisionRequest"] as const;
/** Tables the portal may only read (the database maintains them). */
export const READ_ONLY_TABLES = ["ExposureCapBalance"] as const;

export const DEFAULT_APP_ROLE = "portal_app";

/** The role name a connection string logs in as. */
export function roleOf(url: string): string {
  const user = decodeURIComponent(new URL(url).username);
  if (!user) throw new Error("The connection string names no user.");
  return user;
}

/** The schema a connection string works in (Prisma's `?schema=`), default public. */
export function schemaOf(url: string): string {
  return new URL(url).searchParams.get("schema") ?? "public";
}

/** Swaps the user and password of a connection string. */
export function withCredentials(url: string, user: string, password: string): string {
  const next = new URL(url);
  next.username = encodeURIComponent(user);
  next.password = encodeURIComponent(password);
  return next.toString();
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates the login role, or resets its password and its attributes to a plain
 * login role. Needs a role with CREATEROLE (the embedded server's superuser).
 */
export async function ensureLoginRole(adminUrl: string, role: string, password: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    const name = client.escapeIdentifier(role);
    const secret = client.escapeLiteral(password);
    const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    const verb = rowCount ? "ALTER" : "CREATE";
    await client.query(`${verb} ROLE ${name} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${secret}`);
  });
}

/**
 * Gives `appRole` exactly the privileges above, in the owner's database.
 * Idempotent: revokes everything first, then grants.
 */
export async function grantAppRole(ownerUrl: string, appRole: string): Promise<void> {
  const schema = schemaOf(ownerUrl);
  await withClient(ownerUrl, async (client) => {
    const { rows } = await client.query<{ owner: string; super: boolean | null }>(
      "SELECT current_user AS owner, (SELECT rolsuper FROM pg_roles WHERE rolname = $1) AS super",
      [appRole],
    );
    const owner = rows[0]!.owner;
    if (rows[0]!.super === null) throw new Error(`The role "${appRole}" does not exist on this server: create it first (see the README).`);
    if (rows[0]!.super) throw new Error(`The role "${appRole}" is a superuser; the portal must connect as a plain login role.`);
    if (owner === appRole) throw new Error(`The portal's role "${appRole}" is the owner's role; give DATABASE_URL a separate login role.`);

    const app = client.escapeIdentifier(appRole);
    const ownerRole = client.escapeIdentifier(owner);
    const statements: string[] = [];
    for (const target of [schema, JOB_SCHEMA]) {
      const { rowCount } = await client.query("SELECT 1 FROM pg_namespace WHERE nspname = $1", [target]);
      if (!rowCount) continue;
      const s = client.escapeIdentifier(target);
      statements.push(
        `REVOKE ALL ON SCHEMA ${s} FROM ${app}`,
        `REVOKE CREATE ON SCHEMA ${s} FROM PUBLIC`,
        `GRANT USAGE ON SCHEMA ${s} TO ${app}`,
        `REVOKE ALL ON ALL TABLES IN SCHEMA ${s} FROM ${app}`,
        `REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${s} FROM ${app}`,
        `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${app}`,
        `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${app}`,
        `ALTER DEFAULT PRIVILEGES FOR ROLE ${ownerRole} IN SCHEMA ${s} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
        `ALTER DEFAULT PRIVILEGES FOR ROLE ${ownerRole} IN SCHEMA ${s} GRANT USAGE, SELECT ON SEQUENCES TO ${app}`,
      );
    }
    const s = client.escapeIdentifier(schema);
    const table = (name: string) => `${s}.${client.escapeIdentifier(name)}`;
    const { rows: existing } = await client.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = $1",
      [schema],
    );
    const present = new Set(existing.map((r) => r.name));
    for (const name of APPEND_ONLY_TABLES) if (present.has(name)) statements.push(`REVOKE UPDATE, DELETE ON ${table(name)} FROM ${app}`);
    for (const name of READ_ONLY_TABLES) if (present.has(name)) statements.push(`REVOKE INSERT, UPDATE, DELETE ON ${table(name)} FROM ${app}`);
    if (present.has("_prisma_migrations")) statements.push(`REVOKE ALL ON ${table("_prisma_migrations")} FROM ${app}`);
    await client.query("BEGIN");
    try {
      for (const statement of statements) await client.query(statement);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
  });
}
