// argon2id with OWASP's recommended minimums (19 MiB, 2 iterations).
import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";


const ARGON2ID = 2; // Algorithm.Argon2id; the const enum isn't importable under isolatedModules.

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Password rules per NIST SP 800-63B: at least 12 characters, any characters,
// no composition rules, and not a commonly used or context-specific password.

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));
  return common;
}

/** Why a new password can't be used, or null when it can. */
export function newPasswordProblem(password: string, context: { email?: string } = {}): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return "This password is one of the most commonly used: choose another.";
  const email = context.email?.toLowerCase();
  const localPart = email?.split("@")[0] ?? "";
  if (email && (lower.includes(email) || (localPart.length >= 4 && lower.includes(localPart)))) return "Don't use your email address in your password.";
  if (/^(.)\1+$/.test(password) || lower.includes("aiexports") || lower.includes("american ai exports")) return "Choose a password that is harder to guess.";
  return null;
}
