import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/form/action-form";
import { Pagination } from "@/components/pagination";
import { NewBadge } from "@/components/question-thread";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/dates";
import { notificationsPage } from "@/lib/notifications/service";
import { pageRequestParams } from "@/lib/pagination";
import { requirePageActor } from "@/lib/session";
import { markAllNotificationsReadAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ after?: string; before?: string }> }) {
  const actor = await requirePageActor("notification:read", "/notifications");
  const page = await notificationsPage(db(), actor, pageRequestParams(await searchParams));
  const anyUnread = page.rows.some((row) => row.readAt === null);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">Notifications</h1>
      <p className="mb-6">What happened on the proposals you work on, newest first. Reading a proposal&apos;s questions marks its notices about them as read.</p>
      {anyUnread ? (
        <div className="mb-6">
          <ActionForm action={markAllNotificationsReadAction} label="Mark all notifications as read" submitLabel="Mark all as read" variant="secondary" size="small" fields={[]} />
        </div>
      ) : null}
      {page.rows.length === 0 ? <p>No notifications yet.</p> : null}
      <ol className="grid gap-4" aria-label="Notifications, newest first">
        {page.rows.map((row) => (
          <li key={row.id}>
            <article className="card" aria-labelledby={`notification-${row.id}`}>
              <h2 id={`notification-${row.id}`} className="text-lg font-semibold">
                {row.link ? <Link href={row.link}>{row.title}</Link> : row.title}
                {row.readAt === null ? <NewBadge /> : null}
              </h2>
              <p className="text-sm text-[var(--color-muted)]">
                <time dateTime={row.createdAt.toISOString()}>{formatDateTime(row.createdAt)}</time>
              </p>
              <p className="mt-2 whitespace-pre-line">{row.body}</p>
            </article>
          </li>
        ))}
      </ol>
      <Pagination next={page.next} previous={page.previous} basePath="/notifications" />
    </>
  );
}
