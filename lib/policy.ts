// Authorization, in one place. Every server action, route handler and page calls
// `authorize` (through `requireActor` in lib/session.ts) for what the role may do,
// and every service scopes its queries with `proposalScope` for which rows the
// actor may touch. A row outside the scope answers 404, exactly like a missing id.
import type { ConsortiumSeatRole, Role } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";

export type Actor = { userId: string; role: Role; name: string; email: string };

export const PERMISSIONS = [
  "dashboard:read",
  "proposal:create",
  "proposal:read",
  "proposal:update",
  "proposal:submit",
  "proposal:withdraw",
  "proposal:return",
  "license:read",
  "license:decide",
  "financing:read",
  "financing:decide",
  "exposureCap:read",
  "audit:read",
  "settings:manage",
  "users:manage",
  "account:manage",
  "consortium:create",
  "consortium:read",
  "consortium:manage",
  "mailbox:read",
  "program:read",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GOVERNMENT_READ: Permission[] = ["account:manage", "dashboard:read", "proposal:read", "license:read", "financing:read", "exposureCap:read", "audit:read"];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  CONSORTIUM_MEMBER: [
    "account:manage",
    "consortium:create",
    "consortium:read",
    "consortium:manage",
    "dashboard:read",
    "proposal:create",
    "proposal:read",
    "proposal:update",
    "proposal:submit",
    "proposal:withdraw",
    "license:read",
    "financing:read",
    "exposureCap:read",
    "audit:read",
  ],
  COMMERCE_REVIEWER: [...GOVERNMENT_READ, "license:decide", "proposal:return"],
  EXIM_OFFICER: [...GOVERNMENT_READ, "financing:decide", "proposal:return", "program:read"],
  ADMINISTRATOR: [...GOVERNMENT_READ, "program:read", "settings:manage", "users:manage", "mailbox:read"],
};

export function can(actor: Actor | null, permission: Permission): boolean {
  return actor !== null && ROLE_PERMISSIONS[actor.role].includes(permission);
}

/** Throws unless the actor is signed in and their role holds the permission. */
export function authorize(actor: Actor | null, permission: Permission): asserts actor is Actor {
  if (!actor) throw new UnauthenticatedError();
  if (!can(actor, permission)) throw new ForbiddenError();
}

/** Seat roles in a consortium workspace that carry each proposal permission. */
const SEATS_FOR: Partial<Record<Permission, readonly ConsortiumSeatRole[]>> = {
  "proposal:read": ["LEAD", "CONTRIBUTOR", "VIEWER"],
  "proposal:update": ["LEAD", "CONTRIBUTOR"],
  // The anchor's lead submits and withdraws for the consortium.
  "proposal:submit": ["LEAD"],
  "proposal:withdraw": ["LEAD"],
  "consortium:read": ["LEAD", "CONTRIBUTOR", "VIEWER"],
  // Leads manage members, people and the anchor role.
  "consortium:manage": ["LEAD"],
};

/**
 * The proposals an actor may see for a permission, as a query filter. Consortium
 * staff see their own consortia's proposals only; government roles see a proposal
 * once it has been submitted, never a consortium's unsubmitted draft.
 */
export function proposalScope(actor: Actor, permission: Permission = "proposal:read"): Prisma.ProposalWhereInput {
  authorize(actor, permission);
  if (actor.role === "CONSORTIUM_MEMBER") {
    const seats = SEATS_FOR[permission] ?? SEATS_FOR["proposal:read"]!;
    return { consortium: { users: { some: { userId: actor.userId, seatRole: { in: [...seats] } } } } };
  }
  return { submittedAt: { not: null } };
}

/**
 * The consortia an actor may see or manage, as a query filter: those where they
 * hold a seat that carries the permission. Anyone else's answers 404.
 */
export function consortiumScope(actor: Actor, permission: "consortium:read" | "consortium:manage"): Prisma.ConsortiumWhereInput {
  authorize(actor, permission);
  return { users: { some: { userId: actor.userId, seatRole: { in: [...SEATS_FOR[permission]!] } } } };
}

/**
 * The license requests an actor may see, as a query filter. A license request is
 * created only when its proposal is submitted, so for government roles the
 * proposal scope (submitted proposals) holds for every request and the queue is
 * read without joining Proposal; consortium staff see their own proposals' only.
 */
export function licenseRequestScope(actor: Actor): Prisma.LicenseRequestWhereInput {
  authorize(actor, "license:read");
  return actor.role === "CONSORTIUM_MEMBER" ? { proposal: proposalScope(actor) } : {};
}

/** Consortium staff may read a proposal but not act on it with this seat: say so, don't 404. */
export function seatAllows(seatRole: ConsortiumSeatRole | null, permission: Permission): boolean {
  const seats = SEATS_FOR[permission];
  return seats === undefined || (seatRole !== null && seats.includes(seatRole));
}

/** What anyone, signed in or not, may see: packages approved and published. */
export function publishedScope(): Prisma.ProposalWhereInput {
  return { status: "APPROVED", publishedAt: { not: null } };
}

/**
 * Proposals a reviewer may decide without a conflict of interest: none of the
 * consortium's member organizations is one the reviewer declared a conflict with.
 */
export function withoutConflictOfInterest(actor: Actor): Prisma.ProposalWhereInput {
  return { consortium: { memberships: { none: { organization: { conflicts: { some: { reviewerId: actor.userId } } } } } } };
}
