// The signed-in actor for server components, actions and route handlers. The
// session cookie names a database session; resolveSession decides, on every
// request, whether it still holds and what role its user has now.
import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { auth } from "@/lib/auth";
import { db } from "@/lib/db";
import { NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { extendSession, resolveSession, type ResolvedSession } from "@/lib/identity/sessions";
import { authorize, can, type Actor, type Permission } from "@/lib/policy";

/** The session this request carries, resolved once per request (and counted as activity). */
export const currentSession = cache(async (): Promise<ResolvedSession | null> => {
  const session = await auth();
  if (!session?.sid) return null;
  return resolveSession(db(), session.sid);
});

/** The session without counting the request as activity (the idle-timeout warning asks this). */
export async function peekSession(): Promise<ResolvedSession | null> {
  const session = await auth();
  return session?.sid ? resolveSession(db(), session.sid, { touch: false }) : null;
}

/** "Stay signed in": the session's idle clock starts again. */
export async function extendCurrentSession(): Promise<ResolvedSession | null> {
  const session = await auth();
  return session?.sid ? extendSession(db(), session.sid) : null;
}

/** The actor of a fully signed-in session (second factor shown where owed), or null. */
export async function currentActor(): Promise<Actor | null> {
  const session = await currentSession();
  return session?.status === "active" ? session.actor : null;
}

/** For actions and route handlers: the actor, authorized for the permission, or a thrown error. */
export async function requireActor(permission: Permission): Promise<Actor> {
  const actor = await currentActor();
  authorize(actor, permission);
  return actor;
}

/** For account actions that need the session itself (its id), not only the actor. */
export async function requireActiveSession(permission: Permission): Promise<ResolvedSession> {
  const session = await currentSession();
  authorize(session?.status === "active" ? session.actor : null, permission);
  return session!;
}

/** Where a session that still owes a step of signing in must go first. */
export function pendingStepPath(session: ResolvedSession, returnTo: string): string | null {
  const back = `callbackUrl=${encodeURIComponent(returnTo)}`;
  if (session.status === "secondFactor") return `/sign-in/second-factor?${back}`;
  if (session.status === "enrollment") return `/sign-in/authenticator?${back}`;
  return null;
}

/**
 * For pages: a signed-out visitor goes to sign-in and comes back to `returnTo`
 * after; a session that still owes its second factor goes to that step first;
 * a role without the permission gets the same 404 as a missing page.
 */
export async function requirePageActor(permission: Permission, returnTo: string): Promise<Actor> {
  const session = await currentSession();
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  const step = pendingStepPath(session, returnTo);
  if (step) redirect(step);
  if (!can(session.actor, permission)) notFound();
  return session.actor;
}

/**
 * For the steps of signing in after the password: the session that owes this
 * step, or off to sign-in (none) or onwards (nothing owed).
 */
export async function requirePendingSession(status: "secondFactor" | "enrollment", returnTo: string): Promise<ResolvedSession> {
  const session = await currentSession();
  if (!session) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (session.status === "active") redirect(returnTo);
  if (session.status !== status) redirect(pendingStepPath(session, returnTo)!);
  return session;
}

/** For the actions of those steps: the session that owes `status`, or UnauthenticatedError. */
export async function requirePendingSessionForAction(status: "secondFactor" | "enrollment" | "enrollmentOrActive"): Promise<ResolvedSession> {
  const session = await currentSession();
  const ok = session && (session.status === status || (status === "enrollmentOrActive" && (session.status === "enrollment" || session.status === "active")));
  if (!ok) throw new UnauthenticatedError();
  return session;
}

/** For pages: a record that is missing, or hidden from the actor, renders the 404 page. */
export function orNotFound<T>(pending: Promise<T>): Promise<T> {
  return pending.catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
}
