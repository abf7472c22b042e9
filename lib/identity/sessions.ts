// Sessions kept in PostgreSQL. The session cookie (an Auth.js JWT) only names a
// row here; the row decides, on every request and in every server process,
// whether the session still holds. Ending a row ends the session at once.
import { randomBytes } from "node:crypto";
import type { Db, Tx } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { recordAudit } from "@/lib/audit";
import type { Actor } from "@/lib/policy";
import { loadProgramSettings, type ProgramSettings } from "@/lib/settings";

export type SessionStatus =
  /** Signed in, with the second factor where one is owed. */
  | "active"
  /** Password checked; the authenticator-app code is still owed. */
  | "secondFactor"
  /** Password checked; the role needs an authenticator app that isn't enrolled yet. */
  | "enrollment";

export type ResolvedSession = {
  id: string;
  status: SessionStatus;
  actor: Actor;
  /** When the session ends unless there is activity before: the earlier of idle and absolute. */
  endsAt: Date;
  idleTimeoutSeconds: number;
};

export type SessionContext = { userAgent?: string | null; clientAddress?: string | null };

// Activity moves lastSeenAt forward at most this often: one write per session
// every few seconds at most, not one per request.
const TOUCH_INTERVAL_MS = 15_000;

const GOVERNMENT_ROLES: readonly Role[] = ["COMMERCE_REVIEWER", "EXIM_OFFICER", "ADMINISTRATOR"];

export function idleTimeoutSecondsFor(role: Role, settings: ProgramSettings): number {
  const minutes = GOVERNMENT_ROLES.includes(role) ? settings["sessions.governmentIdleTimeoutMinutes"] : settings["sessions.consortiumIdleTimeoutMinutes"];
  return minutes * 60;
}

export function secondFactorRequired(role: Role, settings: ProgramSettings): boolean {
  return settings["secondFactor.requiredRoles"].includes(role);
}

/** When a session ends without further activity. */
export function sessionEndsAt(session: { lastSeenAt: Date; idleTimeoutSeconds: number; expiresAt: Date }): Date {
  const idleEnd = session.lastSeenAt.getTime() + session.idleTimeoutSeconds * 1000;
  return new Date(Math.min(idleEnd, session.expiresAt.getTime()));
}

type SessionUser = { id: string; role: Role; name: string; email: string; totpEnrolledAt: Date | null };

/** Opens a session after the password was checked; returns the id the cookie carries. */
export async function startSession(client: Db, user: SessionUser, context: SessionContext = {}, now = new Date()): Promise<string> {
  const settings = await loadProgramSettings(client);
  const owesSecondFactor = user.totpEnrolledAt !== null || secondFactorRequired(user.role, settings);
  const id = randomBytes(32).toString("base64url");
  await client.$transaction(async (tx) => {
    await tx.userSession.create({
      data: {
        id,
        userId: user.id,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + settings["sessions.absoluteLifetimeHours"] * 3_600_000),
        idleTimeoutSeconds: idleTimeoutSecondsFor(user.role, settings),
        secondFactorAt: owesSecondFactor ? null : now,
        userAgent: context.userAgent?.slice(0, 500) ?? null,
        clientAddress: context.clientAddress?.slice(0, 100) ?? null,
      },
    });
    await recordAudit(tx, actorOf(user), {
      action: "user.signedIn",
      entityType: "User",
      entityId: user.id,
      after: { secondFactorOwed: owesSecondFactor, clientAddress: context.clientAddress ?? null },
    });
  });
  return id;
}

function actorOf(user: Pick<SessionUser, "id" | "role" | "name" | "email">): Actor {
  return { userId: user.id, role: user.role, name: user.name, email: user.email };
}

/**
 * The session a cookie names, if it still holds: not ended, not past its idle
 * or absolute limit, its user not disabled. The role comes from the user's row,
 * never from the cookie. Unless `touch` is false, the request counts as activity
 * (recorded at most every 15 s; "always" records it now, for "stay signed in").
 */
