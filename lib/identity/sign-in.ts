// Checking a password: throttled per account and per client address, equally
// slow for known and unknown emails, and honest when the database can't answer.
import type { Db } from "@/lib/db";
import { hashPassword, verifyPassword } from "@/lib/passwords";
import { recordAudit } from "@/lib/audit";
import { loadProgramSettings } from "@/lib/settings";
import { startSession, type SessionContext } from "./sessions";
import { clearExpiredThrottles, countAttempt, forgiveAttempt, ThrottledError } from "./throttle";

export { ThrottledError };

/** The email and password don't match an enabled account. */
export class WrongCredentialsError extends Error {
  constructor() {
    super("The email address or password is not right.");
    this.name = "WrongCredentialsError";
  }
}

/** The database (or another dependency) didn't answer: nothing can be said about the password. */
export class SignInUnavailableError extends Error {
  constructor(cause: unknown) {
    super("The portal can't check your password right now.", { cause });
    this.name = "SignInUnavailableError";
  }
}

// Verifying against a real hash when the email is unknown keeps response times
// alike, so timing doesn't reveal which emails have accounts.
let decoyHash: Promise<string> | undefined;

export type SignedIn = { sessionId: string; user: { id: string; email: string; name: string; role: string } };

export async function signInWithPassword(client: Db, email: string, password: string, context: SessionContext = {}): Promise<SignedIn> {
  try {
    const settings = await loadProgramSettings(client);
    const keys = { account: email, clientAddress: context.clientAddress };
    try {
      await countAttempt(client, settings, keys);
    } catch (error) {
      if (error instanceof ThrottledError && error.accountJustLocked) await recordLockout(client, email, error.retryAt, context);
      throw error;
    }
    const user = await client.user.findUnique({ where: { email } });
    decoyHash ??= hashPassword("decoy-password-for-timing");
    const ok = await verifyPassword(user?.passwordHash ?? (await decoyHash), password);
    if (!user || !ok || user.disabledAt) throw new WrongCredentialsError();
    await forgiveAttempt(client, settings, keys);
    const sessionId = await startSession(client, user, context);
    await clearExpiredThrottles(client);
    return { sessionId, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
  } catch (error) {
    if (error instanceof ThrottledError || error instanceof WrongCredentialsError) throw error;
    throw new SignInUnavailableError(error);
  }
}

/** A lockout of a known account is audited once, when it starts. */
async function recordLockout(client: Db, email: string, until: Date, context: SessionContext): Promise<void> {
  const user = await client.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) return;
  await client.$transaction((tx) =>
    recordAudit(tx, null, { action: "user.signInLocked", entityType: "User", entityId: user.id, after: { until: until.toISOString(), clientAddress: context.clientAddress ?? null } }),
  );
}
