// Officers approving at the same moment, each through its own connection pool (as
// separate app instances would), can never take the ledger past the cap.
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { RuleViolationError } from "@/lib/errors";
import { readCapPosition } from "@/lib/exposure-cap/service";
import { decideFinancing } from "@/lib/financing/service";
import type { Actor } from "@/lib/policy";
import { submitProposal } from "@/lib/proposals/service";
import { financingDecisionSchema } from "@/lib/schemas/decisions";
import { freshDatabase } from "./support/database";
import { createCompleteDraft, createConsortiumMember, createUser, readyForFinalCommitment } from "./support/fixtures";

let client: Db;
let newClient: () => Db;
let officers: Actor[];

beforeAll(async () => {
  ({ client, newClient } = await freshDatabase());
  officers = await Promise.all(Array.from({ length: 8 }, () => createUser(client, "EXIM_OFFICER")));
});

/** Leaves exactly `headroomCents` under the cap by moving the pre-program drawn figure. */
async function setHeadroom(headroomCents: bigint) {
  const { statutoryLimitCents: limit } = await readCapPosition(client);
  const ledger = (await client.exposureCapEntry.aggregate({ _sum: { amountCents: true } }))._sum.amountCents ?? 0n;
  await client.setting.update({ where: { key: "exposureCap.drawnAtStartCents" }, data: { value: (limit - ledger - headroomCents).toString() } });
}

async function proposalsInFinancingReview(count: number) {
  const { actor } = await createConsortiumMember(client);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    // Japan needs no license, so each goes straight to financing review.
    const draft = await createCompleteDraft(client, actor, { destination: "JP" });
    await submitProposal(client, actor, { proposalId: draft.id, expectedVersion: draft.version });
    ids.push(draft.id);
  }
  return ids;
}

async function approveAllAtOnce(ids: string[], amount: string) {
  for (const id of new Set(ids)) {
    if ((await client.financingRequest.findUniqueOrThrow({ where: { proposalId: id } })).stage === null) await readyForFinalCommitment(client, officers[0]!, id, amount);
  }
  const clients = ids.map(() => newClient());
  const inputs = await Promise.all(
    ids.map(async (proposalId) => {
      const { version } = await client.proposal.findUniqueOrThrow({ where: { id: proposalId } });
      return financingDecisionSchema.parse({ outcome: "APPROVED", proposalId, expectedVersion: String(version), approvedAmount: amount, reason: "Approved." });
    }),
  );
  // Warm every pool first so the approvals really start together.
  await Promise.all(clients.map((c) => c.$queryRaw`SELECT 1`));
  return Promise.allSettled(inputs.map((input, i) => decideFinancing(clients[i]!, officers[i % officers.length]!, input)));
}

describe("the exposure cap under concurrent approvals", () => {
  it("lets only as many approvals through as the headroom holds", async () => {
    const ids = await proposalsInFinancingReview(8);
    await setHeadroom(15_000_000_000n); // $150M left: room for two $60M approvals, not three

    const results = await approveAllAtOnce(ids, "60,000,000.00");

    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(2);
    expect(rejected).toHaveLength(6);
    for (const r of rejected) {
      expect(r.reason).toBeInstanceOf(RuleViolationError);
      expect((r.reason as RuleViolationError).problems.join(" ")).toMatch(/remaining headroom/);
    }
    const cap = await readCapPosition(client);
    expect(cap.headroomCents).toBe(3_000_000_000n);
    expect(await client.proposal.count({ where: { id: { in: ids }, status: "APPROVED" } })).toBe(2);
    expect(await client.exposureCapEntry.count({ where: { proposalId: { in: ids } } })).toBe(2);
  });

  it("never goes negative however the approvals interleave (repeated rounds)", async () => {
    for (let round = 0; round < 3; round++) {
      const ids = await proposalsInFinancingReview(5);
      await setHeadroom(10_000_000_000n); // $100M: one $60M approval fits
      const results = await approveAllAtOnce(ids, "60,000,000.00");
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect((await readCapPosition(client)).headroomCents).toBe(4_000_000_000n);
    }
  });

  it("lets two officers approve the same proposal only once", async () => {
    const [id] = await proposalsInFinancingReview(1);
    await setHeadroom(100_000_000_000n);
    const results = await approveAllAtOnce([id!, id!], "60,000,000.00");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await client.exposureCapEntry.count({ where: { proposalId: id } })).toBe(1);
  });
});
