// Financing stages, approval authority, the license gate, and releases of the
// exposure cap on cancellation and withdrawal, on a real database.
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { RuleViolationError } from "@/lib/errors";
import { readCapPosition } from "@/lib/exposure-cap/service";
import { decisionLetter } from "@/lib/financing/letter";
import { cancelCommitment, financingSchedule, recordBoardDecision, recordCongressionalNotification } from "@/lib/financing/service";
import { decideLicense } from "@/lib/licensing/service";
import type { Actor } from "@/lib/policy";
import { submitProposal, withdrawProposal } from "@/lib/proposals/service";
import { boardDecisionSchema, cancelCommitmentSchema, congressionalNotificationSchema, licenseDecisionSchema } from "@/lib/schemas/decisions";
import { freshDatabase } from "./support/database";
import { createCompleteDraft, createConsortiumMember, createUser, issueNextStage, readyForFinalCommitment } from "./support/fixtures";

let client: Db;
let officer: Actor;
let reviewer: Actor;

beforeAll(async () => {
  ({ client } = await freshDatabase());
  officer = await createUser(client, "EXIM_OFFICER");
  reviewer = await createUser(client, "COMMERCE_REVIEWER");
});

/** A proposal to Japan (no license needed): straight to financing review. */
async function inFinancingReview(requestedAmount = "60,000,000.00") {
  const { actor } = await createConsortiumMember(client);
  const draft = await createCompleteDraft(client, actor, { destination: "JP", requestedAmount });
  await submitProposal(client, actor, { proposalId: draft.id, expectedVersion: draft.version });
  return { member: actor, proposalId: draft.id };
}

const version = async (proposalId: string) => String((await client.proposal.findUniqueOrThrow({ where: { id: proposalId } })).version);
const problemsOf = (error: unknown) => (error instanceof RuleViolationError ? [error.message, ...error.problems] : [String(error)]);

describe("financing stages", () => {
  it("go letter of interest -> preliminary commitment -> final commitment, each a dated decision with terms and reasons", async () => {
    const { proposalId } = await inFinancingReview("20,000,000.00");
    await issueNextStage(client, officer, proposalId, "20,000,000.00", { startingPoint: "2027-01-15" });
    expect((await client.financingRequest.findUniqueOrThrow({ where: { proposalId } })).stage).toBe("LETTER_OF_INTEREST");
    expect(await client.exposureCapEntry.count({ where: { proposalId } })).toBe(0);
    await issueNextStage(client, officer, proposalId, "20,000,000.00");
    await issueNextStage(client, officer, proposalId, "20,000,000.00");
    const decisions = await client.financingDecision.findMany({ where: { financingRequest: { proposalId } }, orderBy: { decidedAt: "asc" } });
    expect(decisions.map((d) => d.stage)).toEqual(["LETTER_OF_INTEREST", "PRELIMINARY_COMMITMENT", "FINAL_COMMITMENT"]);
    // The fixture asks for a 10-year direct loan: the CIRR band for 8.5-11 years applies, and Japan's risk category 0 fee.
    expect(decisions[2]).toMatchObject({ product: "DIRECT_LOAN", repaymentYears: 10, rateBasisPoints: 481, approvedAmountCents: 2_000_000_000n, reason: "Sound credit." });
    expect(decisions[2]!.exposureFeeCents).toBeGreaterThan(0n);
    expect((await client.proposal.findUniqueOrThrow({ where: { id: proposalId } })).status).toBe("APPROVED");
    expect((await client.exposureCapEntry.findMany({ where: { proposalId } })).map((e) => e.amountCents)).toEqual([2_000_000_000n]);

    const { schedule } = await financingSchedule(client, officer, proposalId);
    expect(schedule).toHaveLength(20);
    expect(schedule[0]!.dueDate).toBe("2027-07-15");
    expect(schedule.reduce((sum, row) => sum + row.principalCents, 0n)).toBe(2_000_000_000n);
  });

  it("re-checks the terms at every stage: $20M of a $30M five-year direct loan would be a medium-term direct loan", async () => {
    const { proposalId } = await inFinancingReview("30,000,000.00");
    await client.financingRequest.update({ where: { proposalId }, data: { repaymentYears: 5 } });
    const error = await issueNextStage(client, officer, proposalId, "20,000,000.00").catch((e: unknown) => e);
    expect(problemsOf(error)).toContain("Medium-term financing (up to $25,000,000.00 and 7 years) uses export credit insurance or a loan guarantee.");
    expect(await client.financingDecision.count({ where: { financingRequest: { proposalId } } })).toBe(0);
  });

  it("refuses a final commitment that skips a stage", async () => {
    const { proposalId } = await inFinancingReview("20,000,000.00");
    const error = await issueNextStage(client, officer, proposalId, "20,000,000.00", { stage: "FINAL_COMMITMENT" }).catch((e: unknown) => e);
    expect(problemsOf(error)[0]).toBe("Issue the final commitment is not possible before a letter of interest.");
  });
});

