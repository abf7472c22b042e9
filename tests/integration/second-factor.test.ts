// The second factor on a real database: enrolling an authenticator app, signing
// in with its codes (never the same code twice), recovery codes that work once,
// and an administrator removing a lost app.
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { RuleViolationError } from "@/lib/errors";
import { confirmEnrollment, enrollmentOffer, regenerateRecoveryCodes, resetSecondFactor, verifySecondFactor } from "@/lib/identity/second-factor";
import { resolveSession, startSession } from "@/lib/identity/sessions";
import { ThrottledError } from "@/lib/identity/throttle";
import { totpCode } from "@/lib/identity/totp";
import type { Actor } from "@/lib/policy";
import { freshDatabase } from "./support/database";
import { createUser } from "./support/fixtures";

let client: Db;
beforeAll(async () => {
  ({ client } = await freshDatabase());
});

async function newSession(actor: Actor) {
  const user = await client.user.findUniqueOrThrow({ where: { id: actor.userId } });
  return startSession(client, user);
}

/** A government officer, enrolled through the real enrollment steps; returns the secret and recovery codes. */
async function enrolledOfficer() {
  const actor = await createUser(client, "EXIM_OFFICER");
  const sessionId = await newSession(actor);
  const offer = await enrollmentOffer(client, actor.userId);
  const recoveryCodes = await confirmEnrollment(client, actor, sessionId, await totpCode(offer.secret));
  return { actor, secret: offer.secret, recoveryCodes, sessionId };
}

describe("enrolling an authenticator app", () => {
  it("a government session owes enrollment and can't act until a first code confirms it", async () => {
    const actor = await createUser(client, "COMMERCE_REVIEWER");
    const sessionId = await newSession(actor);
    expect((await resolveSession(client, sessionId))?.status).toBe("enrollment");

    const offer = await enrollmentOffer(client, actor.userId);
    expect(offer.qrSvg).toMatch(/^<svg/);
    expect(offer.uri).toContain(offer.secret);
    // A reload offers the same secret, so a scan already made still works.
    expect((await enrollmentOffer(client, actor.userId)).secret).toBe(offer.secret);
    // The secret is stored sealed, never as typed into the app.
    const stored = await client.user.findUniqueOrThrow({ where: { id: actor.userId } });
    expect(stored.totpPendingSecretSealed).not.toContain(offer.secret);

    await expect(confirmEnrollment(client, actor, sessionId, "000000")).rejects.toBeInstanceOf(RuleViolationError);
    expect((await resolveSession(client, sessionId))?.status).toBe("enrollment");

    const codes = await confirmEnrollment(client, actor, sessionId, await totpCode(offer.secret));
    expect(codes).toHaveLength(10);
    expect((await resolveSession(client, sessionId))?.status).toBe("active");
    const rows = await client.recoveryCode.findMany({ where: { userId: actor.userId } });
    expect(rows).toHaveLength(10);
    for (const code of codes) expect(rows.map((r) => r.codeHash).join()).not.toContain(code.replace("-", ""));
  });

  it("consortium staff may opt in; until then they sign in with a password alone", async () => {
    const actor = await createUser(client, "CONSORTIUM_MEMBER");
    const before = await newSession(actor);
    expect((await resolveSession(client, before))?.status).toBe("active");
    const offer = await enrollmentOffer(client, actor.userId);
    await confirmEnrollment(client, actor, before, await totpCode(offer.secret));
    expect((await resolveSession(client, await newSession(actor)))?.status).toBe("secondFactor");
  });
});

describe("signing in with the second factor", () => {
  it("the current code completes sign-in; the same code never works twice", async () => {
    const { actor, secret } = await enrolledOfficer();
    // The enrollment code used this time step: the next sign-in needs the next one.
    const first = await newSession(actor);
    expect((await resolveSession(client, first))?.status).toBe("secondFactor");
    const next = await totpCode(secret, new Date(Date.now() + 30_000));
    await verifySecondFactor(client, actor, first, next);
    expect((await resolveSession(client, first))?.status).toBe("active");

    const second = await newSession(actor);
    await expect(verifySecondFactor(client, actor, second, next)).rejects.toBeInstanceOf(RuleViolationError);
    expect((await resolveSession(client, second))?.status).toBe("secondFactor");
  });

  it("a recovery code works once, in any case and spacing", async () => {
    const { actor, recoveryCodes } = await enrolledOfficer();
    const code = recoveryCodes[3]!;
    const first = await newSession(actor);
    const result = await verifySecondFactor(client, actor, first, ` ${code.toUpperCase().replace("-", " ")} `);
    expect(result).toEqual({ usedRecoveryCode: true, recoveryCodesLeft: 9 });
    expect((await resolveSession(client, first))?.status).toBe("active");
    await expect(verifySecondFactor(client, actor, await newSession(actor), code)).rejects.toBeInstanceOf(RuleViolationError);
    expect(await client.auditEvent.count({ where: { entityId: actor.userId, action: "user.recoveryCodeUsed" } })).toBe(1);
  });

  it("new recovery codes replace the old ones", async () => {
    const { actor, recoveryCodes } = await enrolledOfficer();
    const fresh = await regenerateRecoveryCodes(client, actor);
    expect(fresh.some((c) => recoveryCodes.includes(c))).toBe(false);
    await expect(verifySecondFactor(client, actor, await newSession(actor), recoveryCodes[0]!)).rejects.toBeInstanceOf(RuleViolationError);
    await verifySecondFactor(client, actor, await newSession(actor), fresh[0]!);
  });

  it("wrong codes are throttled like passwords", async () => {
    const { actor, secret } = await enrolledOfficer();
    const sessionId = await newSession(actor);
    for (let i = 0; i < 5; i++) await expect(verifySecondFactor(client, actor, sessionId, "000000")).rejects.toBeInstanceOf(RuleViolationError);
    const right = await totpCode(secret, new Date(Date.now() + 30_000));
    await expect(verifySecondFactor(client, actor, sessionId, right)).rejects.toBeInstanceOf(ThrottledError);
    expect((await resolveSession(client, sessionId))?.status).toBe("secondFactor");
  });

  it("an administrator removes a lost app: sessions end, and the next sign-in enrolls again", async () => {
    const { actor, sessionId } = await enrolledOfficer();
    const admin = await createUser(client, "ADMINISTRATOR");
    await resetSecondFactor(client, admin, actor.userId);
    expect(await resolveSession(client, sessionId)).toBeNull();
    expect(await client.recoveryCode.count({ where: { userId: actor.userId } })).toBe(0);
    expect((await resolveSession(client, await newSession(actor)))?.status).toBe("enrollment");
  });
});
