// The portal's job queue: pg-boss, on PostgreSQL, in its own schema. Jobs are
// declared here (name and, for recurring ones, a cron schedule); handlers are
// attached in lib/jobs/worker.ts, which the server process starts.
//
// Least privilege: the owner creates and migrates the queue's schema, its
// queues and schedules during prepare (setUpJobQueues); the portal's role only
// sends, fetches and completes jobs on existing queues (scripts/db/grants.ts).
import PgBoss from "pg-boss";

export const JOB_SCHEMA = "pgboss";

export type JobDefinition = {
  name: string;
  /** Cron expression (UTC) for a recurring job; pg-boss fires it once across all processes. */
  cron?: string;
};

export const JOBS = {
  verifyAuditTrail: { name: "audit-trail-verify", cron: "15 3 * * *" },
} satisfies Record<string, JobDefinition>;

export function createQueue(connectionString: string, options: Partial<PgBoss.ConstructorOptions> = {}): PgBoss {
  return new PgBoss({ connectionString, schema: JOB_SCHEMA, max: 2, ...options });
}

/** Run as the owner: create or migrate the queue's schema, its queues and schedules. */
export async function setUpJobQueues(ownerUrl: string): Promise<void> {
  const boss = createQueue(ownerUrl, { supervise: false, schedule: false });
  boss.on("error", (error) => console.error("Job queue set-up:", error));
  await boss.start();
  try {
    for (const job of Object.values(JOBS) as JobDefinition[]) {
      if (!(await boss.getQueue(job.name))) await boss.createQueue(job.name);
      if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: "UTC" });
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
