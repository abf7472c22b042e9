// Commerce's license review on a real PostgreSQL: the worldwide rule at
// submission, screening of every party and member, the screening block, each
// decision type with its license number and conditions, "assign to me", and the
// conflict-of-interest rule.
import { createReadStream } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { ForbiddenError, NotFoundError, RuleViolationError } from "@/lib/errors";
import { declareConflict, withdrawConflict } from "@/lib/licensing/conflicts";
import { assignToMe, decideLicense, getLicenseRequest, licenseQueue } from "@/lib/licensing/service";
import type { Actor } from "@/lib/policy";
import { addParty } from "@/lib/proposals/parties";
import { submitProposal } from "@/lib/proposals/service";
import { licenseDecisionSchema } from "@/lib/schemas/decisions";
import { importScreeningList } from "@/lib/screening/csl";
import { reviewScreeningHit, screeningBlockers } from "@/lib/screening/service";
import { SAMPLE_SCREENING_LIST } from "@/prisma/seed/demo";
import { freshDatabase } from "./support/database";
import { createCompleteDraft, createConsortiumMember, createUser, party } from "./support/fixtures";

let client: Db;
let reviewer: Actor;
let otherReviewer: Actor;

beforeAll(async () => {
  ({ client } = await freshDatabase());
  reviewer = await createUser(client, "COMMERCE_REVIEWER");
  otherReviewer = await createUser(client, "COMMERCE_REVIEWER");
  await importScreeningList(client, createReadStream(SAMPLE_SCREENING_LIST), { fileName: "csl-sample.csv", listDate: new Date("2026-11-28") });
});

async function submitted({ destination = "AE", extraParty }: { destination?: string; extraParty?: Record<string, string> } = {}) {
  const { actor, organization } = await createConsortiumMember(client);
  const draft = await createCompleteDraft(client, actor, { destination });
  if (extraParty) await addParty(client, actor, party(draft.id, extraParty));
  const { version } = await client.proposal.findUniqueOrThrow({ where: { id: draft.id } });
  await submitProposal(client, actor, { proposalId: draft.id, expectedVersion: version });
  const licenses = await client.licenseRequest.findMany({ where: { proposalId: draft.id } });
  return { member: actor, organization, proposalId: draft.id, licenseId: licenses[0]?.id ?? "", licenses };
}

const decision = (licenseRequestId: string, outcome: string, extra: Record<string, string> = {}) =>
  licenseDecisionSchema.parse({ licenseRequestId, outcome, reason: "Reviewed against end-use and security commitments.", ...extra });

describe("the worldwide rule at submission", () => {
  it("a license to Japan (A:5) is required when the end user is headquartered in China, and the reason names the party", async () => {
    const { licenses } = await submitted({ destination: "JP", extraParty: { role: "END_USER", name: "Pearl River Compute Co.", countryCode: "JP", headquartersCountryCode: "CN" } });
    expect(licenses).toHaveLength(1);
    expect(licenses[0]).toMatchObject({ destinationCountryCode: "JP", status: "PENDING", rulesVersionNumber: expect.any(Number) });
    expect(licenses[0]!.determinationReasons).toContain(
      "The end user Pearl River Compute Co. is headquartered in China (country group D:5): every advanced-computing item needs a license at every destination.",
    );
  });

  it("without such a party Japan needs no license", async () => {
    const { licenses } = await submitted({ destination: "JP" });
    expect(licenses).toEqual([]);
  });
});

