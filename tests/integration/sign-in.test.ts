// Signing in with a password: throttled per account and per client address in
// PostgreSQL (so every server process shares the counts), equally slow for
// known and unknown emails, and honest when the database doesn't answer.
import { beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db";
import { signInWithPassword, SignInUnavailableError, ThrottledError, WrongCredentialsError } from "@/lib/identity/sign-in";
import { hashPassword } from "@/lib/passwords";
import { freshDatabase } from "./support/database";
import { createUser } from "./support/fixtures";

const PASSWORD = "the right long password";
let processA: Db;
let processB: Db;

beforeAll(async () => {
  const database = await freshDatabase();
  processA = database.client;
  processB = database.newClient();
});

async function account() {
  const actor = await createUser(processA, "CONSORTIUM_MEMBER");
  await processA.user.update({ where: { id: actor.userId }, data: { passwordHash: await hashPassword(PASSWORD) } });
  return actor.email;
}

const refusal = (attempt: Promise<unknown>) =>
  attempt.then(
    () => "signed in",
    (error: unknown) => (error instanceof ThrottledError ? "throttled" : error instanceof WrongCredentialsError ? "wrong" : `other: ${String(error)}`),
  );

describe("signing in with a password", () => {
  it("opens a session with the right password", async () => {
    const email = await account();
    const { sessionId, user } = await signInWithPassword(processA, email, PASSWORD, { clientAddress: "198.51.100.1" });
    expect(user.email).toBe(email);
    expect(await processB.userSession.findUnique({ where: { id: sessionId } })).not.toBeNull();
  });

  it("50 wrong passwords at once: five are checked, the rest refused, and then even the right one waits", async () => {
    const email = await account();
    // Half through each "process", all at the same moment, from many addresses.
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) => refusal(signInWithPassword(i % 2 ? processA : processB, email, `wrong guess ${i}`, { clientAddress: `198.51.100.${i + 10}` }))),
    );
    expect(outcomes.filter((o) => o === "wrong")).toHaveLength(5);
    expect(outcomes.filter((o) => o === "throttled")).toHaveLength(45);

    const right = await refusal(signInWithPassword(processA, email, PASSWORD, { clientAddress: "198.51.100.200" }));
    expect(right).toBe("throttled");
    const error = await signInWithPassword(processB, email, PASSWORD).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThrottledError);
    const wait = (error as ThrottledError).retryAt.getTime() - Date.now();
    expect(wait).toBeGreaterThan(14 * 60_000); // the lockout (15 minutes by default)
    expect(wait).toBeLessThanOrEqual(15 * 60_000);
    // The lockout is on the record once.
    const user = await processA.user.findUniqueOrThrow({ where: { email } });
    expect(await processA.auditEvent.count({ where: { entityId: user.id, action: "user.signInLocked" } })).toBe(1);
  });

  it("a success clears the account's count: four wrong, one right, four wrong again is fine", async () => {
    const email = await account();
    for (let i = 0; i < 4; i++) expect(await refusal(signInWithPassword(processA, email, "nope nope nope"))).toBe("wrong");
    expect(await refusal(signInWithPassword(processA, email, PASSWORD))).toBe("signed in");
    for (let i = 0; i < 4; i++) expect(await refusal(signInWithPassword(processB, email, "nope nope nope"))).toBe("wrong");
    expect(await refusal(signInWithPassword(processB, email, PASSWORD))).toBe("signed in");
  });

  it("limits one client address trying many accounts", async () => {
    const address = "192.0.2.77";
    const outcomes: string[] = [];
    for (let i = 0; i < 52; i++) outcomes.push(await refusal(signInWithPassword(processA, `nobody-${i}@unknown.example`, "guess guess guess", { clientAddress: address })));
    expect(outcomes.slice(0, 50).every((o) => o === "wrong")).toBe(true);
    expect(outcomes.slice(50)).toEqual(["throttled", "throttled"]);
    // Another address is not affected.
    expect(await refusal(signInWithPassword(processA, "nobody@unknown.example", "guess guess guess", { clientAddress: "192.0.2.78" }))).toBe("wrong");
  });

  it("answers a known and an unknown email in about the same time", async () => {
    const email = await account();
    const time = async (who: string, address: string) => {
      const started = performance.now();
      await signInWithPassword(processA, who, "a wrong password here", { clientAddress: address }).catch(() => undefined);
      return performance.now() - started;
    };
    await time("warm-up@unknown.example", "192.0.2.1"); // the decoy hash is made once
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      known.push(await time(email, `192.0.2.${10 + i}`));
      unknown.push(await time(`stranger-${i}@unknown.example`, `192.0.2.${20 + i}`));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    // Both pay for a full argon2id check; neither answers in a fraction of the other's time.
    expect(median(unknown) / median(known)).toBeGreaterThan(1 / 3);
    expect(median(unknown) / median(known)).toBeLessThan(3);
  });

  it("says the database is unavailable, never 'wrong password', when it can't be reached", async () => {
    const unreachable = createPrismaClient("postgres://nobody:nothing@127.0.0.1:1/none");
    const error = await signInWithPassword(unreachable, "someone@example.gov", PASSWORD).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInUnavailableError);
    expect((error as Error).message).toBe("The portal can't check your password right now.");
    await unreachable.$disconnect();
  });

  it("a disabled account is refused like a wrong password", async () => {
    const email = await account();
    await processA.user.update({ where: { email }, data: { disabledAt: new Date() } });
    expect(await refusal(signInWithPassword(processA, email, PASSWORD))).toBe("wrong");
  });
});
