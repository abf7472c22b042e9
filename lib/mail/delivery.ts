// Asks the job queue to deliver the outbox now, rather than at the next sweep.
// Best effort: a message written to the outbox is delivered by the sweep anyway.
import "server-only";
import { db } from "@/lib/db";
import { deliverQueuedMail, smtpTransport } from "./outbox";

export async function deliverMailSoon(): Promise<void> {
  try {
    await deliverQueuedMail(db(), smtpTransport());
  } catch (error) {
    console.error("Mail delivery will be retried by the next sweep", error);
  }
}
