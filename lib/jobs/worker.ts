// Starts the job queue in a server process and attaches each job's handler.
// Every process may run this: pg-boss hands each job to one worker and fires
// each schedule once across processes.
import "server-only";
import type PgBoss from "pg-boss";
import { runAuditVerification } from "@/lib/audit-chain/service";
import { db } from "@/lib/db";
import { deliverQueuedMail, smtpTransport } from "@/lib/mail/outbox";
import { runScreening, screenUnscreenedProposals } from "@/lib/screening/service";
import { createQueue, JOBS } from "./queue";

const globalForJobs = globalThis as unknown as { jobQueue?: Promise<PgBoss> };

async function start(url: string): Promise<PgBoss> {
  // The owner migrated the queue's schema (prepare); this role may not.
  const boss = createQueue(url, { migrate: false });
  boss.on("error", (error) => console.error("Job queue:", error));
  await boss.start();
  await boss.work(JOBS.verifyAuditTrail.name, async () => {
    const { run } = await runAuditVerification(db(), "daily job");
    if (!run.ok) console.error(`Audit trail verification failed: ${run.problem ?? run.capBalanceNote}`);
  });
  await boss.work(JOBS.deliverMail.name, async () => {
    const tally = await deliverQueuedMail(db(), smtpTransport());
    if (tally.failed > 0) console.error(`Mail delivery: ${tally.failed} message(s) failed and will be retried.`);
  });
  await boss.work<{ proposalId?: string }>(JOBS.screenParties.name, { pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) {
      if (job.data?.proposalId) await runScreening(db(), job.data.proposalId);
      else await screenUnscreenedProposals(db());
    }
  });
  return boss;
}

/** Starts the queue once per process; a queue that can't start is logged, never fatal. */
export function startJobs(): Promise<PgBoss> | undefined {
  const url = process.env.DATABASE_URL;
  if (!url || process.env.JOBS_DISABLED === "true") return undefined;
  globalForJobs.jobQueue ??= start(url).catch((error: unknown) => {
    console.error("The job queue did not start; scheduled jobs will not run in this process.", error);
    globalForJobs.jobQueue = undefined;
    throw error;
  });
  return globalForJobs.jobQueue;
}
