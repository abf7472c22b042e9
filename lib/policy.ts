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
  "question:read",
  "question:ask",
  "question:answer",
  "notification:read",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GOVERNMENT_READ: Permission[] = ["account:manage", "notification:read", "dashboard:read", "proposal:read", "license:read", "financing:read", "exposureCap:read", "audit:read"];

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
    "notification:read",
    "question:read",
    "question:answer",
  ],
  // Questions and answers are between the consortium and the two deciding agencies:
  // administrators are not a party to them and don't read them (docs/decisions/0048).
  COMMERCE_REVIEWER: [...GOVERNMENT_READ, "license:decide", "proposal:return", "question:read", "question:ask"],
  EXIM_OFFICER: [...GOVERNMENT_READ, "financing:decide", "proposal:return", "program:read", "question:read", "question:ask"],
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
  // Viewers read the questions; leads and contributors answer them.
  "question:read": ["LEAD", "CONTRIBUTOR", "VIEWER"],
  "question:answer": ["LEAD", "CONTRIBUTOR"],
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
 * The proposals whose questions an actor may read, ask or answer, as a query
 * filter: the consortium's own people (by seat) and Commerce and EXIM on
 * submitted proposals. Administrators and anyone else hold no question permission,
 * so `authorize` refuses them before any query.
 */
export function questionProposalScope(actor: Actor, permission: "question:read" | "question:ask" | "question:answer"): Prisma.ProposalWhereInput {
  authorize(actor, permission);
  if (actor.role === "CONSORTIUM_MEMBER") {
    return { consortium: { users: { some: { userId: actor.userId, seatRole: { in: [...SEATS_FOR[permission]!] } } } } };
  }
  return { submittedAt: { not: null } };
}

/** Which agency a government actor asks for; null for anyone who doesn't ask. */
export function agencySideOf(actor: Actor): "COMMERCE" | "EXIM" | null {
  return actor.role === "COMMERCE_REVIEWER" ? "COMMERCE" : actor.role === "EXIM_OFFICER" ? "EXIM" : null;
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
