// Invitations into a consortium's workspace, on a real database: single-use
// links kept only as hashes, expiry, existing accounts, the outbox that keeps
// every message, and the lead that can never be the last to leave.
import { beforeAll, describe, expect, it } from "vitest";
import { acceptAsSignedIn, acceptWithNewAccount, changeSeatRole, invitationByToken, invitePerson, removePerson } from "@/lib/consortia/people";
import { consortiumWorkspace } from "@/lib/consortia/service";
import type { Db } from "@/lib/db";
import { RuleViolationError } from "@/lib/errors";
import { deliverQueuedMail, mailboxPage } from "@/lib/mail/outbox";
import { signInWithPassword } from "@/lib/identity/sign-in";
import { freshDatabase } from "./support/database";
import { addSeat, createConsortiumMember, createUser } from "./support/fixtures";

let client: Db;
beforeAll(async () => {
  ({ client } = await freshDatabase());
});

/** The link's token, as the invited person reads it from the message. */
async function tokenFromMail(mailId: string): Promise<string> {
  const mail = await client.mailMessage.findUniqueOrThrow({ where: { id: mailId } });
  const match = /\/invitations\/([A-Za-z0-9_-]+)/.exec(mail.text);
  if (!match) throw new Error(`No invitation link in: ${mail.text}`);
  return match[1]!;
}

async function invite(email: string, seatRole: "LEAD" | "CONTRIBUTOR" | "VIEWER" = "CONTRIBUTOR") {
  const { actor: lead, consortium } = await createConsortiumMember(client, "LEAD");
  const { mailId } = await invitePerson(client, lead, { consortiumId: consortium.id, email, seatRole }, "https://portal.example");
  return { lead, consortium, token: await tokenFromMail(mailId), mailId };
}

