// `npm start` keeps its parts running: the embedded PostgreSQL comes back on the
// same data folder and port after it is killed, and the web server is restarted
// when it dies, until it dies too often. The real supervision code runs here; the
// web server is a small stand-in script rather than a full Next.js build.
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "../../scripts/db/embedded";
import { keepPostgresRunning, keepServerRunning, type Supervised } from "../../scripts/supervise";

const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function until<T>(what: string, attempt: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await Promise.resolve()
      .then(attempt)
      .catch(() => undefined);
    if (result !== undefined) return result;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("the embedded PostgreSQL under supervision", () => {
  it("comes back on the same folder and port after SIGKILL, and the same pool answers again", { timeout: 60_000 }, async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "portal-supervision-"));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const server = await startEmbeddedPostgres({ dataDir, port: 0 });
    const givenUp: Error[] = [];
    const supervised = await keepPostgresRunning({
      dataDir,
      port: server.port,
      first: { exited: server.exited, stop: server.stop },
      onGiveUp: (error) => givenUp.push(error),
      log: () => undefined,
    });
    cleanups.push(() => supervised.stop());

    const pool = new pg.Pool({ connectionString: server.url, max: 2 });
    pool.on("error", () => undefined); // idle connections die with the server
    cleanups.push(() => pool.end());
    await pool.query("CREATE TABLE kept (value text); INSERT INTO kept VALUES ('before the crash')");

    const postmaster = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    const restarted = supervised.nextStart();
    process.kill(postmaster, "SIGKILL");
    const killedAt = Date.now();
    await restarted;

    const rows = await until("a query on the restarted server", async () => (await pool.query<{ value: string }>("SELECT value FROM kept")).rows);
    expect(rows).toEqual([{ value: "before the crash" }]);
    expect(Date.now() - killedAt).toBeLessThan(15_000);
    expect(new URL(server.url).port).toBe(String(server.port));
    const newPostmaster = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    expect(newPostmaster).not.toBe(postmaster);
    expect(supervised.restarts()).toBe(1);
    expect(givenUp).toEqual([]);

    await supervised.stop();
    expect(isAlive(newPostmaster)).toBe(false);
    expect(existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false);
  });
});

describe("the web server under supervision", () => {
  /** Records each start's pid in a file; exits with an error on its first `crashes` starts. */
  function standIn(file: string, crashes: number): string[] {
    const script = `
      const fs = require("node:fs");
      fs.appendFileSync(${JSON.stringify(file)}, process.pid + "\\n");
      const starts = fs.readFileSync(${JSON.stringify(file)}, "utf8").trim().split("\\n").length;
      if (starts <= ${crashes}) setTimeout(() => process.exit(1), 100);
      else setInterval(() => {}, 1000);
      process.on("SIGTERM", () => process.exit(0));`;
    return ["-e", script];
  }

  async function startsIn(file: string): Promise<number[]> {
    return existsSync(file) ? readFileSync(file, "utf8").trim().split("\n").map(Number) : [];
  }

  it("is started again after it dies, and stops for good when asked", { timeout: 30_000 }, async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "portal-supervision-web-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const file = path.join(dir, "starts");
    const givenUp: Error[] = [];
    const supervised: Supervised = await keepServerRunning({
      command: process.execPath,
      args: standIn(file, 2),
      env: process.env,
      onGiveUp: (error) => givenUp.push(error),
      log: () => undefined,
    });
    cleanups.push(() => supervised.stop());

    const pids = await until("a third start", async () => {
      const starts = await startsIn(file);
      return starts.length === 3 ? starts : undefined;
    });
    await new Promise((r) => setTimeout(r, 500)); // the third one stays up
    expect(supervised.restarts()).toBe(2);
    expect(isAlive(pids[2]!)).toBe(true);

    await supervised.stop();
    expect(isAlive(pids[2]!)).toBe(false);
    await new Promise((r) => setTimeout(r, 600)); // longer than any backoff: nothing restarts it
    expect(await startsIn(file)).toHaveLength(3);
    expect(givenUp).toEqual([]);
  });

  it("gives up on a crash loop instead of restarting forever", { timeout: 30_000 }, async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "portal-supervision-loop-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const file = path.join(dir, "starts");
    const givenUp: Error[] = [];
    const supervised = await keepServerRunning({
      command: process.execPath,
      args: standIn(file, 1_000),
      env: process.env,
      backoffMs: () => 20,
      onGiveUp: (error) => givenUp.push(error),
      log: () => undefined,
    });
    cleanups.push(() => supervised.stop());

    const [error] = await until("giving up", () => (givenUp.length ? givenUp : undefined));
    expect(error!.message).toMatch(/The web server failed 6 times within 60 s/);
    expect(await startsIn(file)).toHaveLength(6); // the first start and 5 restarts
    await new Promise((r) => setTimeout(r, 300));
    expect(await startsIn(file)).toHaveLength(6);
  });
});
