import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/dates";
import { mailboxPage } from "@/lib/mail/outbox";
import { requirePageActor } from "@/lib/session";

export const metadata: Metadata = { title: "Development mailbox" };

const STATUS = { QUEUED: "Waiting to be sent", SENT: "Sent", KEPT: "Kept here (no mail server)", FAILED: "Failed" } as const;

/**
 * Every message the portal would send, for a portal without a mail server (the
 * embedded default). With SMTP_URL set, mail goes out and this page doesn't exist:
 * messages carry invitation links meant for their addressees alone.
 */
export default async function MailboxPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  await requirePageActor("mailbox:read", "/admin/mailbox");
  if (process.env.SMTP_URL) notFound();
  const { before } = await searchParams;
  const { rows, next } = await mailboxPage(db(), { before: before && /^[A-Za-z0-9_-]{1,64}$/.test(before) ? before : undefined });
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">Development mailbox</h1>
      <p className="mb-6">No mail server is configured (SMTP_URL), so the portal keeps every message here instead of sending it. Newest first.</p>
      {rows.length === 0 ? <p>No messages yet.</p> : null}
      <ol className="grid gap-4">
        {rows.map((message) => (
          <li key={message.id}>
            <article className="card" aria-labelledby={`mail-${message.id}`}>
              <h2 id={`mail-${message.id}`} className="text-lg font-semibold">
                {message.subject}
              </h2>
              <p className="text-sm">
                To {message.to} · {formatDateTime(message.createdAt)} · {STATUS[message.status]}
              </p>
              <pre className="mt-3 whitespace-pre-wrap break-words font-sans">{message.text}</pre>
            </article>
          </li>
        ))}
      </ol>
      <nav aria-label="Older messages" className="mt-4 flex gap-4">
        {before ? <Link href="/admin/mailbox">Newest messages</Link> : null}
        {next ? <Link href={`/admin/mailbox?before=${next}`}>Older messages</Link> : null}
      </nav>
    </>
  );
}