describe("an invitation", () => {
  it("is a single-use link by email, of which only the hash is stored", async () => {
    const { consortium, token, mailId } = await invite("new.person@partner.example");
    const mail = await client.mailMessage.findUniqueOrThrow({ where: { id: mailId } });
    expect(mail.to).toBe("new.person@partner.example");
    expect(mail.text).toContain(`https://portal.example/invitations/${token}`);
    const stored = await client.invitation.findFirstOrThrow({ where: { consortiumId: consortium.id } });
    expect(JSON.stringify(stored)).not.toContain(token);

    await acceptWithNewAccount(client, { token, name: "New Person", password: "four random words here" });
    const user = await client.user.findUniqueOrThrow({ where: { email: "new.person@partner.example" } });
    expect(user.role).toBe("CONSORTIUM_MEMBER");
    const signedIn = await signInWithPassword(client, "new.person@partner.example", "four random words here");
    expect(signedIn.user.id).toBe(user.id);
    expect((await consortiumWorkspace(client, { userId: user.id, role: "CONSORTIUM_MEMBER", name: "New Person", email: user.email }, consortium.id)).seat).toBe("CONTRIBUTOR");

    await expect(acceptWithNewAccount(client, { token, name: "Someone", password: "another four words here" })).rejects.toThrow(/already been used/);
    expect((await invitationByToken(client, token))?.state).toBe("used");
  });

  it("expires after the configured days", async () => {
    const { consortium, token } = await invite("late.person@partner.example");
    await client.invitation.updateMany({ where: { consortiumId: consortium.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await invitationByToken(client, token))?.state).toBe("expired");
    await expect(acceptWithNewAccount(client, { token, name: "Late Person", password: "four random words here" })).rejects.toThrow(/expired/);
    expect(await client.user.findUnique({ where: { email: "late.person@partner.example" } })).toBeNull();
  });

  it("lasts seven days by default", async () => {
    const { consortium } = await invite("timely@partner.example");
    const invitation = await client.invitation.findFirstOrThrow({ where: { consortiumId: consortium.id } });
    const days = (invitation.expiresAt.getTime() - invitation.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(7, 2);
  });

  it("refuses a weak password and creates nothing", async () => {
    const { token } = await invite("weak@partner.example");
    await expect(acceptWithNewAccount(client, { token, name: "Weak", password: "password1234" })).rejects.toBeInstanceOf(RuleViolationError);
    expect(await client.user.findUnique({ where: { email: "weak@partner.example" } })).toBeNull();
    expect((await invitationByToken(client, token))?.state).toBe("open");
  });

  it("adds a seat to an existing account, signed in as the invited email only", async () => {
    const existing = await createUser(client, "CONSORTIUM_MEMBER");
    const { consortium, token } = await invite(existing.email, "VIEWER");
    expect((await invitationByToken(client, token))?.accountExists).toBe(true);
    await expect(acceptWithNewAccount(client, { token, name: "Impostor", password: "four random words here" })).rejects.toThrow(/exists already/);
    const someoneElse = await createUser(client, "CONSORTIUM_MEMBER");
    await expect(acceptAsSignedIn(client, someoneElse, token)).rejects.toThrow(/This invitation is for/);
    await acceptAsSignedIn(client, existing, token);
    expect((await consortiumWorkspace(client, existing, consortium.id)).seat).toBe("VIEWER");
  });

  it("a newer invitation to the same person replaces the older link", async () => {
    const { lead, consortium, token: first } = await invite("twice@partner.example");
    const { mailId } = await invitePerson(client, lead, { consortiumId: consortium.id, email: "twice@partner.example", seatRole: "VIEWER" }, "https://portal.example");
    const second = await tokenFromMail(mailId);
    expect((await invitationByToken(client, first))?.state).toBe("revoked");
    expect((await invitationByToken(client, second))?.state).toBe("open");
  });
});

describe("the outbox", () => {
  it("keeps every message for the development mailbox when no mail server is set, and sends through one when it is", async () => {
    const { mailId } = await invite("outbox@partner.example");
    const kept = await deliverQueuedMail(client, null);
    expect(kept.kept).toBeGreaterThanOrEqual(1);
    expect((await client.mailMessage.findUniqueOrThrow({ where: { id: mailId } })).status).toBe("KEPT");
    expect((await mailboxPage(client, {})).rows.map((m) => m.id)).toContain(mailId);

    // A server that is down: nothing is lost, the message waits for a retry.
    const { mailId: second } = await invite("retry@partner.example");
    const down = { sendMail: async () => Promise.reject(new Error("connect ECONNREFUSED")) };
    await deliverQueuedMail(client, down);
    const waiting = await client.mailMessage.findUniqueOrThrow({ where: { id: second } });
    expect([waiting.status, waiting.attempts, waiting.lastError]).toEqual(["QUEUED", 1, "connect ECONNREFUSED"]);
    const delivered: string[] = [];
    await deliverQueuedMail(client, { sendMail: async (m) => void delivered.push(m.to) });
    expect(delivered).toContain("retry@partner.example");
    expect((await client.mailMessage.findUniqueOrThrow({ where: { id: second } })).status).toBe("SENT");
  });
});

describe("people", () => {
  it("the last lead can't leave or step down; with another lead they can", async () => {
    const { actor: lead, consortium } = await createConsortiumMember(client, "LEAD");
    await expect(removePerson(client, lead, { consortiumId: consortium.id, userId: lead.userId })).rejects.toThrow(/at least one lead/);
    await expect(changeSeatRole(client, lead, { consortiumId: consortium.id, userId: lead.userId, seatRole: "VIEWER" })).rejects.toThrow(/at least one lead/);
    const second = await addSeat(client, consortium.id, "CONTRIBUTOR");
    await changeSeatRole(client, lead, { consortiumId: consortium.id, userId: second.userId, seatRole: "LEAD" });
    await removePerson(client, lead, { consortiumId: consortium.id, userId: lead.userId });
    expect((await consortiumWorkspace(client, second, consortium.id)).consortium.users.map((u) => u.userId)).toEqual([second.userId]);
  });
});
