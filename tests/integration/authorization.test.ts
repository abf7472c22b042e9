import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { decideFinancing, financingReview } from "@/lib/financing/service";
import { decideLicense, getLicenseRequest, licenseQueue } from "@/lib/licensing/service";
import type { Actor } from "@/lib/policy";
import { addLineItem, getProposal, listProposals, proposalHistory, submitProposal } from "@/lib/proposals/service";
import { saveOverviewStep } from "@/lib/proposals/steps";
import { financingDecisionSchema, licenseDecisionSchema } from "@/lib/schemas/decisions";
import { freshDatabase } from "./support/database";
import { addSeat, createCompleteDraft, createConsortiumMember, createUser, lineItem } from "./support/fixtures";

let client: Db;
let victim: Actor;
let attacker: Actor;
let reviewer: Actor;
let officer: Actor;
let victimDraftId: string;
let victimConsortiumId: string;

beforeAll(async () => {
  ({ client } = await freshDatabase());
  const v = await createConsortiumMember(client);
  victim = v.actor;
  victimConsortiumId = v.consortium.id;
  attacker = (await createConsortiumMember(client)).actor;
  reviewer = await createUser(client, "COMMERCE_REVIEWER");
  officer = await createUser(client, "EXIM_OFFICER");
  victimDraftId = (await createCompleteDraft(client, victim, { destination: "AE" })).id;
});

describe("a consortium never sees another consortium's data", () => {
  it("answers another consortium's proposal exactly like an id that doesn't exist", async () => {
    const foreign = await getProposal(client, attacker, victimDraftId).catch((e: unknown) => e);
    const missing = await getProposal(client, attacker, "no-such-proposal").catch((e: unknown) => e);
    expect(foreign).toBeInstanceOf(NotFoundError);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((foreign as Error).message).toBe((missing as Error).message);
  });

  it("refuses every read and write on it with 404", async () => {
    await expect(proposalHistory(client, attacker, victimDraftId)).rejects.toThrow(NotFoundError);
    await expect(addLineItem(client, attacker, lineItem(victimDraftId))).rejects.toThrow(NotFoundError);
    await expect(
      saveOverviewStep(client, attacker, { proposalId: victimDraftId, expectedVersion: 1, title: "Hijacked", summary: "x", destinationCountryCodes: ["AE"] }),
    ).rejects.toThrow(NotFoundError);
    await expect(submitProposal(client, attacker, { proposalId: victimDraftId, expectedVersion: 1 })).rejects.toThrow(NotFoundError);
    const list = await listProposals(client, attacker, {});
    expect(list.rows.map((r) => r.id)).not.toContain(victimDraftId);
    expect((await client.proposal.findUniqueOrThrow({ where: { id: victimDraftId } })).title).toBe("Sovereign compute campus");
  });
});

describe("seats within a consortium", () => {
  it("lets a viewer read but not change, and only the lead submit", async () => {
    const viewer = await addSeat(client, victimConsortiumId, "VIEWER");
    const contributor = await addSeat(client, victimConsortiumId, "CONTRIBUTOR");
    await expect(getProposal(client, viewer, victimDraftId)).resolves.toBeTruthy();
    await expect(addLineItem(client, viewer, lineItem(victimDraftId))).rejects.toThrow(ForbiddenError);
    await expect(submitProposal(client, contributor, { proposalId: victimDraftId, expectedVersion: 1 })).rejects.toThrow(ForbiddenError);
  });
});

describe("government roles", () => {
  it("don't see a consortium's unsubmitted draft", async () => {
    await expect(getProposal(client, reviewer, victimDraftId)).rejects.toThrow(NotFoundError);
    await expect(financingReview(client, officer, victimDraftId)).rejects.toThrow(NotFoundError);
  });

  it("only Commerce reviewers decide licenses and only EXIM officers decide financing", async () => {
    const { actor } = await createConsortiumMember(client);
    const draft = await createCompleteDraft(client, actor, { destination: "AE" });
    await submitProposal(client, actor, { proposalId: draft.id, expectedVersion: draft.version });
    const license = await client.licenseRequest.findFirstOrThrow({ where: { proposalId: draft.id } });
    const decision = licenseDecisionSchema.parse({ licenseRequestId: license.id, outcome: "APPROVED", reason: "Fine by me." });

    await expect(decideLicense(client, officer, decision)).rejects.toThrow(ForbiddenError);
    await expect(decideLicense(client, actor, decision)).rejects.toThrow(ForbiddenError);
    await expect(getLicenseRequest(client, reviewer, license.id)).resolves.toMatchObject({ id: license.id });
    const queue = await licenseQueue(client, reviewer, {});
    expect(queue.rows.map((r) => r.id)).toContain(license.id);

    const financing = financingDecisionSchema.parse({ outcome: "DECLINED", proposalId: draft.id, expectedVersion: "1", reason: "No." });
    await expect(decideFinancing(client, reviewer, financing)).rejects.toThrow(ForbiddenError);
    await expect(decideFinancing(client, actor, financing)).rejects.toThrow(ForbiddenError);
    expect(await client.licenseDecision.count({ where: { licenseRequestId: license.id } })).toBe(0);
  });
});
