// The second factor: enrolling an authenticator app, checking its codes or a
// recovery code at sign-in, and replacing recovery codes.
import QRCode from "qrcode";
import type { Db, Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { RuleViolationError } from "@/lib/errors";
import type { Actor } from "@/lib/policy";
import { loadProgramSettings } from "@/lib/settings";
import { openTotpSecret, sealTotpSecret } from "./totp-secret";
import { completeSecondFactor, endAllSessions } from "./sessions";
import { countAttempt, forgiveAttempt, ThrottledError } from "./throttle";
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, normalizeRecoveryCode, normalizeTotpCode, totpUri, verifyTotp } from "./totp";

/** A code was refused; `field` names the form field for the message. */
function wrongCode(): RuleViolationError {
  return new RuleViolationError("That code is not right.", ["That code is not right. Enter the 6-digit code your authenticator app shows now, or one of your recovery codes."], "code");
}

/**
 * The secret to enroll, with its QR code (an SVG made on the server) and the
 * text to type where a camera can't be used. The same secret is offered until
 * the user confirms a code, so a reload doesn't invalidate a scan.
 */
export async function enrollmentOffer(client: Db, userId: string) {
  const user = await client.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, totpPendingSecretSealed: true } });
  let secret = user.totpPendingSecretSealed ? openTotpSecret(user.totpPendingSecretSealed) : null;
  if (!secret) {
    secret = newTotpSecret();
    await client.user.update({ where: { id: userId }, data: { totpPendingSecretSealed: sealTotpSecret(secret) } });
  }
  const uri = totpUri(secret, user.email);
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { secret, uri, qrSvg };
}

/**
 * The user typed a first code from the app: the secret becomes theirs, ten new
 * recovery codes replace any old ones, and this session counts as verified.
 * Returns the recovery codes in clear, to show once.
 */
export async function confirmEnrollment(client: Db, actor: Actor, sessionId: string, code: string): Promise<string[]> {
  const settings = await loadProgramSettings(client);
  await countAttempt(client, settings, { account: `second-factor:${actor.userId}` });
  const user = await client.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { totpPendingSecretSealed: true } });
  if (!user.totpPendingSecretSealed) throw new RuleViolationError("Start again: open the enrollment page to get a new QR code.");
  const timeStep = await verifyTotp(openTotpSecret(user.totpPendingSecretSealed), code, null);
  if (timeStep === null) throw wrongCode();
  const codes = newRecoveryCodes();
  await client.$transaction(async (tx) => {
    const updated = await tx.user.updateMany({
      where: { id: actor.userId, totpPendingSecretSealed: user.totpPendingSecretSealed },
      data: { totpSecretSealed: user.totpPendingSecretSealed, totpPendingSecretSealed: null, totpEnrolledAt: new Date(), totpLastTimeStep: timeStep },
    });
    if (updated.count !== 1) throw new RuleViolationError("Enrollment changed meanwhile: open the enrollment page again.");
    await replaceRecoveryCodes(tx, actor, codes);
    await completeSecondFactor(tx, sessionId);
    await recordAudit(tx, actor, { action: "user.secondFactorEnrolled", entityType: "User", entityId: actor.userId });
  });
  await forgiveAttempt(client, settings, { account: `second-factor:${actor.userId}` });
  return codes;
}

async function replaceRecoveryCodes(tx: Tx, actor: Actor, codes: string[]) {
  await tx.recoveryCode.deleteMany({ where: { userId: actor.userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId: actor.userId, codeHash: hashRecoveryCode(normalizeRecoveryCode(code)!) })) });
  await recordAudit(tx, actor, { action: "user.recoveryCodesIssued", entityType: "User", entityId: actor.userId, after: { count: codes.length } });
}

export type SecondFactorResult = { usedRecoveryCode: boolean; recoveryCodesLeft: number };

/**
 * The second step of signing in: a current code from the app (never one
 * accepted before) or an unused recovery code. Throttled like passwords.
 */
export async function verifySecondFactor(client: Db, actor: Actor, sessionId: string, code: string): Promise<SecondFactorResult> {
  const settings = await loadProgramSettings(client);
  const keys = { account: `second-factor:${actor.userId}` };
  await countAttempt(client, settings, keys);
  const user = await client.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { totpSecretSealed: true, totpLastTimeStep: true } });
  if (!user.totpSecretSealed) throw new RuleViolationError("No authenticator app is enrolled for this account.");

  let usedRecoveryCode = false;
  if (normalizeTotpCode(code)) {
    const timeStep = await verifyTotp(openTotpSecret(user.totpSecretSealed), code, user.totpLastTimeStep);
    if (timeStep === null) throw wrongCode();
    // Conditional, so two requests racing with the same code can't both pass.
    const claimed = await client.user.updateMany({
      where: { id: actor.userId, OR: [{ totpLastTimeStep: null }, { totpLastTimeStep: { lt: timeStep } }] },
      data: { totpLastTimeStep: timeStep },
    });
    if (claimed.count !== 1) throw wrongCode();
  } else {
    const normalized = normalizeRecoveryCode(code);
    if (!normalized) throw wrongCode();
    const claimed = await client.recoveryCode.updateMany({
      where: { userId: actor.userId, codeHash: hashRecoveryCode(normalized), usedAt: null },
      data: { usedAt: new Date() },
    });
    if (claimed.count !== 1) throw wrongCode();
    usedRecoveryCode = true;
  }
  await client.$transaction(async (tx) => {
    await completeSecondFactor(tx, sessionId);
    if (usedRecoveryCode) await recordAudit(tx, actor, { action: "user.recoveryCodeUsed", entityType: "User", entityId: actor.userId });
  });
  await forgiveAttempt(client, settings, keys);
  const recoveryCodesLeft = await client.recoveryCode.count({ where: { userId: actor.userId, usedAt: null } });
  return { usedRecoveryCode, recoveryCodesLeft };
}

/** New recovery codes for a signed-in user; the old ones stop working. */
export async function regenerateRecoveryCodes(client: Db, actor: Actor): Promise<string[]> {
  const user = await client.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { totpEnrolledAt: true } });
  if (!user.totpEnrolledAt) throw new RuleViolationError("Enroll an authenticator app first.");
  const codes = newRecoveryCodes();
  await client.$transaction((tx) => replaceRecoveryCodes(tx, actor, codes));
  return codes;
}

/**
 * An administrator removes a user's authenticator app (lost phone and no
 * recovery codes): the user enrolls again at next sign-in, and every session ends.
 */
export async function resetSecondFactor(client: Db, actor: Actor, userId: string): Promise<void> {
  await client.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { totpSecretSealed: null, totpPendingSecretSealed: null, totpEnrolledAt: null, totpLastTimeStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await endAllSessions(tx, actor, userId, "authenticator app removed by an administrator");
    await recordAudit(tx, actor, { action: "user.secondFactorReset", entityType: "User", entityId: userId });
  });
}

export async function recoveryCodesLeft(client: Db, userId: string): Promise<number> {
  return client.recoveryCode.count({ where: { userId, usedAt: null } });
}

export { ThrottledError };
