// Failed sign-ins counted in PostgreSQL (rate-limiter-flexible's Prisma store),
// so every server process shares the counts. Two counters: per account, so a
// password can't be guessed slowly from many addresses, and per client address,
// so one client can't try many accounts.
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { Db } from "@/lib/db";
import type { ProgramSettings } from "@/lib/settings";

export type ThrottleKeys = { account: string; clientAddress?: string | null };

/** Sign-in is refused until `retryAt`. */
export class ThrottledError extends Error {
  constructor(
    readonly retryAt: Date,
    /** This attempt is the one that used the account's count up (the lockout starts now). */
    readonly accountJustLocked = false,
  ) {
    super("Too many failed attempts.");
    this.name = "ThrottledError";
  }
}

function limiters(client: Db, settings: ProgramSettings) {
  const common = {
    storeClient: client,
    tableName: "signInThrottle",
    duration: settings["signIn.failureWindowMinutes"] * 60,
    blockDuration: settings["signIn.lockoutMinutes"] * 60,
    // Expired rows are removed by clearExpiredThrottles(), not by a timer per limiter.
    clearExpiredByTimeout: false,
  };
  return {
    account: new RateLimiterPrisma({ ...common, keyPrefix: "account", points: settings["signIn.maxFailuresPerAccount"] }),
    clientAddress: new RateLimiterPrisma({ ...common, keyPrefix: "address", points: settings["signIn.maxFailuresPerClientAddress"] }),
  };
}

function entries(keys: ThrottleKeys, all: ReturnType<typeof limiters>) {
  return [
    [all.account, keys.account.toLowerCase()] as const,
    ...(keys.clientAddress ? [[all.clientAddress, keys.clientAddress] as const] : []),
  ];
}

/**
 * Counts an attempt before the password is checked, atomically in PostgreSQL,
 * so a burst of simultaneous guesses can't slip past the count. Throws
 * ThrottledError once a counter is used up; the key then stays blocked for the
 * lockout period.
 */
export async function countAttempt(client: Db, settings: ProgramSettings, keys: ThrottleKeys, now = Date.now()): Promise<void> {
  let retryAt = 0;
  let accountJustLocked = false;
  const all = limiters(client, settings);
  for (const [limiter, key] of entries(keys, all)) {
    try {
      await limiter.consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      retryAt = Math.max(retryAt, now + rejection.msBeforeNext);
      if (limiter === all.account && rejection.consumedPoints === limiter.points + 1) accountJustLocked = true;
    }
  }
  if (retryAt > 0) throw new ThrottledError(new Date(retryAt), accountJustLocked);
}

/** A successful attempt: the account's count starts again, and the address gets its attempt back. */
export async function forgiveAttempt(client: Db, settings: ProgramSettings, keys: ThrottleKeys): Promise<void> {
  const all = limiters(client, settings);
  await all.account.delete(keys.account.toLowerCase());
  if (keys.clientAddress) await all.clientAddress.reward(keys.clientAddress, 1);
}

export async function clearExpiredThrottles(client: Db, now = new Date()): Promise<void> {
  await client.signInThrottle.deleteMany({ where: { expire: { lt: now } } });
}
