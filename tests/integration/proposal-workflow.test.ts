import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { DraftConflictError, ForbiddenError, RuleViolationError } from "@/lib/errors";
import { addLineItem, createProposal, destinationCountries, getProposal, proposalHistory, submitProposal, withdrawProposal } from "@/lib/proposals/service";
import { saveOverviewStep } from "@/lib/proposals/steps";
import { freshDatabase } from "./support/database";
import { addSeat, createCompleteDraft, createConsortiumMember, lineItem } from "./support/fixtures";

let client: Db;
beforeAll(async () => {
  ({ client } = await freshDatabase());
});

describe("submitting a proposal", () => {
  it("is refused while required layers are missing, listing each one, and writes nothing", async () => {
    const { actor } = await createConsortiumMember(client);
    const draft = await createProposal(client, actor, { title: "Compute campus", summary: "Summary", destinationCountryCode: "AE" });
    await addLineItem(client, actor, lineItem(draft.id, { layer: "HARDWARE", eccn: "4A090" }));
    const before = await client.proposal.findUniqueOrThrow({ where: { id: draft.id } });
    const auditBefore = await client.auditEvent.count({ where: { proposalId: draft.id } });

    const error = await submitProposal(client, actor, { proposalId: draft.id, expectedVersion: before.version }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(RuleViolationError);
    const problems = (error as RuleViolationError).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining("Data-center storage"),
        expect.stringContaining("Cloud services and networking"),
        expect.stringContaining("Application software"),
        expect.stringContaining("financing"),
      ]),
    );
    expect(problems.some((p) => p.includes("Hardware"))).toBe(false);
    const after = await client.proposal.findUniqueOrThrow({ where: { id: draft.id } });
    expect(after).toMatchObject({ status: "DRAFT", version: before.version, submittedAt: null });
    expect(await client.licenseRequest.count({ where: { proposalId: draft.id } })).toBe(0);
    expect(await client.auditEvent.count({ where: { proposalId: draft.id } })).toBe(auditBefore);
  });

  it("derives a license request for advanced chips to the UAE (D:4, not A:5/A:6) and starts license review", async () => {
    const { actor } = await createConsortiumMember(client);
    const draft = await createCompleteDraft(client, actor, { destination: "AE" });

    const status = await submitProposal(client, actor, { proposalId: draft.id, expectedVersion: draft.version });

    expect(status).toBe("IN_LICENSE_REVIEW");
    const requests = await client.licenseRequest.findMany({ where: { proposalId: draft.id }, include: { items: { include: { lineItem: true } } } });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ destinationCountryCode: "AE", status: "PENDING" });
    expect(requests[0]!.determinationReason).toContain("D:4");
    expect(requests[0]!.items.map((i) => i.lineItem.eccn)).toEqual(["4A090"]);
    const days = (requests[0]!.dueAt.getTime() - requests[0]!.registeredAt.getTime()) / 86_400_000;
    expect(days).toBe(90);
    expect(await client.proposalSubmission.count({ where: { proposalId: draft.id } })).toBe(1);
  });

  it("needs no license to Japan (A:5) and goes straight to financing review", async () => {
    const { actor } = await createConsortiumMember(client);
    const draft = await createCompleteDraft(client, actor, { destination: "JP" });
    const status = await submitProposal(client, actor, { proposalId: draft.id, expectedVersion: draft.version });
    expect(status).toBe("IN_FINANCING_REVIEW");
    expect(await client.licenseRequest.count({ where: { proposalId: draft.id } })).toBe(0);
  });

  it("records every state change in the history, with actor and before/after", async () => {
    const { actor } = await createConsortiumMember(client);
    const draft = await createCompleteDraft(client, actor, { destination: "AE" });
    await submitProposal(client, actor, { proposalId: draft.id, expectedVersion: draft.version });

    const history = await proposalHistory(client, actor, draft.id);
    const transitions = history.filter((e) => e.action === "proposal.transitioned").reverse();
    expect(transitions.map((e) => [e.before, e.after])).toEqual([
      [{ status: "DRAFT" }, { status: "SUBMITTED", event: "submit" }],
      [{ status: "SUBMITTED" }, { status: "IN_LICENSE_REVIEW", event: "beginLicenseReview" }],
    ]);
    expect(transitions[0]).toMatchObject({ actorId: actor.userId, actorRole: "CONSORTIUM_MEMBER" });
    expect(transitions[1]).toMatchObject({ actorId: null, actorRole: "SYSTEM" });
    expect(history.filter((e) => e.action === "proposal.lineItemAdded")).toHaveLength(4);
    expect(history.some((e) => e.action === "license.requested")).toBe(true);
  });

  it("cannot be submitted twice, nor edited once submitted", async () => {
    const { actor } = await createConsortiumMember(client);
    const draft = await createCompleteDraft(client, actor, { destination: "JP" });
    await submitProposal(client, actor, { proposalId: draft.id, expectedVersion: draft.version });
    const current = await client.proposal.findUniqueOrThrow({ where: { id: draft.id } });
    await expect(submitProposal(client, actor, { proposalId: draft.id, expectedVersion: current.version })).rejects.toThrow(/not possible while the proposal is in financing review/);
    await expect(addLineItem(client, actor, lineItem(draft.id))).rejects.toThrow(RuleViolationError);
  });
});

