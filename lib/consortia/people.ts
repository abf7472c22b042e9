// People in a consortium's workspace: invitations by single-use link, and the
// lead's changes to seats. A consortium always keeps at least one lead.
import { createHash, randomBytes } from "node:crypto";
import type { Db, Tx } from "@/lib/db";
import type { ConsortiumSeatRole } from "@/lib/generated/prisma/enums";
import { recordAudit } from "@/lib/audit";
import { formatDateTime } from "@/lib/dates";
import { NotFoundError, RuleViolationError } from "@/lib/errors";
import { queueMail } from "@/lib/mail/outbox";
import { hashPassword, newPasswordProblem } from "@/lib/passwords";
import type { Actor } from "@/lib/policy";
import { loadProgramSettings } from "@/lib/settings";
import { lockForLead } from "./service";

/** A seat's name, for tables. */
export const SEAT_ROLE_NAMES: Record<ConsortiumSeatRole, string> = { LEAD: "Lead", CONTRIBUTOR: "Contributor", VIEWER: "Viewer" };

/** A seat's name with what it may do, for choosing one. */
export const SEAT_ROLE_LABELS: Record<ConsortiumSeatRole, string> = {
  LEAD: "Lead (manages members and people, submits)",
  CONTRIBUTOR: "Contributor (edits drafts)",
  VIEWER: "Viewer (reads)",
};

/** Only the hash of an invitation's token is kept: the link itself exists only in the message. */
export function invitationTokenHash(token: string): string {
  return createHash("sha256").update(`invitation:${token}`).digest("hex");
}

export async function invitePerson(
  client: Db,
  actor: Actor,
  input: { consortiumId: string; email: string; seatRole: ConsortiumSeatRole },
  portalUrl: string,
): Promise<{ invitationId: string; mailId: string }> {
  const settings = await loadProgramSettings(client);
  return client.$transaction(async (tx) => {
    const consortium = await lockForLead(tx, actor, input.consortiumId);
    const seated = await tx.consortiumUser.findFirst({ where: { consortiumId: consortium.id, user: { email: input.email } } });
    if (seated) throw new RuleViolationError(`${input.email} is already in ${consortium.name}.`, [], "email");
    // A new invitation replaces any earlier one still open for the same person.
    await tx.invitation.updateMany({ where: { consortiumId: consortium.id, email: input.email, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(Date.now() + settings["invitations.validityDays"] * 86_400_000);
    const invitation = await tx.invitation.create({
      data: { consortiumId: consortium.id, email: input.email, seatRole: input.seatRole, tokenHash: invitationTokenHash(token), invitedById: actor.userId, expiresAt },
    });
    const mailId = await queueMail(tx, {
      to: input.email,
      subject: `${actor.name} invites you to ${consortium.name} on the American AI Exports portal`,
      text: [
        `${actor.name} invites you to work in ${consortium.name}'s workspace on the American AI Exports portal as ${SEAT_ROLE_LABELS[input.seatRole].toLowerCase()}.`,
        "",
        `Accept the invitation: ${portalUrl}/invitations/${token}`,
        "",
        `The link works once, until ${formatDateTime(expiresAt)}. If you didn't expect this invitation, ignore this message.`,
      ].join("\n"),
    });
    await recordAudit(tx, actor, { action: "consortium.personInvited", entityType: "Consortium", entityId: consortium.id, after: { email: input.email, seatRole: input.seatRole } });
    return { invitationId: invitation.id, mailId };
  });
}

export type InvitationState = "open" | "expired" | "used" | "revoked";

function stateOf(invitation: { expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null }, now = new Date()): InvitationState {
  if (invitation.acceptedAt) return "used";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt <= now) return "expired";
  return "open";
}

/** What the link shows: the invitation, whether it still works, and whether its email has an account. */
export async function invitationByToken(client: Db, token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const invitation = await client.invitation.findUnique({ where: { tokenHash: invitationTokenHash(token) }, include: { consortium: { select: { name: true } } } });
  if (!invitation) return null;
  const account = await client.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  return { invitation, state: stateOf(invitation), accountExists: account !== null };
}

/** Locks the invitation named by the token, refusing one that no longer works. */
async function claim(tx: Tx, token: string) {
  const invitation = await tx.invitation.findUnique({ where: { tokenHash: invitationTokenHash(token) } });
  if (!invitation) throw new NotFoundError("That invitation");
  await tx.$queryRaw`SELECT id FROM "Invitation" WHERE id = ${invitation.id} FOR UPDATE`;
  const fresh = await tx.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
  const state = stateOf(fresh);
  if (state === "used") throw new RuleViolationError("This invitation has already been used. Sign in to reach the consortium.");
  if (state === "revoked") throw new RuleViolationError("This invitation was withdrawn or replaced by a newer one. Ask the consortium's lead for a new invitation.");
  if (state === "expired") throw new RuleViolationError("This invitation has expired. Ask the consortium's lead for a new one.");
  return fresh;
}

async function seat(tx: Tx, invitation: { id: string; consortiumId: string; seatRole: ConsortiumSeatRole; email: string }, userId: string) {
  const existing = await tx.consortiumUser.findUnique({ where: { consortiumId_userId: { consortiumId: invitation.consortiumId, userId } } });
  if (!existing) await tx.consortiumUser.create({ data: { consortiumId: invitation.consortiumId, userId, seatRole: invitation.seatRole } });
  await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date(), acceptedById: userId } });
  await recordAudit(tx, null, { action: "consortium.invitationAccepted", entityType: "Consortium", entityId: invitation.consortiumId, after: { email: invitation.email, seatRole: invitation.seatRole } });
}

