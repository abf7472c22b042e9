import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { RuleViolationError } from "@/lib/errors";
import { readCapPosition } from "@/lib/exposure-cap/service";
import { decideFinancing } from "@/lib/financing/service";
import { decideLicense } from "@/lib/licensing/service";
import type { Actor } from "@/lib/policy";
import { submitProposal } from "@/lib/proposals/service";
import { financingDecisionSchema, licenseDecisionSchema } from "@/lib/schemas/decisions";
import { freshDatabase } from "./support/database";
import { createCompleteDraft, createConsortiumMember, createUser, readyForFinalCommitment } from "./support/fixtures";

let client: Db;
let reviewer: Actor;
let officer: Actor;

beforeAll(async () => {
  ({ client } = await freshDatabase());
  reviewer = await createUser(client, "COMMERCE_REVIEWER");
  officer = await createUser(client, "EXIM_OFFICER");
});

async function submittedToUae() {
  const { actor } = await createConsortiumMember(client);
  const draft = await createCompleteDraft(client, actor, { destination: "AE" });
  await submitProposal(client, actor, { proposalId: draft.id, expectedVersion: draft.version });
  const license = await client.licenseRequest.findFirstOrThrow({ where: { proposalId: draft.id } });
  return { member: actor, proposalId: draft.id, licenseId: license.id };
}

const licenseDecision = (licenseRequestId: string, outcome: string, extra: Record<string, string> = {}) =>
  licenseDecisionSchema.parse({ licenseRequestId, outcome, reason: "Reviewed against end-use and security commitments.", ...extra });

async function approve(proposalId: string, amount: string) {
  const { version } = await client.proposal.findUniqueOrThrow({ where: { id: proposalId } });
  return decideFinancing(client, officer, financingDecisionSchema.parse({ outcome: "APPROVED", proposalId, expectedVersion: String(version), approvedAmount: amount, reason: "Sound credit." }));
}

describe("the approval chain", () => {
  it("refuses financing while the license is undecided, then approves once it is granted, drawing on the cap", async () => {
    const { proposalId, licenseId } = await submittedToUae();
    const capBefore = await readCapPosition(client);

    // The letter of interest and the preliminary commitment may come while the license is pending.
    await readyForFinalCommitment(client, officer, proposalId, "60,000,000.00");
    const early = await approve(proposalId, "60,000,000.00").catch((e: unknown) => e);
    expect(early).toBeInstanceOf(RuleViolationError);
    expect((early as RuleViolationError).problems).toEqual([expect.stringContaining("United Arab Emirates is still awaiting Commerce's decision")]);
    expect(await client.financingDecision.count({ where: { financingRequest: { proposalId } } })).toBe(2);
    expect(await client.exposureCapEntry.count({ where: { proposalId } })).toBe(0);

    await decideLicense(client, reviewer, licenseDecision(licenseId, "APPROVED_WITH_CONDITIONS", { conditions: "Quarterly reporting; no remote access from D:5 countries." }));
    const afterLicense = await client.proposal.findUniqueOrThrow({ where: { id: proposalId } });
    expect(afterLicense.status).toBe("IN_FINANCING_REVIEW");
    const license = await client.licenseRequest.findUniqueOrThrow({ where: { id: licenseId } });
    expect(license.licenseNumber).toBeTruthy();
    expect(license.expiresAt!.getUTCFullYear() - license.registeredAt.getUTCFullYear()).toBe(4);

    await approve(proposalId, "60,000,000.00");

    const approved = await client.proposal.findUniqueOrThrow({ where: { id: proposalId } });
    expect(approved.status).toBe("APPROVED");
    expect(approved.publishedAt).not.toBeNull();
    const capAfter = await readCapPosition(client);
    expect(capBefore.headroomCents - capAfter.headroomCents).toBe(6_000_000_000n);
    const entries = await client.exposureCapEntry.findMany({ where: { proposalId } });
    expect(entries.map((e) => [e.kind, e.amountCents])).toEqual([["DRAW", 6_000_000_000n]]);
    const actions = (await client.auditEvent.findMany({ where: { proposalId }, orderBy: { id: "asc" } })).map((e) => e.action);
    // The parties are screened again at the final commitment, just before it.
    expect(actions.slice(-6)).toEqual(["license.decided", "proposal.transitioned", "screening.run", "financing.decided", "exposureCap.drawn", "proposal.transitioned"]);
  });

  it("refuses financing when the license was denied", async () => {
    const { proposalId, licenseId } = await submittedToUae();
    await decideLicense(client, reviewer, licenseDecision(licenseId, "DENIED"));
    await readyForFinalCommitment(client, officer, proposalId, "10,000,000.00");
    const error = await approve(proposalId, "10,000,000.00").catch((e: unknown) => e);
    expect((error as RuleViolationError).problems).toEqual([expect.stringContaining("was denied")]);
    expect((await client.proposal.findUniqueOrThrow({ where: { id: proposalId } })).status).toBe("IN_LICENSE_REVIEW");
  });

  it("holds an approval to 85% of the net contract price (the buyer pays 15% in cash)", async () => {
    const { proposalId, licenseId } = await submittedToUae();
    await decideLicense(client, reviewer, licenseDecision(licenseId, "APPROVED"));
    // The draft asks for $60M; raise the ask so only the 85% rule can bind: NCP $80M -> at most $68M.
    await client.financingRequest.update({ where: { proposalId }, data: { requestedAmountCents: 9_000_000_000n } });
    await readyForFinalCommitment(client, officer, proposalId, "68,000,000.00");
    const error = await approve(proposalId, "68,000,000.01").catch((e: unknown) => e);
    expect((error as RuleViolationError).problems).toEqual([
      expect.stringMatching(/more than EXIM may finance for this package: \$68,000,000\.00 \(85% of the net contract price/),
    ]);
    await approve(proposalId, "68,000,000.00");
    expect((await client.proposal.findUniqueOrThrow({ where: { id: proposalId } })).status).toBe("APPROVED");
  });

  it("records a license decision once: a second decision on the same request is refused", async () => {
    const { licenseId } = await submittedToUae();
    await decideLicense(client, reviewer, licenseDecision(licenseId, "APPROVED"));
    await expect(decideLicense(client, reviewer, licenseDecision(licenseId, "DENIED"))).rejects.toThrow(/already been decided/);
    expect(await client.licenseDecision.count({ where: { licenseRequestId: licenseId } })).toBe(1);
  });

  it("declining financing ends the proposal without touching the cap", async () => {
    const { proposalId } = await submittedToUae();
    const capBefore = await readCapPosition(client);
    const { version } = await client.proposal.findUniqueOrThrow({ where: { id: proposalId } });
    await decideFinancing(client, officer, financingDecisionSchema.parse({ outcome: "DECLINED", proposalId, expectedVersion: String(version), reason: "Obligor credit too weak." }));
    expect((await client.proposal.findUniqueOrThrow({ where: { id: proposalId } })).status).toBe("DECLINED");
    expect((await readCapPosition(client)).headroomCents).toBe(capBefore.headroomCents);
  });
});
