// The signed-in actor for server components, actions and route handlers.
import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/lib/auth";
import { NotFoundError } from "@/lib/errors";
import { authorize, can, type Actor, type Permission } from "@/lib/policy";

/** The signed-in actor, read from the session once per request (the layout and the page share it). */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  const user = session?.user;
  if (!user?.id || !user.role) return null;
  return { userId: user.id, role: user.role, name: user.name ?? user.email ?? "", email: user.email ?? "" };
});

/** For actions and route handlers: the actor, authorized for the permission, or a thrown error. */
export async function requireActor(permission: Permission): Promise<Actor> {
  const actor = await currentActor();
  authorize(actor, permission);
  return actor;
}

/**
 * For pages: a signed-out visitor goes to sign-in and comes back to `returnTo`
 * after; a role without the permission gets the same 404 as a missing page.
 */
export async function requirePageActor(permission: Permission, returnTo: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!can(actor, permission)) notFound();
  return actor;
}

/** For pages: a record that is missing, or hidden from the actor, renders the 404 page. */
export function orNotFound<T>(pending: Promise<T>): Promise<T> {
  return pending.catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
}