describe("screening at submission", () => {
  it("screens every party and member organization against the list in force and records each result", async () => {
    const { proposalId, organization } = await submitted({ extraParty: { role: "INTERMEDIATE_CONSIGNEE", name: "Crimson Harbour Computing Limited", countryCode: "AE", headquartersCountryCode: "AE" } });
    const results = await client.screeningResult.findMany({ where: { proposalId }, orderBy: { topScore: "desc" } });
    expect(results).toHaveLength(8); // four parties, the data center's builder, owner and operator, and the anchor member
    expect(results[0]).toMatchObject({
      query: "Crimson Harbour Computing Limited",
      subjectKind: "intermediate consignee",
      outcome: "POSSIBLE_MATCH",
      topScore: 100,
      listVersion: "2026-11-28 (12 entries, csl-sample.csv)",
    });
    expect(results[0]!.hits).toEqual([expect.objectContaining({ entryName: "Crimson Harbor Compute Ltd.", matchedName: "Crimson Harbour Computing", score: 100 })]);
    expect(results.slice(1).every((r) => r.outcome === "NO_MATCH")).toBe(true);
    expect(results.find((r) => r.organizationId === organization.id)).toMatchObject({ subjectKind: "consortium member", outcome: "NO_MATCH" });
  });

  it("screens the lenders and guarantors named on the parties step like every other party", async () => {
    const { actor } = await createConsortiumMember(client);
    const draft = await createCompleteDraft(client, actor, { destination: "AE" });
    await addParty(client, actor, party(draft.id, { role: "LENDER", name: "Amber Meridian Trading L.L.C.", countryCode: "TR", headquartersCountryCode: "TR" }));
    await addParty(client, actor, party(draft.id, { role: "GUARANTOR", name: "Ministry of Finance of the UAE", countryCode: "AE", headquartersCountryCode: "AE" }));
    const { version } = await client.proposal.findUniqueOrThrow({ where: { id: draft.id } });
    await submitProposal(client, actor, { proposalId: draft.id, expectedVersion: version });
    const results = await client.screeningResult.findMany({ where: { proposalId: draft.id }, orderBy: { topScore: "desc" } });
    expect(results.find((r) => r.subjectKind === "lender")).toMatchObject({ query: "Amber Meridian Trading L.L.C.", outcome: "POSSIBLE_MATCH", topScore: 100 });
    expect(results.find((r) => r.subjectKind === "guarantor")).toMatchObject({ query: "Ministry of Finance of the UAE", outcome: "NO_MATCH" });
    expect(await screeningBlockers(client, draft.id)).toEqual([expect.stringContaining("The lender Amber Meridian Trading L.L.C. is a possible match")]);
  });
});

