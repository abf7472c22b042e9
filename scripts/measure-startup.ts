// Measures how long `npm run dev` takes until the first page answers, on a fresh
// data folder (first start: initdb, migrations, seed) and on a warm one.
//   npx tsx scripts/measure-startup.ts [runs=3] [--port 3400]
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { parseArgs } from "node:util";

const { positionals, values } = parseArgs({ allowPositionals: true, options: { port: { type: "string", default: process.env.PORT ?? "3400" } } });
const runs = Number(positionals[0] ?? 3);
const port = Number(values.port);

async function firstAnswer(dataDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn("npm", ["run", "dev", "--", "--port", String(port), "--data-dir", dataDir, "--embedded"], { stdio: ["ignore", "ignore", "inherit"], detached: true });
  let exited = false;
  child.once("exit", () => (exited = true));
  try {
    for (;;) {
      if (exited) throw new Error("npm run dev exited before the first page answered");
      try {
        const response = await fetch(`http://localhost:${port}/`);
        if (response.ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      if (performance.now() - started > 180_000) throw new Error("no answer within 180 s");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    if (!exited) {
      process.kill(-child.pid!, "SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const cold: number[] = [];
const warm: number[] = [];
for (let i = 0; i < runs; i++) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "portal-startup-"));
  cold.push(await firstAnswer(dataDir));
  warm.push(await firstAnswer(dataDir));
  rmSync(dataDir, { recursive: true, force: true });
}
const fmt = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
console.log(`first start (fresh data):  ${cold.map(fmt).join(", ")}  median ${fmt(median(cold))}`);
console.log(`later start (warm data):   ${warm.map(fmt).join(", ")}  median ${fmt(median(warm))}`);
console.log(`ratio first/later: ${(median(cold) / median(warm)).toFixed(2)}`);
