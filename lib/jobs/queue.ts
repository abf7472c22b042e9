// The portal's job queue: pg-boss, on PostgreSQL, in its own schema. Jobs are
// declared in lib/jobs/definitions.ts; handlers are attached in lib/jobs/worker.ts,
// which every server process starts.
//
// Least privilege: the owner creates and migrates the queue's schema, its
// queues and schedules during prepare (setUpJobQueues); the portal's role only
// sends, fetches and completes jobs on existing queues (scripts/db/grants.ts).
import PgBoss from "pg-boss";
import { JOB_SCHEMA, JOBS, type JobDefinition } from "./definitions";

export { JOB_SCHEMA, JOBS };

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