describe("the screening block", () => {
  const listedParty = { role: "END_USER", name: "Nebula Ridge Semiconductor", countryCode: "AE", headquartersCountryCode: "AE" };

  it("an unreviewed hit blocks approval; cleared with a reason, the approval goes through", async () => {
    const { proposalId, licenseId } = await submitted({ extraParty: listedParty });
    expect(await screeningBlockers(client, proposalId)).toEqual([
      "The end user Nebula Ridge Semiconductor is a possible match on the Consolidated Screening List that no reviewer has cleared or confirmed yet.",
    ]);
    await expect(decideLicense(client, reviewer, decision(licenseId, "APPROVED"))).rejects.toThrow(RuleViolationError);
    const hit = await client.screeningResult.findFirstOrThrow({ where: { proposalId, outcome: "POSSIBLE_MATCH" } });
    await reviewScreeningHit(client, reviewer, { screeningResultId: hit.id, licenseRequestId: licenseId, decision: "CLEARED", reason: "Different company: UAE registry number and address differ from the listed entity." });
    expect(await screeningBlockers(client, proposalId)).toEqual([]);
    await decideLicense(client, reviewer, decision(licenseId, "APPROVED"));
    expect((await client.screeningResult.findUniqueOrThrow({ where: { id: hit.id } })).reviewReason).toMatch(/Different company/);
  });

  it("a confirmed hit blocks every approval (and financing, through screeningBlockers); a denial is still possible", async () => {
    const { proposalId, licenseId } = await submitted({ extraParty: listedParty });
    const hit = await client.screeningResult.findFirstOrThrow({ where: { proposalId, outcome: "POSSIBLE_MATCH" } });
    await reviewScreeningHit(client, reviewer, { screeningResultId: hit.id, licenseRequestId: licenseId, decision: "CONFIRMED", reason: "Same address as the Entity List entry." });
    await expect(reviewScreeningHit(client, reviewer, { screeningResultId: hit.id, licenseRequestId: licenseId, decision: "CLEARED", reason: "Changed my mind." })).rejects.toThrow(
      "already been reviewed",
    );
    for (const outcome of ["APPROVED", "PARTIALLY_APPROVED"]) {
      const refused = await decideLicense(client, reviewer, decision(licenseId, outcome, { conditions: "Items 1 and 2 only." })).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(RuleViolationError);
      expect((refused as RuleViolationError).problems).toEqual(["The end user Nebula Ridge Semiconductor is a confirmed match on the Consolidated Screening List."]);
    }
    await decideLicense(client, reviewer, decision(licenseId, "DENIED"));
    expect((await client.licenseRequest.findUniqueOrThrow({ where: { id: licenseId } })).status).toBe("DENIED");
  });

  it("a consortium member can't review hits, and another consortium's hit answers 404", async () => {
    const { member, proposalId, licenseId } = await submitted({ extraParty: listedParty });
    const hit = await client.screeningResult.findFirstOrThrow({ where: { proposalId, outcome: "POSSIBLE_MATCH" } });
    await expect(reviewScreeningHit(client, member, { screeningResultId: hit.id, licenseRequestId: licenseId, decision: "CLEARED", reason: "Not us." })).rejects.toThrow(ForbiddenError);
    const stranger = await createUser(client, "COMMERCE_REVIEWER");
    await expect(reviewScreeningHit(client, stranger, { screeningResultId: "nonexistent", licenseRequestId: licenseId, decision: "CLEARED", reason: "x" })).rejects.toThrow(NotFoundError);
  });
});

describe("each decision type", () => {
  it("approved: a license number and an expiry four years on (setting)", async () => {
    const { licenseId } = await submitted();
    await decideLicense(client, reviewer, decision(licenseId, "APPROVED"));
    const license = await client.licenseRequest.findUniqueOrThrow({ where: { id: licenseId }, include: { proposal: true } });
    expect(license.status).toBe("APPROVED");
    expect(license.licenseNumber).toMatch(/^D\d{4}[A-Z0-9]{8}$/);
    const years = (license.expiresAt!.getTime() - Date.now()) / (365.25 * 86_400_000);
    expect(years).toBeGreaterThan(3.99);
    expect(years).toBeLessThan(4.01);
    expect(license.proposal.status).toBe("IN_FINANCING_REVIEW");
  });

  it("approved with conditions: the conditions picked from templates, as edited, with their labels", async () => {
    const { licenseId } = await submitted();
    await decideLicense(
      client,
      reviewer,
      decision(licenseId, "APPROVED_WITH_CONDITIONS", {
        "condition-reporting": "on",
        "conditionText-reporting": "Report installed locations every quarter.",
        "condition-no-re-export": "on",
        "conditionText-no-re-export": "No re-export or transfer without Commerce's authorization.",
        conditions: "Annual on-site inspection.",
      }),
    );
    const [made] = await client.licenseDecision.findMany({ where: { licenseRequestId: licenseId } });
    expect(made!.conditionList).toEqual([
      { kind: "reporting", label: "Reporting", text: "Report installed locations every quarter." },
      { kind: "no-re-export", label: "No re-export", text: "No re-export or transfer without Commerce's authorization." },
      { kind: "other", label: "Further condition", text: "Annual on-site inspection." },
    ]);
    expect(made!.conditions).toBe("Reporting: Report installed locations every quarter.\nNo re-export: No re-export or transfer without Commerce's authorization.\nFurther condition: Annual on-site inspection.");
    expect((await client.licenseRequest.findUniqueOrThrow({ where: { id: licenseId } })).licenseNumber).not.toBeNull();
  });

  it("partially approved: recorded with the items approved, no license number, and financing waits", async () => {
    const { licenseId, proposalId } = await submitted();
    await decideLicense(client, reviewer, decision(licenseId, "PARTIALLY_APPROVED", { conditions: "The storage arrays only; the servers are denied." }));
    const license = await client.licenseRequest.findUniqueOrThrow({ where: { id: licenseId }, include: { decisions: true } });
    expect(license).toMatchObject({ status: "PARTIALLY_APPROVED", licenseNumber: null });
    expect(license.decisions[0]!.conditionList).toEqual([{ kind: "other", label: "Further condition", text: "The storage arrays only; the servers are denied." }]);
    expect((await client.proposal.findUniqueOrThrow({ where: { id: proposalId } })).status).toBe("IN_LICENSE_REVIEW");
  });

  it.each(["DENIED", "RETURNED_WITHOUT_ACTION"])("%s: no license number, no expiry", async (outcome) => {
    const { licenseId } = await submitted();
    await decideLicense(client, reviewer, decision(licenseId, outcome));
    expect(await client.licenseRequest.findUniqueOrThrow({ where: { id: licenseId } })).toMatchObject({ status: outcome, licenseNumber: null, expiresAt: null });
  });
});