/** Someone new accepts: their account is created (NIST 800-63B password rules) and seated. */
export async function acceptWithNewAccount(client: Db, input: { token: string; name: string; password: string }) {
  return client.$transaction(async (tx) => {
    const invitation = await claim(tx, input.token);
    if (await tx.user.findUnique({ where: { email: invitation.email } })) {
      throw new RuleViolationError(`An account for ${invitation.email} exists already: sign in to accept the invitation.`);
    }
    const problem = newPasswordProblem(input.password, { email: invitation.email });
    if (problem) throw new RuleViolationError(problem, [], "password");
    const user = await tx.user.create({ data: { email: invitation.email, name: input.name, role: "CONSORTIUM_MEMBER", passwordHash: await hashPassword(input.password) } });
    await seat(tx, invitation, user.id);
    return { email: user.email, consortiumId: invitation.consortiumId };
  });
}

/** Someone with an account accepts, signed in as the invited email. */
export async function acceptAsSignedIn(client: Db, actor: Actor, token: string) {
  return client.$transaction(async (tx) => {
    const invitation = await claim(tx, token);
    if (invitation.email.toLowerCase() !== actor.email.toLowerCase()) {
      throw new RuleViolationError(`This invitation is for ${invitation.email}. Sign out, then sign in as ${invitation.email} to accept it.`);
    }
    if (actor.role !== "CONSORTIUM_MEMBER") throw new RuleViolationError("Government accounts can't join a consortium.");
    await seat(tx, invitation, actor.userId);
    return { consortiumId: invitation.consortiumId };
  });
}

/** Open invitations of a consortium, for its lead. */
export async function openInvitations(client: Db, consortiumId: string) {
  return client.invitation.findMany({
    where: { consortiumId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 50,
    select: { id: true, email: true, seatRole: true, expiresAt: true, createdAt: true },
  });
}

export async function revokeInvitation(client: Db, actor: Actor, input: { consortiumId: string; invitationId: string }) {
  await client.$transaction(async (tx) => {
    const consortium = await lockForLead(tx, actor, input.consortiumId);
    const { count } = await tx.invitation.updateMany({ where: { id: input.invitationId, consortiumId: consortium.id, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) throw new NotFoundError("That invitation");
  });
}

async function requireAnotherLead(tx: Tx, consortiumId: string, userId: string) {
  const leads = await tx.consortiumUser.count({ where: { consortiumId, seatRole: "LEAD", userId: { not: userId } } });
  if (leads === 0) throw new RuleViolationError("A consortium needs at least one lead. Make someone else a lead first.");
}

export async function changeSeatRole(client: Db, actor: Actor, input: { consortiumId: string; userId: string; seatRole: ConsortiumSeatRole }) {
  await client.$transaction(async (tx) => {
    const consortium = await lockForLead(tx, actor, input.consortiumId);
    const current = await tx.consortiumUser.findUnique({ where: { consortiumId_userId: { consortiumId: consortium.id, userId: input.userId } } });
    if (!current) throw new NotFoundError("That person");
    if (current.seatRole === input.seatRole) return;
    if (current.seatRole === "LEAD") await requireAnotherLead(tx, consortium.id, input.userId);
    await tx.consortiumUser.update({ where: { id: current.id }, data: { seatRole: input.seatRole } });
    await recordAudit(tx, actor, { action: "consortium.seatChanged", entityType: "Consortium", entityId: consortium.id, before: { userId: input.userId, seatRole: current.seatRole }, after: { userId: input.userId, seatRole: input.seatRole } });
  });
}

export async function removePerson(client: Db, actor: Actor, input: { consortiumId: string; userId: string }) {
  await client.$transaction(async (tx) => {
    const consortium = await lockForLead(tx, actor, input.consortiumId);
    const current = await tx.consortiumUser.findUnique({ where: { consortiumId_userId: { consortiumId: consortium.id, userId: input.userId } } });
    if (!current) throw new NotFoundError("That person");
    if (current.seatRole === "LEAD") await requireAnotherLead(tx, consortium.id, input.userId);
    await tx.consortiumUser.delete({ where: { id: current.id } });
    await recordAudit(tx, actor, { action: "consortium.personRemoved", entityType: "Consortium", entityId: consortium.id, before: { userId: input.userId, seatRole: current.seatRole } });
  });
}
