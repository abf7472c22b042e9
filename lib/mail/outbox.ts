// Mail through an outbox: a message is a row written in the same transaction as
// the change that calls for it, and delivery happens after, with retries, from
// the job queue. A mail server that is down loses nothing; with no SMTP_URL
// (the embedded default) messages are kept for the development mailbox.
import nodemailer from "nodemailer";
import type { Db, Tx } from "@/lib/db";

export type Mail = { to: string; subject: string; text: string };

/** Adds a message to the outbox, in the caller's transaction. */
export async function queueMail(tx: Tx, mail: Mail): Promise<string> {
  const message = await tx.mailMessage.create({ data: { to: mail.to, subject: mail.subject, text: mail.text } });
  return message.id;
}

export type Transport = { sendMail: (message: { from: string; to: string; subject: string; text: string }) => Promise<unknown> };

/** The SMTP transport for SMTP_URL, or null when mail is kept for the development mailbox. */
export function smtpTransport(url = process.env.SMTP_URL): Transport | null {
  // Short timeouts: a mail server that hangs fails the attempt, to be retried later.
  return url ? nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }) : null;
}

const FROM = process.env.MAIL_FROM ?? "American AI Exports Program <no-reply@aiexports.example>";
/** After this many failed attempts a message is marked failed and no longer retried. */
export const MAX_DELIVERY_ATTEMPTS = 10;

/**
 * Delivers what waits in the outbox, a batch at a time. Rows are claimed with
 * SKIP LOCKED, so several processes share the work without sending twice.
 */
export async function deliverQueuedMail(client: Db, transport: Transport | null, batchSize = 20): Promise<{ sent: number; kept: number; failed: number }> {
  const tally = { sent: 0, kept: 0, failed: 0 };
  await client.$transaction(
    async (tx) => {
      const batch = await tx.$queryRaw<Array<{ id: string; to: string; subject: string; text: string; attempts: number }>>`
        SELECT id, "to", subject, text, attempts FROM "MailMessage"
        WHERE status = 'QUEUED' ORDER BY "createdAt", id LIMIT ${batchSize} FOR UPDATE SKIP LOCKED`;
      for (const message of batch) {
        if (!transport) {
          await tx.mailMessage.update({ where: { id: message.id }, data: { status: "KEPT" } });
          tally.kept += 1;
          continue;
        }
        try {
          await transport.sendMail({ from: FROM, to: message.to, subject: message.subject, text: message.text });
          await tx.mailMessage.update({ where: { id: message.id }, data: { status: "SENT", sentAt: new Date(), attempts: { increment: 1 }, lastError: null } });
          tally.sent += 1;
        } catch (error) {
          const attempts = message.attempts + 1;
          await tx.mailMessage.update({
            where: { id: message.id },
            data: { attempts, lastError: String(error instanceof Error ? error.message : error).slice(0, 500), status: attempts >= MAX_DELIVERY_ATTEMPTS ? "FAILED" : "QUEUED" },
          });
          tally.failed += 1;
        }
      }
    },
    { timeout: 60_000 },
  );
  return tally;
}

export const MAILBOX_PAGE_SIZE = 25;

/** The development mailbox: every message, newest first, a page from the cursor on. */
export async function mailboxPage(client: Db, { before }: { before?: string }) {
  const cursor = before ? await client.mailMessage.findUnique({ where: { id: before }, select: { createdAt: true, id: true } }) : null;
  const rows = await client.mailMessage.findMany({
    where: cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAILBOX_PAGE_SIZE + 1,
  });
  return { rows: rows.slice(0, MAILBOX_PAGE_SIZE), next: rows.length > MAILBOX_PAGE_SIZE ? rows[MAILBOX_PAGE_SIZE - 1]!.id : null };
}