describe("assign to me", () => {
  it("takes a pending request; a second reviewer may take it over; a decided one can't be taken", async () => {
    const { licenseId } = await submitted();
    await assignToMe(client, reviewer, { licenseRequestId: licenseId });
    expect((await client.licenseRequest.findUniqueOrThrow({ where: { id: licenseId } })).assignedReviewerId).toBe(reviewer.userId);
    await assignToMe(client, otherReviewer, { licenseRequestId: licenseId });
    expect((await client.licenseRequest.findUniqueOrThrow({ where: { id: licenseId } })).assignedReviewerId).toBe(otherReviewer.userId);
    await decideLicense(client, otherReviewer, decision(licenseId, "DENIED"));
    await expect(assignToMe(client, reviewer, { licenseRequestId: licenseId })).rejects.toThrow(RuleViolationError);
  });
});

describe("the conflict-of-interest rule", () => {
  it("a reviewer who declared a conflict with a member can't decide or take the proposal's requests; another reviewer can", async () => {
    const { licenseId, organization } = await submitted();
    const conflicted = await createUser(client, "COMMERCE_REVIEWER");
    await assignToMe(client, conflicted, { licenseRequestId: licenseId });
    await declareConflict(client, conflicted, { organizationId: organization.id, note: "Former employer (2024)." });
    // The declaration hands the request back to the pool.
    expect((await client.licenseRequest.findUniqueOrThrow({ where: { id: licenseId } })).assignedReviewerId).toBeNull();
    await expect(decideLicense(client, conflicted, decision(licenseId, "APPROVED"))).rejects.toThrow(ForbiddenError);
    await expect(decideLicense(client, conflicted, decision(licenseId, "APPROVED"))).rejects.toThrow(organization.legalName);
    await expect(assignToMe(client, conflicted, { licenseRequestId: licenseId })).rejects.toThrow(ForbiddenError);
    expect((await getLicenseRequest(client, conflicted, licenseId)).conflict).toContain(organization.legalName);
    await decideLicense(client, otherReviewer, decision(licenseId, "APPROVED"));
    expect((await client.licenseRequest.findUniqueOrThrow({ where: { id: licenseId } })).status).toBe("APPROVED");
  });

  it("withdrawing the declaration lifts the bar", async () => {
    const { licenseId, organization } = await submitted();
    const conflicted = await createUser(client, "COMMERCE_REVIEWER");
    await declareConflict(client, conflicted, { organizationId: organization.id, note: null });
    await expect(declareConflict(client, conflicted, { organizationId: organization.id, note: null })).rejects.toThrow("already declared");
    const declared = await client.conflictOfInterest.findFirstOrThrow({ where: { reviewerId: conflicted.userId } });
    await withdrawConflict(client, conflicted, { conflictId: declared.id });
    await decideLicense(client, conflicted, decision(licenseId, "DENIED"));
  });
});

