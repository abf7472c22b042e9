// 200 final commitments at once, from two connection pools (as two server
// processes would), for a headroom that holds only some of them: every one gets
// a definite answer (committed, or refused for the cap), nothing fails with an
// unexpected error, and the ledger holds exactly the committed amounts. Each
// proposal has had its letter of interest, preliminary commitment and the
// board's decision ($60M is above the officer's authority) before the race.
import { beforeAll, describe, expect, it } from "vitest";
import { checkCapBalance, readCapPosition } from "@/lib/exposure-cap/service";
import { BusyError, RuleViolationError } from "@/lib/errors";
import { decideFinancing } from "@/lib/financing/service";
import type { Actor } from "@/lib/policy";
import { submitProposal } from "@/lib/proposals/service";
import { financingDecisionSchema } from "@/lib/schemas/decisions";
import { freshDatabase, type TestDatabase } from "./support/database";
import { copyProposal, createCompleteDraft, createConsortiumMember, createUser, readyForFinalCommitment } from "./support/fixtures";

const APPROVALS = 200;
const AMOUNT_CENTS = 6_000_000_000n; // $60M each
const FITS = 120n; // the headroom holds 120 of them

let database: TestDatabase;
let officers: Actor[];
let ids: string[];
/** A proposal kept out of the race, for the busy answer. */
let waitingId: string;

beforeAll(async () => {
  database = await freshDatabase();
  officers = await Promise.all(Array.from({ length: 8 }, () => createUser(database.client, "EXIM_OFFICER")));
  const { actor } = await createConsortiumMember(database.client);
  // Japan needs no license, so the proposal goes straight to financing review.
  const draft = await createCompleteDraft(database.client, actor, { destination: "JP" });
  await submitProposal(database.client, actor, { proposalId: draft.id, expectedVersion: draft.version });
  await readyForFinalCommitment(database.client, officers[0]!, draft.id, "60,000,000.00");
  ids = [draft.id, ...(await copyProposal(database.owner, draft.id, APPROVALS - 1))];
  waitingId = (await copyProposal(database.owner, draft.id, 1))[0]!;

  // Headroom = limit - drawn at start - ledger: move the figure drawn at start.
  const { statutoryLimitCents } = await readCapPosition(database.client);
  const drawnAtStart = statutoryLimitCents - (await ledgerSum()) - FITS * AMOUNT_CENTS;
  await database.client.setting.update({ where: { key: "exposureCap.drawnAtStartCents" }, data: { value: drawnAtStart.toString() } });
  expect((await readCapPosition(database.client)).headroomCents).toBe(FITS * AMOUNT_CENTS);
}, 120_000);

async function ledgerSum(): Promise<bigint> {
  return (await database.client.exposureCapEntry.aggregate({ _sum: { amountCents: true } }))._sum.amountCents ?? 0n;
}

describe("200 concurrent final approvals", () => {
  it("each get a definite answer, and the ledger is exact", async () => {
    const pools = [database.newClient(), database.newClient()]; // two server processes, default pool size each
    await Promise.all(pools.map((pool) => Promise.all(Array.from({ length: 10 }, () => pool.$queryRaw`SELECT 1`))));
    const { version } = await database.client.proposal.findUniqueOrThrow({ where: { id: ids[0] } });
    const inputs = ids.map((proposalId) =>
      financingDecisionSchema.parse({ outcome: "APPROVED", proposalId, expectedVersion: String(version), approvedAmount: "60,000,000.00", reason: "Approved." }),
    );

    const started = Date.now();
    const results = await Promise.allSettled(inputs.map((input, i) => decideFinancing(pools[i % 2]!, officers[i % officers.length]!, input)));
    const elapsed = Date.now() - started;

    const approved = results.filter((r) => r.status === "fulfilled").length;
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason as unknown);
    const refusedForCap = failures.filter((e) => e instanceof RuleViolationError && e.problems.join(" ").match(/remaining headroom/)).length;
    const busy = failures.filter((e) => e instanceof BusyError).length;
    const other = failures.filter((e) => !(e instanceof BusyError) && !(e instanceof RuleViolationError && e.problems.join(" ").match(/remaining headroom/)));
    console.log(`${APPROVALS} final commitments on two pools: ${approved} committed, ${refusedForCap} refused for the cap, ${busy} busy, ${other.length} other, in ${elapsed} ms`);

    expect(other.map((e) => (e instanceof RuleViolationError ? [e.message, ...e.problems].join(" ") : String(e))).slice(0, 3)).toEqual([]);
    expect(busy).toBe(0);
    expect(approved).toBe(Number(FITS));
    expect(refusedForCap).toBe(APPROVALS - Number(FITS));
    expect(await ledgerSum()).toBe(FITS * AMOUNT_CENTS);
    expect(await database.client.exposureCapEntry.count({ where: { proposalId: { in: ids } } })).toBe(approved);
    expect(await database.client.proposal.count({ where: { id: { in: ids }, status: "APPROVED" } })).toBe(approved);
    expect((await readCapPosition(database.client)).headroomCents).toBe(0n);
    expect((await checkCapBalance(database.client)).ok).toBe(true);
  }, 120_000);

  it("answers busy, saving nothing, when the cap lock can't be had within the configured wait", async () => {
    const proposalId = waitingId;
    // The screening run that precedes a final commitment is kept; the commitment saves nothing.
    const decisionEvents = { action: { not: "screening.run" } };
    const before = await database.client.auditEvent.count({ where: decisionEvents });
    await database.client.setting.update({ where: { key: "exposureCap.lockWaitMilliseconds" }, data: { value: 200 } });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    // Another process holds the cap lock (the same key the approvals take) for a while.
    const holder = database.owner.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(7301246455019883)`;
      locked();
      await held;
    });
    await lockTaken;
    const { version } = await database.client.proposal.findUniqueOrThrow({ where: { id: proposalId } });
    const started = Date.now();
    const attempt = decideFinancing(database.client, officers[0]!, financingDecisionSchema.parse({ outcome: "APPROVED", proposalId, expectedVersion: String(version), approvedAmount: "1.00", reason: "Approved." }));
    await expect(attempt).rejects.toBeInstanceOf(BusyError);
    expect(Date.now() - started).toBeLessThan(5_000);
    release();
    await holder;
    expect(await database.client.auditEvent.count({ where: decisionEvents })).toBe(before);
    expect((await database.client.proposal.findUniqueOrThrow({ where: { id: proposalId } })).status).toBe("IN_FINANCING_REVIEW");
    await database.client.setting.update({ where: { key: "exposureCap.lockWaitMilliseconds" }, data: { value: 5000 } });
  });
});