export async function resolveSession(
  client: Db,
  id: string,
  { touch = true, now = new Date() }: { touch?: boolean | "always"; now?: Date } = {},
): Promise<ResolvedSession | null> {
  const session = await client.userSession.findUnique({
    where: { id },
    include: { user: { select: { id: true, role: true, name: true, email: true, disabledAt: true, totpEnrolledAt: true } } },
  });
  if (!session || session.revokedAt || session.user.disabledAt) return null;
  if (sessionEndsAt(session) <= now) return null;
  let lastSeenAt = session.lastSeenAt;
  if (touch === "always" || (touch && now.getTime() - lastSeenAt.getTime() >= TOUCH_INTERVAL_MS)) {
    // Conditional, so a session ended meanwhile by another process stays ended.
    const touched = await client.userSession.updateMany({ where: { id, revokedAt: null }, data: { lastSeenAt: now } });
    if (touched.count === 0) return null;
    lastSeenAt = now;
  }
  const status: SessionStatus = session.secondFactorAt ? "active" : session.user.totpEnrolledAt ? "secondFactor" : "enrollment";
  return {
    id,
    status,
    actor: actorOf(session.user),
    endsAt: sessionEndsAt({ ...session, lastSeenAt }),
    idleTimeoutSeconds: session.idleTimeoutSeconds,
  };
}

/** "Stay signed in": activity now, whatever the last touch was. */
export async function extendSession(client: Db, id: string, now = new Date()): Promise<ResolvedSession | null> {
  return resolveSession(client, id, { touch: "always", now });
}

/** Signing out: this session ends. */
export async function endSession(client: Db, id: string, now = new Date()): Promise<void> {
  await client.$transaction(async (tx) => {
    const session = await tx.userSession.findUnique({ where: { id }, include: { user: { select: { id: true, role: true, name: true, email: true } } } });
    if (!session || session.revokedAt) return;
    await tx.userSession.update({ where: { id }, data: { revokedAt: now, revokedReason: "signed out" } });
    await recordAudit(tx, actorOf(session.user), { action: "user.signedOut", entityType: "User", entityId: session.userId });
  });
}

/**
 * Ends every open session of a user, in the caller's transaction, so the change
 * that calls for it (disabling, a new role, a new password) and the end of the
 * sessions commit together. `except` keeps the caller's own session.
 */
export async function endAllSessions(tx: Tx, actor: Actor | null, userId: string, reason: string, { except, now = new Date() }: { except?: string; now?: Date } = {}): Promise<number> {
  const { count } = await tx.userSession.updateMany({
    where: { userId, revokedAt: null, ...(except ? { id: { not: except } } : {}) },
    data: { revokedAt: now, revokedReason: reason },
  });
  if (count > 0) {
    await recordAudit(tx, actor, { action: "user.sessionsEnded", entityType: "User", entityId: userId, after: { reason, sessions: count } });
  }
  return count;
}

/** The second factor was shown: the session becomes fully signed in. */
export async function completeSecondFactor(tx: Tx, sessionId: string, now = new Date()): Promise<void> {
  await tx.userSession.update({ where: { id: sessionId }, data: { secondFactorAt: now, lastSeenAt: now } });
}

/** A user's open sessions, newest first, for "where you're signed in". */
export async function openSessions(client: Db, userId: string, now = new Date()) {
  const sessions = await client.userSession.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now } },
    orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
    take: 50,
    select: { id: true, createdAt: true, lastSeenAt: true, expiresAt: true, idleTimeoutSeconds: true, userAgent: true, clientAddress: true },
  });
  return sessions.filter((s) => sessionEndsAt(s) > now);
}

/** The user's sign-in before this session (NIST SP 800-53 AC-9: "previous logon notification"). */
export async function previousSignIn(client: Db, userId: string, currentSessionId: string) {
  return client.userSession.findFirst({
    where: { userId, id: { not: currentSessionId } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { createdAt: true, clientAddress: true, userAgent: true },
  });
}