describe("the queue's filters, on keyset pages", () => {
  it("filters by destination, ECCN, assignment, screening hits and age, and sorts by registration", async () => {
    const queueReviewer = await createUser(client, "COMMERCE_REVIEWER");
    const toSaudi = await submitted({ destination: "SA" });
    const withHit = await submitted({ destination: "SA", extraParty: { role: "END_USER", name: "Velvet Cobalt Data Centers", countryCode: "SA", headquartersCountryCode: "SA" } });
    await assignToMe(client, queueReviewer, { licenseRequestId: toSaudi.licenseId });
    const ids = async (query: Parameters<typeof licenseQueue>[2]) => (await licenseQueue(client, queueReviewer, query)).rows.map((r) => r.id);

    const saudi = await ids({ destination: "SA" });
    expect(saudi).toEqual(expect.arrayContaining([toSaudi.licenseId, withHit.licenseId]));
    expect((await licenseQueue(client, queueReviewer, { destination: "SA" })).rows.every((r) => r.destinationCountryCode === "SA")).toBe(true);
    expect(await ids({ destination: "SA", eccn: "4A090" })).toEqual(expect.arrayContaining([toSaudi.licenseId, withHit.licenseId]));
    expect(await ids({ destination: "SA", eccn: "3A090" })).toEqual([]);
    expect(await ids({ assigned: "me" })).toEqual([toSaudi.licenseId]);
    expect(await ids({ destination: "SA", assigned: "none" })).toEqual([withHit.licenseId]);
    expect(await ids({ destination: "SA", hits: "yes" })).toEqual([withHit.licenseId]);
    const row = (await licenseQueue(client, queueReviewer, { destination: "SA", hits: "yes" })).rows[0]!;
    expect(row).toMatchObject({ openHits: 1, itemCount: 1 });
    // Registered today: none is older than 30 days until the clock moves on.
    expect(await ids({ destination: "SA", age: "30" })).toEqual([]);
    await client.licenseRequest.update({ where: { id: toSaudi.licenseId }, data: { registeredAt: new Date(Date.now() - 40 * 86_400_000) } });
    expect(await ids({ destination: "SA", age: "30" })).toEqual([toSaudi.licenseId]);
    expect((await ids({ destination: "SA", sort: "oldest" }))[0]).toBe(toSaudi.licenseId);
    expect((await ids({ destination: "SA", sort: "newest" })).at(-1)).toBe(toSaudi.licenseId);

    // Cleared, the hit no longer stands: the request leaves the filter at once; confirmed, it would stay.
    const hit = await client.screeningResult.findFirstOrThrow({ where: { proposalId: withHit.proposalId, outcome: "POSSIBLE_MATCH" } });
    await reviewScreeningHit(client, queueReviewer, { screeningResultId: hit.id, licenseRequestId: withHit.licenseId, decision: "CLEARED", reason: "Different company: registry number and address differ." });
    expect(await ids({ destination: "SA", hits: "yes" })).toEqual([]);
  });

  it("pages through a filtered queue with cursors, each row once", async () => {
    for (let i = 0; i < 3; i += 1) await submitted({ destination: "QA" });
    const seen: string[] = [];
    let page = await licenseQueue(client, reviewer, { destination: "QA" });
    seen.push(...page.rows.map((r) => r.id));
    expect(page.rows.length).toBe(3);
    expect(page.next).toBeNull();
    expect(new Set(seen).size).toBe(3);
    page = await licenseQueue(client, reviewer, { destination: "QA", after: "not-a-cursor" });
    expect(page.rows.length).toBe(3);
  });
});
