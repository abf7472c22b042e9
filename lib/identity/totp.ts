// Authenticator-app codes (TOTP, RFC 6238) and recovery codes: pure functions
// over otplib, unit-tested without a database.
import { createHash, randomInt } from "node:crypto";
import { generate, generateSecret, generateURI, verify } from "otplib";

export const TOTP_ISSUER = "American AI Exports";
/** One step either side of now: phones whose clocks drift by up to 30 s still work. */
const TOLERANCE_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, email: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret });
}

export function totpCode(secret: string, at: Date = new Date()): Promise<string> {
  return generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

/** A six-digit code as typed: spaces and dashes are ignored. */
export function normalizeTotpCode(code: string): string | null {
  const digits = code.replace(/[\s-]/g, "");
  return /^\d{6}$/.test(digits) ? digits : null;
}

/**
 * The time step a code matches, or null. A step at or before `lastTimeStep`
 * is refused, so a code that was seen once (over a shoulder, in a log) can't be
 * used again.
 */
export async function verifyTotp(secret: string, code: string, lastTimeStep: number | null, at: Date = new Date()): Promise<number | null> {
  const token = normalizeTotpCode(code);
  if (!token) return null;
  const result = await verify({
    secret,
    token,
    epoch: Math.floor(at.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    ...(lastTimeStep === null ? {} : { afterTimeStep: lastTimeStep }),
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

// Recovery codes: ten, each 10 characters from an alphabet without look-alikes
// (about 50 bits), shown once as "xxxxx-xxxxx".
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join("");
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** As typed: case, spaces and dashes don't matter. */
export function normalizeRecoveryCode(code: string): string | null {
  const chars = code.toLowerCase().replace(/[\s-]/g, "");
  return chars.length === 10 && [...chars].every((c) => RECOVERY_ALPHABET.includes(c)) ? chars : null;
}

/**
 * Only a hash is stored. The codes are random (about 50 bits), so a fast hash
 * is enough: there is no dictionary to try, unlike passwords.
 */
export function hashRecoveryCode(normalized: string): string {
  return createHash("sha256").update(`recovery-code:${normalized}`).digest("hex");
}

/** The 30-second step a moment falls in. */
export function timeStepAt(ms = Date.now()): number {
  return Math.floor(ms / 30_000);
}

/**
 * For scripts and tests that sign one account in repeatedly: the step whose code
 * to use, given the last step used. A code is accepted once, so within the same
 * step the next step's code is used (accepted for clock drift); a step further
 * ahead must wait until the clock is one step short of it.
 */
export function nextUsableStep(lastStep: number | undefined, now = Date.now()): number {
  return Math.max(timeStepAt(now), (lastStep ?? -1) + 1);
}

export function codeForStep(secret: string, step: number): Promise<string> {
  return totpCode(secret, new Date(step * 30_000));
}
