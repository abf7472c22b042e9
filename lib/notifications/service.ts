// Notifications: a row per person in the app (the header's count, /notifications),
// and a message by mail through the outbox, both written in the caller's
// transaction so that a change and the word about it commit together.
//
//   notifyUser(tx, userId, notice)            one person
//   notifyConsortium(tx, consortiumId, notice) the consortium's people (by seat;
//                                              leads and contributors by default)
//
// The caller's action calls deliverMailSoon() (lib/mail/delivery.ts) after the
// transaction commits; the outbox sweep delivers anyway.
import type { Db, Tx } from "@/lib/db";
import type { ConsortiumSeatRole } from "@/lib/generated/prisma/enums";
import { queueMail } from "@/lib/mail/outbox";
import { keysetQuery, keysetPage, type PageRequest } from "@/lib/pagination";
import { authorize, type Actor } from "@/lib/policy";

export type Notice = {
  /** A dotted name, e.g. "question.asked"; kinds that start with "question." are cleared by reading the thread. */
  kind: string;
  title: string;
  body: string;
  /** A path inside the portal, e.g. `/proposals/{id}#questions`. */
  link?: string | null;
  /** The proposal the notice is about, if any. */
  proposalId?: string | null;
  /** Also by mail: the subject and text (give absolute links in the text). Omit for in-app only. */
  email?: { subject: string; text: string } | null;
};

export type NotifyResult = { notificationIds: string[]; mailIds: string[] };

async function notifyRecipients(tx: Tx, recipients: Array<{ id: string; email: string }>, notice: Notice): Promise<NotifyResult> {
  const result: NotifyResult = { notificationIds: [], mailIds: [] };
  for (const recipient of recipients) {
    const row = await tx.notification.create({
      data: { userId: recipient.id, kind: notice.kind, title: notice.title, body: notice.body, link: notice.link ?? null, proposalId: notice.proposalId ?? null },
      select: { id: true },
    });
    result.notificationIds.push(row.id);
    if (notice.email) result.mailIds.push(await queueMail(tx, { to: recipient.email, subject: notice.email.subject, text: notice.email.text }));
  }
  return result;
}

/** Notifies one person (skipped when their account is disabled). */
export async function notifyUser(tx: Tx, userId: string, notice: Notice): Promise<NotifyResult> {
  const user = await tx.user.findFirst({ where: { id: userId, disabledAt: null }, select: { id: true, email: true } });
  return notifyRecipients(tx, user ? [user] : [], notice);
}

/**
 * Notifies a consortium's people holding one of `seats` (leads and contributors
 * by default: the people who act), except `exceptUserId` (the one who caused it).
 */
export async function notifyConsortium(
  tx: Tx,
  consortiumId: string,
  notice: Notice & { seats?: readonly ConsortiumSeatRole[]; exceptUserId?: string },
): Promise<NotifyResult> {
  const { seats = ["LEAD", "CONTRIBUTOR"], exceptUserId, ...rest } = notice;
  const people = await tx.consortiumUser.findMany({
    where: { consortiumId, seatRole: { in: [...seats] }, user: { disabledAt: null, ...(exceptUserId ? { id: { not: exceptUserId } } : {}) } },
    select: { user: { select: { id: true, email: true } } },
    orderBy: { createdAt: "asc" },
  });
  return notifyRecipients(tx, people.map((p) => p.user), rest);
}

/** Counted up to this; the header shows "99+" past it, so the count never scans a long history. */
export const UNREAD_COUNT_CAP = 100;

/** The actor's unread notifications, counted through (userId, readAt) up to the cap. */
export async function unreadNotificationCount(client: Db, actor: Actor): Promise<number> {
  authorize(actor, "notification:read");
  return client.notification.count({ where: { userId: actor.userId, readAt: null }, take: UNREAD_COUNT_CAP });
}

export const NOTIFICATION_PAGE_SIZE = 20;
const NOTIFICATION_ORDER = { key: "createdAt", order: "desc", idOrder: "desc" } as const;

/** One page of the actor's notifications, newest first, through (userId, createdAt DESC, id). */
export async function notificationsPage(client: Db, actor: Actor, request: PageRequest) {
  authorize(actor, "notification:read");
  const query = keysetQuery(NOTIFICATION_ORDER, request, NOTIFICATION_PAGE_SIZE);
  const rows = await client.notification.findMany({
    where: { AND: [{ userId: actor.userId }, query.where] },
    orderBy: query.orderBy,
    take: query.take,
    select: { id: true, kind: true, title: true, body: true, link: true, readAt: true, createdAt: true },
  });
  return keysetPage(query, rows, (row) => row.createdAt);
}

/** Marks all of the actor's notifications read. */
export async function markAllNotificationsRead(client: Db, actor: Actor): Promise<number> {
  authorize(actor, "notification:read");
  const { count } = await client.notification.updateMany({ where: { userId: actor.userId, readAt: null }, data: { readAt: new Date() } });
  return count;
}

/** Marks one of the actor's notifications read; someone else's answers as if missing. */
export async function markNotificationRead(client: Db, actor: Actor, notificationId: string): Promise<void> {
  authorize(actor, "notification:read");
  await client.notification.updateMany({ where: { id: notificationId, userId: actor.userId, readAt: null }, data: { readAt: new Date() } });
}
