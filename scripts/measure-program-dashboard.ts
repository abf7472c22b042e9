// `npx tsx --conditions react-server scripts/measure-program-dashboard.ts [--proposals 100000] [--runs 30] [--data-dir DIR] [--port 3650]`
//
// Times the program dashboard's service (every aggregate it reads) on a database
// holding the given number of proposals: an embedded server in its own folder
// (default .data/measure-dashboard), seeded with the scale seed up to that size
// on the first run. Prints p50 and p95 over the runs, after one warm-up.
import path from "node:path";
import { parseArgs } from "node:util";

async function main() {
  const { values } = parseArgs({
    options: {
      proposals: { type: "string", default: "100000" },
      runs: { type: "string", default: "30" },
      "data-dir": { type: "string", default: path.join(".data", "measure-dashboard") },
      port: { type: "string", default: "3650" },
    },
  });
  const target = Number(values.proposals);
  const runs = Number(values.runs);
  const { prepareDatabase } = await import("./db/prepare");
  const { localAuthSecret } = await import("./db/auth-secret");
  process.env.AUTH_SECRET = localAuthSecret();
  const database = await prepareDatabase({ dataDir: path.resolve(values["data-dir"]), forceEmbedded: true, port: Number(values.port), seedDemo: true });
  const { createPrismaClient } = await import("../lib/db");
  const { programDashboard } = await import("../lib/program/dashboard");
  const client = createPrismaClient(database.url);
  try {
    const present = await client.proposal.count();
    if (present < target) {
      const { seedScale } = await import("./seed-scale");
      await seedScale(database.ownerUrl, target - present);
    }
    const admin = await client.user.findFirstOrThrow({ where: { role: "ADMINISTRATOR" } });
    const actor = { userId: admin.id, role: admin.role, name: admin.name, email: admin.email };
    const [proposals, ledger, decisions] = await Promise.all([client.proposal.count(), client.exposureCapEntry.count(), client.financingDecision.count()]);
    // Uncached (every aggregate read) and as served (aggregates kept 15 s, the cap fresh).
    for (const fresh of [true, false]) {
      await programDashboard(client, actor, { fresh });
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        await programDashboard(client, actor, { fresh });
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
      console.log(
        `program dashboard ${fresh ? "uncached" : "as served"} on ${proposals} proposals (${ledger} cap entries, ${decisions} financing decisions): p50 ${at(0.5)} ms, p95 ${at(0.95)} ms over ${runs} runs`,
      );
    }
  } finally {
    await client.$disconnect();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
