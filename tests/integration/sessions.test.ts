// Sessions live in PostgreSQL: every server process sees the same row, so an
// ended session is ended everywhere at once. Two Prisma clients with their own
// pools stand for two server processes.
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { endSession, resolveSession, startSession } from "@/lib/identity/sessions";
import { changePassword, changeRole, endSessionsOf, setAccess, userAccount } from "@/lib/identity/users";
import { hashPassword } from "@/lib/passwords";
import type { Actor } from "@/lib/policy";
import { freshDatabase } from "./support/database";
import { createUser } from "./support/fixtures";

let processA: Db;
let processB: Db;
let admin: Actor;

beforeAll(async () => {
  const database = await freshDatabase();
  processA = database.client;
  processB = database.newClient();
  admin = await createUser(processA, "ADMINISTRATOR");
});

async function signedInMember(role: Actor["role"] = "CONSORTIUM_MEMBER") {
  const actor = await createUser(processA, role);
  const user = await processA.user.update({ where: { id: actor.userId }, data: { passwordHash: await hashPassword("a long test password") } });
  const sessionId = await startSession(processA, user, { clientAddress: "203.0.113.5", userAgent: "test" });
  return { actor, sessionId };
}

describe("a session kept in PostgreSQL", () => {
  it("holds in every process until it is ended, then in none", async () => {
    const { sessionId } = await signedInMember();
    expect((await resolveSession(processA, sessionId))?.status).toBe("active");
    expect((await resolveSession(processB, sessionId))?.status).toBe("active");

    await endSession(processA, sessionId); // signing out through process A
    expect(await resolveSession(processA, sessionId)).toBeNull();
    expect(await resolveSession(processB, sessionId)).toBeNull();
    const row = await processA.userSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row.revokedReason).toBe("signed out");
  });

  it("ends every session of a disabled user at once, and comes back only by signing in", async () => {
    const { actor, sessionId } = await signedInMember();
    const second = (await signedInMember()).sessionId; // someone else, unaffected
    const another = await startSession(processA, { ...(await processA.user.findUniqueOrThrow({ where: { id: actor.userId } })) });
    await setAccess(processA, admin, { userId: actor.userId, access: "disable" });
    expect(await resolveSession(processB, sessionId)).toBeNull();
    expect(await resolveSession(processB, another)).toBeNull();
    expect(await resolveSession(processB, second)).not.toBeNull();

    await setAccess(processA, admin, { userId: actor.userId, access: "enable" });
    expect(await resolveSession(processB, sessionId)).toBeNull(); // enabling doesn't revive old sessions
  });

  it("ends a user's sessions when their role changes, and the next session carries the new role", async () => {
    const { actor, sessionId } = await signedInMember();
    await changeRole(processA, admin, { userId: actor.userId, role: "EXIM_OFFICER" });
    expect(await resolveSession(processB, sessionId)).toBeNull();
    const user = await processA.user.findUniqueOrThrow({ where: { id: actor.userId } });
    const next = await startSession(processA, user);
    const resolved = await resolveSession(processB, next);
    expect(resolved?.actor.role).toBe("EXIM_OFFICER");
    // A government role owes an authenticator app before anything else.
    expect(resolved?.status).toBe("enrollment");
    const audit = await processA.auditEvent.findMany({ where: { entityType: "User", entityId: actor.userId }, orderBy: { id: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(["user.roleChanged", "user.sessionsEnded"]));
  });

  it("ends the user's other sessions when they change their password, keeping the one they used", async () => {
    const { actor, sessionId } = await signedInMember();
    const user = await processA.user.findUniqueOrThrow({ where: { id: actor.userId } });
    const elsewhere = await startSession(processA, user);
    await changePassword(processA, actor, sessionId, { currentPassword: "a long test password", newPassword: "another long passphrase", confirmPassword: "another long passphrase" });
    expect(await resolveSession(processB, sessionId)).not.toBeNull();
    expect(await resolveSession(processB, elsewhere)).toBeNull();
  });

  it("refuses a password change without the right current password, and changes nothing", async () => {
    const { actor, sessionId } = await signedInMember();
    const before = await processA.user.findUniqueOrThrow({ where: { id: actor.userId } });
    await expect(
      changePassword(processA, actor, sessionId, { currentPassword: "not it at all", newPassword: "another long passphrase", confirmPassword: "another long passphrase" }),
    ).rejects.toThrow(/current password is not right/);
    expect((await processA.user.findUniqueOrThrow({ where: { id: actor.userId } })).passwordHash).toBe(before.passwordHash);
  });

  it("'sign out everywhere else' keeps only the session that asked", async () => {
    const { actor, sessionId } = await signedInMember();
    const user = await processA.user.findUniqueOrThrow({ where: { id: actor.userId } });
    const others = [await startSession(processA, user), await startSession(processA, user)];
    expect(await endSessionsOf(processA, actor, actor.userId, sessionId)).toBe(2);
    expect(await resolveSession(processB, sessionId)).not.toBeNull();
    for (const other of others) expect(await resolveSession(processB, other)).toBeNull();
  });

  it("an administrator can't disable or demote their own account", async () => {
    await expect(setAccess(processA, admin, { userId: admin.userId, access: "disable" })).rejects.toThrow(/another administrator/);
    await expect(changeRole(processA, admin, { userId: admin.userId, role: "CONSORTIUM_MEMBER" })).rejects.toThrow(/another administrator/);
  });
});

describe("idle and absolute limits", () => {
  const minutes = (n: number) => n * 60_000;

  it("ends a consortium session after 30 idle minutes, a government one after 15", async () => {
    const start = new Date("2026-11-30T09:00:00Z");
    const member = await createUser(processA, "CONSORTIUM_MEMBER");
    const officer = await createUser(processA, "EXIM_OFFICER");
    const memberSession = await startSession(processA, { id: member.userId, role: member.role, name: member.name, email: member.email, totpEnrolledAt: null }, {}, start);
    const officerSession = await startSession(processA, { id: officer.userId, role: officer.role, name: officer.name, email: officer.email, totpEnrolledAt: new Date() }, {}, start);

    const at = (offset: number) => ({ touch: false, now: new Date(start.getTime() + offset) });
    expect(await resolveSession(processB, officerSession, at(minutes(14)))).not.toBeNull();
    expect(await resolveSession(processB, officerSession, at(minutes(15)))).toBeNull();
    expect(await resolveSession(processB, memberSession, at(minutes(29)))).not.toBeNull();
    expect(await resolveSession(processB, memberSession, at(minutes(30)))).toBeNull();
  });

  it("activity keeps a session alive, but never past 12 hours", async () => {
    const start = new Date("2026-11-30T08:00:00Z");
    const member = await createUser(processA, "CONSORTIUM_MEMBER");
    const id = await startSession(processA, { id: member.userId, role: member.role, name: member.name, email: member.email, totpEnrolledAt: null }, {}, start);
    // A request every 20 minutes for 11 hours 40 minutes keeps it going...
    for (let t = minutes(20); t <= minutes(700); t += minutes(20)) {
      expect(await resolveSession(processA, id, { now: new Date(start.getTime() + t) }), `at ${t / 60_000} min`).not.toBeNull();
    }
    // ...and at 12 hours it ends whatever the activity.
    expect(await resolveSession(processA, id, { now: new Date(start.getTime() + minutes(720)) })).toBeNull();
  });

  it("tells when the session ends: the earlier of its idle and absolute limits", async () => {
    const start = new Date("2026-11-30T10:00:00Z");
    const member = await createUser(processA, "CONSORTIUM_MEMBER");
    const id = await startSession(processA, { id: member.userId, role: member.role, name: member.name, email: member.email, totpEnrolledAt: null }, {}, start);
    const resolved = await resolveSession(processA, id, { touch: false, now: start });
    expect(resolved?.endsAt.toISOString()).toBe("2026-11-30T10:30:00.000Z");
  });

  it("counts as open, for administrators, only sessions still within their idle limit", async () => {
    const member = await createUser(processA, "CONSORTIUM_MEMBER");
    const user = { id: member.userId, role: member.role, name: member.name, email: member.email, totpEnrolledAt: null };
    await startSession(processA, user); // active now
    await startSession(processA, user, {}, new Date(Date.now() - minutes(31))); // idle past 30 minutes
    const ended = await startSession(processA, user);
    await endSession(processA, ended);
    expect((await userAccount(processA, admin, member.userId)).openSessionCount).toBe(1);
  });
});
