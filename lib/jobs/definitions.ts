// The portal's jobs: a name each and, for recurring ones, a cron schedule (UTC).
// Add a job here, its handler in lib/jobs/worker.ts; prepare creates its queue.

export const JOB_SCHEMA = "pgboss";

export type JobDefinition = {
  name: string;
  /** Cron expression (UTC) for a recurring job; pg-boss fires it once across all processes. */
  cron?: string;
};

export const JOBS = {
  verifyAuditTrail: { name: "audit-trail-verify", cron: "15 3 * * *" },
  // Sent after each message is queued; the minute sweep retries what failed.
  deliverMail: { name: "mail-deliver", cron: "* * * * *" },
  // Sent at each submission with the proposal's id; the minute sweep screens any
  // submitted proposal whose screening hasn't run since it was submitted.
  screenParties: { name: "screening-run", cron: "* * * * *" },
} satisfies Record<string, JobDefinition>;
