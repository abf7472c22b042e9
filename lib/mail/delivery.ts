// Asks the job queue to deliver the outbox now, rather than at the next minute's
// sweep. Best effort: a message in the outbox is delivered by the sweep anyway.
import "server-only";
import { JOBS } from "@/lib/jobs/definitions";
import { startJobs } from "@/lib/jobs/worker";

export async function deliverMailSoon(): Promise<void> {
  try {
    const boss = await startJobs();
    await boss?.send(JOBS.deliverMail.name, {}, { singletonKey: "now", retryLimit: 3 });
  } catch (error) {
    console.error("Mail delivery will wait for the next sweep", error);
  }
}