describe("approval authority", () => {
  it("an officer alone commits $25M; above it the board's decision must be on record first", async () => {
    const { proposalId } = await inFinancingReview("60,000,000.00");
    await issueNextStage(client, officer, proposalId, "60,000,000.00");
    await issueNextStage(client, officer, proposalId, "60,000,000.00");
    const error = await issueNextStage(client, officer, proposalId, "60,000,000.00").catch((e: unknown) => e);
    expect(problemsOf(error)).toContain(
      "Above $25,000,000.00 EXIM's board decides: record the board's decision (its date and minute reference) before the final commitment.",
    );
    // The board's decision can't be dated in the future.
    await expect(
      recordBoardDecision(client, officer, boardDecisionSchema.parse({ proposalId, expectedVersion: await version(proposalId), boardDecidedAt: "2999-01-01", boardMinuteReference: "BD-1" })),
    ).rejects.toThrow(/future/);
    await recordBoardDecision(client, officer, boardDecisionSchema.parse({ proposalId, expectedVersion: await version(proposalId), boardDecidedAt: "2026-11-02", boardMinuteReference: "BD-2026-117" }));
    await issueNextStage(client, officer, proposalId, "60,000,000.00");
    expect((await client.proposal.findUniqueOrThrow({ where: { id: proposalId } })).status).toBe("APPROVED");
    const audit = await client.auditEvent.findFirstOrThrow({ where: { proposalId, action: "financing.boardDecisionRecorded" } });
    expect(audit.after).toMatchObject({ boardMinuteReference: "BD-2026-117" });
  });

  it("above $100M the congressional notification period must have passed", async () => {
    const { proposalId } = await inFinancingReview("60,000,000.00");
    // Scale the package: hardware to $500M, so $150M is within the cover rules.
    await client.lineItem.updateMany({ where: { proposalId, layer: "HARDWARE" }, data: { unitPriceCents: 500_000_000n } });
    await client.financingRequest.update({ where: { proposalId }, data: { requestedAmountCents: 15_000_000_000n } });
    await issueNextStage(client, officer, proposalId, "150,000,000.00");
    await issueNextStage(client, officer, proposalId, "150,000,000.00");
    await recordBoardDecision(client, officer, boardDecisionSchema.parse({ proposalId, expectedVersion: await version(proposalId), boardDecidedAt: "2026-11-02", boardMinuteReference: "BD-2026-118" }));
    const missing = await issueNextStage(client, officer, proposalId, "150,000,000.00").catch((e: unknown) => e);
    expect(problemsOf(missing)).toContain("Above $100,000,000.00 Congress must be notified 35 days before the final commitment: record the notification first.");

    const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
    await recordCongressionalNotification(client, officer, congressionalNotificationSchema.parse({ proposalId, expectedVersion: await version(proposalId), congressNotifiedAt: tenDaysAgo }));
    const early = await issueNextStage(client, officer, proposalId, "150,000,000.00").catch((e: unknown) => e);
    expect(problemsOf(early).join(" ")).toMatch(/congressional notification period runs until/);

    const fortyDaysAgo = new Date(Date.now() - 40 * 86_400_000).toISOString().slice(0, 10);
    await recordCongressionalNotification(client, officer, congressionalNotificationSchema.parse({ proposalId, expectedVersion: await version(proposalId), congressNotifiedAt: fortyDaysAgo }));
    await issueNextStage(client, officer, proposalId, "150,000,000.00");
    expect((await client.exposureCapEntry.findMany({ where: { proposalId } })).map((e) => e.amountCents)).toEqual([15_000_000_000n]);
  });
});

