// Accounts: what administrators change (role, access, the second factor) and
// what each person changes for themselves (password, sessions). Every change
// that alters what a person may do ends their sessions in the same transaction.
import type { Db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { recordAudit } from "@/lib/audit";
import { NotFoundError, requireRecordId, RuleViolationError } from "@/lib/errors";
import { hashPassword, newPasswordProblem, verifyPassword } from "@/lib/passwords";
import { authorize, type Actor } from "@/lib/policy";
import type { ChangePasswordInput } from "@/lib/schemas/identity";
import { loadProgramSettings } from "@/lib/settings";
import { endAllSessions, openSessions } from "./sessions";
import { countAttempt, forgiveAttempt } from "./throttle";

export const USERS_PAGE_SIZE = 25;

/** One page of accounts in email order, from the cursor on; cost independent of the total. */
export async function listUsers(client: Db, actor: Actor, { q, after }: { q?: string; after?: string }) {
  authorize(actor, "users:manage");
  const rows = await client.user.findMany({
    where: {
      ...(q ? { OR: [{ email: { contains: q, mode: "insensitive" } }, { name: { contains: q, mode: "insensitive" } }] } : {}),
      ...(after ? { email: { gt: after } } : {}),
    },
    orderBy: { email: "asc" },
    take: USERS_PAGE_SIZE + 1,
    select: { id: true, email: true, name: true, role: true, disabledAt: true, totpEnrolledAt: true },
  });
  const hasMore = rows.length > USERS_PAGE_SIZE;
  const page = rows.slice(0, USERS_PAGE_SIZE);
  return { rows: page, nextCursor: hasMore ? page.at(-1)!.email : null };
}

export async function userAccount(client: Db, actor: Actor, userId: string) {
  authorize(actor, "users:manage");
  requireRecordId(userId, "That account");
  const user = await client.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabledAt: true,
      totpEnrolledAt: true,
      createdAt: true,
    },
  });
  if (!user) throw new NotFoundError("That account");
  // Open means still usable: not ended, and within both the idle and the absolute limit.
  return { ...user, openSessionCount: (await openSessions(client, user.id)).length };
}

function refuseSelf(actor: Actor, userId: string, what: string) {
  // An administrator can't lock themselves out; another administrator does it.
  if (actor.userId === userId) throw new RuleViolationError(`You can't ${what} your own account; ask another administrator.`);
}

export async function changeRole(client: Db, actor: Actor, { userId, role }: { userId: string; role: Role }) {
  authorize(actor, "users:manage");
  refuseSelf(actor, userId, "change the role of");
  await client.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { role: true } });
    if (!before) throw new NotFoundError("That account");
    if (before.role === role) return;
    await tx.user.update({ where: { id: userId }, data: { role } });
    await recordAudit(tx, actor, { action: "user.roleChanged", entityType: "User", entityId: userId, before: { role: before.role }, after: { role } });
    await endAllSessions(tx, actor, userId, "role changed");
  });
}

export async function setAccess(client: Db, actor: Actor, { userId, access }: { userId: string; access: "enable" | "disable" }) {
  authorize(actor, "users:manage");
  refuseSelf(actor, userId, "disable");
  await client.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { disabledAt: true } });
    if (!before) throw new NotFoundError("That account");
    const disable = access === "disable";
    if (disable === Boolean(before.disabledAt)) return;
    await tx.user.update({ where: { id: userId }, data: { disabledAt: disable ? new Date() : null } });
    await recordAudit(tx, actor, { action: disable ? "user.disabled" : "user.enabled", entityType: "User", entityId: userId });
    if (disable) await endAllSessions(tx, actor, userId, "account disabled");
  });
}

/** "Sign out everywhere": every session of the user ends, except the one asking when it is their own. */
export async function endSessionsOf(client: Db, actor: Actor, userId: string, currentSessionId?: string): Promise<number> {
  if (userId !== actor.userId) authorize(actor, "users:manage");
  return client.$transaction((tx) =>
    endAllSessions(tx, actor, userId, userId === actor.userId ? "signed out everywhere" : "ended by an administrator", {
      except: userId === actor.userId ? currentSessionId : undefined,
    }),
  );
}

/** A new password: the current one must be shown, and every other session ends. */
export async function changePassword(client: Db, actor: Actor, currentSessionId: string, input: ChangePasswordInput): Promise<void> {
  authorize(actor, "account:manage");
  const user = await client.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { passwordHash: true, email: true } });
  // Counted like sign-in attempts, so a left-open session can't be used to guess the password.
  const settings = await loadProgramSettings(client);
  await countAttempt(client, settings, { account: user.email });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new RuleViolationError("Your current password is not right.", [], "currentPassword");
  }
  await forgiveAttempt(client, settings, { account: user.email });
  const problem = newPasswordProblem(input.newPassword, { email: user.email });
  if (problem) throw new RuleViolationError(problem, [], "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  await client.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { passwordHash, passwordChangedAt: new Date() } });
    await recordAudit(tx, actor, { action: "user.passwordChanged", entityType: "User", entityId: actor.userId });
    await endAllSessions(tx, actor, actor.userId, "password changed", { except: currentSessionId });
  });
}