describe("editing a draft", () => {
  it("refuses a save based on an old version that would undo a colleague's change, so two editors never overwrite each other", async () => {
    const { actor, consortium } = await createConsortiumMember(client);
    const draft = await createProposal(client, actor, { title: "First title", summary: "Summary", destinationCountryCode: "SA" });
    const colleague = await addSeat(client, consortium.id, "CONTRIBUTOR");
    await saveOverviewStep(client, colleague, { proposalId: draft.id, expectedVersion: draft.version, title: "Second title", summary: "Summary", destinationCountryCodes: ["SA"] });
    await expect(
      saveOverviewStep(client, actor, { proposalId: draft.id, expectedVersion: draft.version, title: "Stale title", summary: "Summary", destinationCountryCodes: ["SA"] }),
    ).rejects.toThrow(DraftConflictError);
    const { proposal } = await getProposal(client, actor, draft.id);
    expect(proposal.title).toBe("Second title");
  });

  it("refuses a destination that is a country of concern or embargoed, naming the field", async () => {
    const { actor } = await createConsortiumMember(client);
    for (const code of ["CN", "MO", "KP", "CU"]) {
      const error = await createProposal(client, actor, { title: "T", summary: "S", destinationCountryCode: code }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RuleViolationError);
      expect((error as RuleViolationError).field).toBe("destinationCountryCode");
    }
    const destinations = (await destinationCountries(client)).map((c) => c.code);
    expect(destinations).toEqual(expect.arrayContaining(["AE", "SA", "VN", "JP"]));
    expect(destinations).not.toEqual(expect.arrayContaining(["CN"]));
    expect(destinations.filter((c) => ["US", "CN", "HK", "MO", "IR", "KP", "SY", "CU"].includes(c))).toEqual([]);
  });

  it("refuses to submit a financing ask that breaks the cover or term rules", async () => {
    const { actor } = await createConsortiumMember(client);
    // NCP $80M: at most $68M; $70M over 10 years is long-term, so insurance doesn't fit either.
    const draft = await createCompleteDraft(client, actor, { destination: "JP", requestedAmount: "70,000,000" });
    await client.financingRequest.update({ where: { proposalId: draft.id }, data: { product: "EXPORT_CREDIT_INSURANCE" } });
    const error = await submitProposal(client, actor, { proposalId: draft.id, expectedVersion: draft.version }).catch((e: unknown) => e);
    expect((error as RuleViolationError).problems).toEqual([
      "$70,000,000.00 is more than EXIM may finance for this package: $68,000,000.00 (85% of the net contract price; the buyer pays at least $12,000,000.00 in cash).",
      "Long-term financing (above $25,000,000.00 or over 7 years) uses a direct loan or a loan guarantee.",
    ]);
    expect((await client.proposal.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");
  });
});

describe("the audit trail", () => {
  it("is append-only in the database", async () => {
    const { actor } = await createConsortiumMember(client);
    const draft = await createProposal(client, actor, { title: "T", summary: "S", destinationCountryCode: "SA" });
    await expect(client.auditEvent.deleteMany({ where: { proposalId: draft.id } })).rejects.toThrow(/append-only/);
    await expect(client.auditEvent.updateMany({ where: { proposalId: draft.id }, data: { action: "forged" } })).rejects.toThrow(/append-only/);
  });
});

describe("withdrawing", () => {
  it("ends a proposal under review, recorded in its history; only the lead may do it", async () => {
    const { actor, consortium } = await createConsortiumMember(client);
    const draft = await createCompleteDraft(client, actor, { destination: "AE" });
    await submitProposal(client, actor, { proposalId: draft.id, expectedVersion: draft.version });
    const contributor = await addSeat(client, consortium.id, "CONTRIBUTOR");
    const { version } = await client.proposal.findUniqueOrThrow({ where: { id: draft.id } });

    await expect(withdrawProposal(client, contributor, { proposalId: draft.id, expectedVersion: version })).rejects.toThrow(ForbiddenError);
    await expect(withdrawProposal(client, actor, { proposalId: draft.id, expectedVersion: version })).rejects.toThrow(/reason/);
    await withdrawProposal(client, actor, { proposalId: draft.id, expectedVersion: version, reason: "The buyer postponed the project." });

    expect((await client.proposal.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("WITHDRAWN");
    const last = await client.auditEvent.findFirstOrThrow({ where: { proposalId: draft.id }, orderBy: { id: "desc" } });
    expect(last).toMatchObject({ action: "proposal.transitioned", actorId: actor.userId, before: { status: "IN_LICENSE_REVIEW" }, after: { status: "WITHDRAWN", event: "withdraw", reason: "The buyer postponed the project." } });
    await expect(withdrawProposal(client, actor, { proposalId: draft.id, expectedVersion: version + 1 })).rejects.toThrow(/not possible while the proposal is withdrawn/);
  });
});