describe("the license gate", () => {
  it("a final commitment waits for every required license; approved with conditions is enough", async () => {
    const { actor } = await createConsortiumMember(client);
    const draft = await createCompleteDraft(client, actor, { destination: "AE", requestedAmount: "20,000,000.00" });
    await submitProposal(client, actor, { proposalId: draft.id, expectedVersion: draft.version });
    await readyForFinalCommitment(client, officer, draft.id, "20,000,000.00");
    const error = await issueNextStage(client, officer, draft.id, "20,000,000.00").catch((e: unknown) => e);
    expect(problemsOf(error).join(" ")).toMatch(/United Arab Emirates is still awaiting Commerce's decision/);
    const license = await client.licenseRequest.findFirstOrThrow({ where: { proposalId: draft.id } });
    await decideLicense(client, reviewer, licenseDecisionSchema.parse({ licenseRequestId: license.id, outcome: "APPROVED_WITH_CONDITIONS", reason: "Reviewed.", conditions: "Quarterly reporting." }));
    await issueNextStage(client, officer, draft.id, "20,000,000.00");
    expect((await client.proposal.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("APPROVED");
  });
});

describe("releases of the exposure cap", () => {
  it("cancelling a final commitment releases its draw, with the reason, and unpublishes the package", async () => {
    const { proposalId } = await inFinancingReview("20,000,000.00");
    const before = await readCapPosition(client);
    await readyForFinalCommitment(client, officer, proposalId, "20,000,000.00");
    await issueNextStage(client, officer, proposalId, "20,000,000.00");
    expect(before.headroomCents - (await readCapPosition(client)).headroomCents).toBe(2_000_000_000n);

    const { releasedCents } = await cancelCommitment(client, officer, cancelCommitmentSchema.parse({ proposalId, expectedVersion: await version(proposalId), reason: "The buyer's financing fell through." }));
    expect(releasedCents).toBe(2_000_000_000n);
    expect((await readCapPosition(client)).headroomCents).toBe(before.headroomCents);
    const entries = await client.exposureCapEntry.findMany({ where: { proposalId }, orderBy: { id: "asc" } });
    expect(entries.map((e) => [e.kind, e.amountCents])).toEqual([["DRAW", 2_000_000_000n], ["RELEASE", -2_000_000_000n]]);
    expect(entries[1]!.note).toMatch(/The buyer's financing fell through/);
    expect(await client.proposal.findUniqueOrThrow({ where: { id: proposalId } })).toMatchObject({ status: "CANCELLED", publishedAt: null });
    // Cancelled once: a second cancellation is refused and releases nothing more.
    await expect(cancelCommitment(client, officer, cancelCommitmentSchema.parse({ proposalId, expectedVersion: await version(proposalId), reason: "Again." }))).rejects.toThrow();
    expect(await client.exposureCapEntry.count({ where: { proposalId } })).toBe(2);
  });

  it("the consortium withdrawing after the final commitment releases the draw; a reason is required", async () => {
    const { member, proposalId } = await inFinancingReview("20,000,000.00");
    await readyForFinalCommitment(client, officer, proposalId, "20,000,000.00");
    await issueNextStage(client, officer, proposalId, "20,000,000.00");
    await expect(withdrawProposal(client, member, { proposalId, expectedVersion: Number(await version(proposalId)) })).rejects.toThrow(/reason/);
    await withdrawProposal(client, member, { proposalId, expectedVersion: Number(await version(proposalId)), reason: "Project cancelled by the buyer." });
    const sum = (await client.exposureCapEntry.aggregate({ where: { proposalId }, _sum: { amountCents: true } }))._sum.amountCents;
    expect(sum).toBe(0n);
    expect(await client.financingRequest.findUniqueOrThrow({ where: { proposalId } })).toMatchObject({ status: "WITHDRAWN" });
  });
});

describe("the decision letter", () => {
  it("is a PDF for the consortium and EXIM, and answers 404 to another consortium", async () => {
    const { member, proposalId } = await inFinancingReview("20,000,000.00");
    await issueNextStage(client, officer, proposalId, "20,000,000.00");
    const letter = await decisionLetter(client, member, proposalId);
    expect(Buffer.from(letter.pdf).subarray(0, 5).toString()).toBe("%PDF-");
    expect((await decisionLetter(client, officer, proposalId)).filename).toMatch(/financing-decision\.pdf$/);
    const { actor: stranger } = await createConsortiumMember(client);
    await expect(decisionLetter(client, stranger, proposalId)).rejects.toThrow(/not found/);
  });
});
