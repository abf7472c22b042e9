// Screening at submission goes through the job queue: the submission commits
// without waiting on the list, and the job screens every party and member.
import "server-only";
import type { Db } from "@/lib/db";
import { JOBS } from "@/lib/jobs/definitions";
import { startJobs } from "@/lib/jobs/worker";
import { runScreening } from "./service";

/**
 * Asks the queue to screen a submitted proposal now. Where this process runs no
 * queue (a script, jobs switched off), it screens in-line instead; if the queue
 * fails to take the job, the minute sweep screens the proposal.
 */
export async function requestScreening(client: Db, proposalId: string): Promise<"queued" | "screened" | "deferred"> {
  const queue = startJobs();
  if (!queue) {
    await runScreening(client, proposalId);
    return "screened";
  }
  try {
    const boss = await queue;
    await boss.send(JOBS.screenParties.name, { proposalId }, { singletonKey: proposalId, retryLimit: 3, retryDelay: 10 });
    return "queued";
  } catch (error) {
    console.error("Screening will wait for the next sweep", error);
    return "deferred";
  }
}
