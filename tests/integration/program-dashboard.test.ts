// The program dashboard's aggregates on a real database, and who may read them.
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { cancelCommitment } from "@/lib/financing/service";
import { decideLicense } from "@/lib/licensing/service";
import type { Actor } from "@/lib/policy";
import { programDashboard } from "@/lib/program/dashboard";
import { dashboardTables } from "@/lib/program/tables";
import { listPublishedPackages } from "@/lib/proposals/published";
import { submitProposal } from "@/lib/proposals/service";
import { cancelCommitmentSchema, licenseDecisionSchema } from "@/lib/schemas/decisions";
import { freshDatabase } from "./support/database";
import { createCompleteDraft, createConsortiumMember, createUser, issueNextStage, readyForFinalCommitment } from "./support/fixtures";

let client: Db;
let officer: Actor;
let admin: Actor;
let reviewer: Actor;

beforeAll(async () => {
  ({ client } = await freshDatabase());
  officer = await createUser(client, "EXIM_OFFICER");
  admin = await createUser(client, "ADMINISTRATOR");
  reviewer = await createUser(client, "COMMERCE_REVIEWER");
});

async function committed(destination: string, amount: string) {
  const { actor } = await createConsortiumMember(client);
  const draft = await createCompleteDraft(client, actor, { destination, requestedAmount: amount });
  await submitProposal(client, actor, { proposalId: draft.id, expectedVersion: draft.version });
  const license = await client.licenseRequest.findFirst({ where: { proposalId: draft.id } });
  if (license) await decideLicense(client, reviewer, licenseDecisionSchema.parse({ licenseRequestId: license.id, outcome: "APPROVED", reason: "Fine." }));
  await readyForFinalCommitment(client, officer, draft.id, amount);
  await issueNextStage(client, officer, draft.id, amount);
  return draft.id;
}

describe("the program dashboard", () => {
  it("sums commitments by region and product, counts the pipeline by stage, and follows releases", async () => {
    const before = await programDashboard(client, officer, { fresh: true });
    const gulf = await committed("AE", "20,000,000.00");
    await committed("JP", "10,000,000.00");
    // One in review at the letter of interest stage.
    const { actor } = await createConsortiumMember(client);
    const draft = await createCompleteDraft(client, actor, { destination: "JP", requestedAmount: "5,000,000.00" });
    await submitProposal(client, actor, { proposalId: draft.id, expectedVersion: draft.version });
    await issueNextStage(client, officer, draft.id, "5,000,000.00");

    const d = await programDashboard(client, admin, { fresh: true });
    expect(before.cap.headroomCents - d.cap.headroomCents).toBe(3_000_000_000n);
    expect(d.byRegion).toEqual([
      { label: "Gulf", proposals: 1, amountCents: 2_000_000_000n },
      { label: "Asia-Pacific", proposals: 1, amountCents: 1_000_000_000n },
      { label: "Other", proposals: 0, amountCents: 0n },
    ]);
    expect(d.byProduct.find((r) => r.product === "DIRECT_LOAN")).toMatchObject({ proposals: 2, amountCents: 3_000_000_000n });
    expect(d.pipeline).toEqual([
      { stage: "NONE", proposals: 0, amountCents: 0n },
      { stage: "LETTER_OF_INTEREST", proposals: 1, amountCents: 500_000_000n },
      { stage: "PRELIMINARY_COMMITMENT", proposals: 0, amountCents: 0n },
      { stage: "FINAL_COMMITMENT", proposals: 2, amountCents: 3_000_000_000n },
    ]);
    expect(d.stageDays.map((r) => r.decisions)).toEqual([3, 2, 2]);
    expect(d.stageDays.every((r) => r.medianDays !== null && r.medianDays >= 0)).toBe(true);
    // 20% of the $135B cap is reserved; the what-if adds $70B of room.
    expect(d.reservedCents).toBe(2_700_000_000_000n);
    expect(d.whatIf.headroomCents - d.cap.headroomCents).toBe(7_000_000_000_000n);

    const { version } = await client.proposal.findUniqueOrThrow({ where: { id: gulf } });
    await cancelCommitment(client, officer, cancelCommitmentSchema.parse({ proposalId: gulf, expectedVersion: String(version), reason: "Buyer withdrew." }));
    const after = await programDashboard(client, officer, { fresh: true });
    expect(after.byRegion[0]).toEqual({ label: "Gulf", proposals: 0, amountCents: 0n });
    expect(after.cap.headroomCents - d.cap.headroomCents).toBe(2_000_000_000n);

    const csv = dashboardTables(after).find((t) => t.name === "regions")!;
    expect(csv.rows.map((r) => r.csv)).toEqual([
      ["Gulf", "0", "0.00"],
      ["Asia-Pacific", "1", "10000000.00"],
      ["Other", "0", "0.00"],
    ]);
  });

  it("keeps the aggregates a few seconds but reads the cap fresh", async () => {
    const cached = await programDashboard(client, officer);
    await committed("SG", "1,000,000.00");
    const again = await programDashboard(client, officer);
    expect(again.pipeline).toEqual(cached.pipeline);
    expect(cached.cap.headroomCents - again.cap.headroomCents).toBe(100_000_000n);
  });

  it("is for EXIM officers and administrators only", async () => {
    await expect(programDashboard(client, reviewer)).rejects.toBeInstanceOf(ForbiddenError);
    const { actor } = await createConsortiumMember(client);
    await expect(programDashboard(client, actor)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("the public list", () => {
  it("shows the final commitment's amount and date, marks the program's first package, and drops a cancelled one", async () => {
    const first = await committed("JP", "3,000,000.00");
    const second = await committed("AE", "4,000,000.00");
    const list = await listPublishedPackages(client, {});
    const rows = new Map(list.rows.map((row) => [row.id, row]));
    expect(rows.get(second)!.financingRequest!.decisions).toEqual([{ approvedAmountCents: 400_000_000n, decidedAt: expect.any(Date) }]);
    const earliest = await client.proposal.findFirstOrThrow({ where: { publishedAt: { not: null } }, orderBy: { publishedAt: "asc" } });
    expect(list.firstId).toBe(earliest.id);
    // Nothing confidential: no line items, parties, security plan or compliance statement in the rows.
    expect(Object.keys(rows.get(first)!).sort()).toEqual(["consortium", "financingRequest", "id", "publishedAt", "reference", "targetCountries", "title"].sort());

    const { version } = await client.proposal.findUniqueOrThrow({ where: { id: second } });
    await cancelCommitment(client, officer, cancelCommitmentSchema.parse({ proposalId: second, expectedVersion: String(version), reason: "Buyer withdrew." }));
    expect((await listPublishedPackages(client, {})).rows.map((row) => row.id)).not.toContain(second);
  });
});
