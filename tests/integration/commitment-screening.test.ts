// Screening runs again at the moment of the final commitment: a party that
// appeared on the Consolidated Screening List after submission blocks the
// commitment until Commerce reviews the hit, and a cleared hit doesn't block again.
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { RuleViolationError } from "@/lib/errors";
import { decideFinancing } from "@/lib/financing/service";
import { decideLicense } from "@/lib/licensing/service";
import type { Actor } from "@/lib/policy";
import { submitProposal } from "@/lib/proposals/service";
import { financingDecisionSchema, licenseDecisionSchema } from "@/lib/schemas/decisions";
import { CSL_COLUMNS, importScreeningList } from "@/lib/screening/csl";
import { reviewScreeningHit } from "@/lib/screening/service";
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

function listNaming(name: string): Readable {
  const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
  const row: Record<string, string> = { _id: "new-entry-1", source: "Entity List (EL) - Bureau of Industry and Security", name, type: "Entity" };
  return Readable.from([[CSL_COLUMNS.join(","), CSL_COLUMNS.map((c) => quote(row[c] ?? "")).join(",")].join("\n")]);
}

async function finalCommitment(proposalId: string) {
  const { version } = await client.proposal.findUniqueOrThrow({ where: { id: proposalId } });
  return decideFinancing(
    client,
    officer,
    financingDecisionSchema.parse({ outcome: "APPROVED", proposalId, expectedVersion: String(version), approvedAmount: "60,000,000.00", reason: "Sound credit." }),
  );
}

describe("screening at the final commitment", () => {
  it("catches a party listed since submission, and lets the commitment through once Commerce clears it", async () => {
    const { actor } = await createConsortiumMember(client);
    const draft = await createCompleteDraft(client, actor, { destination: "AE" });
    await submitProposal(client, actor, { proposalId: draft.id, expectedVersion: draft.version });
    const license = await client.licenseRequest.findFirstOrThrow({ where: { proposalId: draft.id } });
    await decideLicense(client, reviewer, licenseDecisionSchema.parse({ licenseRequestId: license.id, outcome: "APPROVED", reason: "End use verified." }));
    await readyForFinalCommitment(client, officer, draft.id, "60,000,000.00");

    // After submission, the end user appears on a new edition of the list.
    const endUser = await client.party.findFirstOrThrow({ where: { proposalId: draft.id, role: "END_USER" } });
    await importScreeningList(client, listNaming(endUser.name), { fileName: "csl-next.csv", listDate: new Date() });

    const refused = await finalCommitment(draft.id).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RuleViolationError);
    expect((refused as RuleViolationError).problems.join(" ")).toMatch(/possible match on the Consolidated Screening List/);
    expect(await client.exposureCapEntry.count({ where: { proposalId: draft.id } })).toBe(0);
    // The new hit stays on record for Commerce although the commitment was refused.
    const hit = await client.screeningResult.findFirstOrThrow({ where: { proposalId: draft.id, partyId: endUser.id, outcome: "POSSIBLE_MATCH" } });

    await reviewScreeningHit(client, reviewer, { screeningResultId: hit.id, licenseRequestId: license.id, decision: "CLEARED", reason: "Different company: other address and registration." });
    await finalCommitment(draft.id);
    expect((await client.proposal.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("APPROVED");
    // Screened again at that moment, the cleared hit was not raised again.
    expect(await client.screeningResult.count({ where: { proposalId: draft.id, partyId: endUser.id, outcome: "POSSIBLE_MATCH" } })).toBe(0);
    expect(await client.exposureCapEntry.count({ where: { proposalId: draft.id } })).toBe(1);
  });
});
