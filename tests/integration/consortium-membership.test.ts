// The consortium workspace on a real database: exactly one anchor member,
// organizations shared between consortia, leads alone manage members, and a
// member from a country of concern blocks submission.
import { beforeAll, describe, expect, it } from "vitest";
import { addMember, consortiumWorkspace, createConsortium, handOverAnchor, removeMember } from "@/lib/consortia/service";
import type { Db } from "@/lib/db";
import { ForbiddenError, NotFoundError, RuleViolationError } from "@/lib/errors";
import { submitProposal } from "@/lib/proposals/service";
import { createConsortiumSchema, memberSchema } from "@/lib/schemas/consortium";
import { freshDatabase } from "./support/database";
import { addSeat, createCompleteDraft, createConsortiumMember, createUser } from "./support/fixtures";

let client: Db;
beforeAll(async () => {
  ({ client } = await freshDatabase());
});

const organization = (legalName: string, extra: Record<string, string> = {}) => ({
  legalName,
  countryOfIncorporationCode: "US",
  headquartersCountryCode: "US",
  ...extra,
});

async function newConsortium(name = "Pacific AI Alliance") {
  const lead = await createUser(client, "CONSORTIUM_MEMBER");
  const consortium = await createConsortium(client, lead, createConsortiumSchema.parse({ name, ...organization(`${name} Anchor Inc.`), "layer:HARDWARE": "on" }));
  return { lead, consortium };
}

describe("creating a consortium", () => {
  it("makes the creator's organization its one anchor member and the creator its lead", async () => {
    const { lead, consortium } = await newConsortium();
    const { members, seat, canManage } = await consortiumWorkspace(client, lead, consortium.id);
    expect(members).toHaveLength(1);
    expect(members[0]!.isAnchor).toBe(true);
    expect(members[0]!.layersSupplied).toEqual(["HARDWARE"]);
    expect(seat).toBe("LEAD");
    expect(canManage).toBe(true);
    expect(await client.auditEvent.count({ where: { entityType: "Consortium", entityId: consortium.id, action: "consortium.created" } })).toBe(1);
  });
});

describe("members", () => {
  it("an organization registered under a UEI joins several consortia as itself", async () => {
    const a = await newConsortium("Alliance A");
    const b = await newConsortium("Alliance B");
    const input = (consortiumId: string) => memberSchema.parse({ consortiumId, ...organization("Shared Storage LLC", { uei: "SHRDSTRG0001" }), "layer:STORAGE": "on" });
    const first = await addMember(client, a.lead, input(a.consortium.id));
    const second = await addMember(client, b.lead, input(b.consortium.id));
    expect(second.organization.id).toBe(first.organization.id);
    await expect(addMember(client, a.lead, input(a.consortium.id))).rejects.toThrow(/already a member/);
    // A UEI can't be claimed under another name.
    await expect(
      addMember(client, a.lead, memberSchema.parse({ consortiumId: a.consortium.id, ...organization("Someone Else Corp.", { uei: "SHRDSTRG0001" }) })),
    ).rejects.toThrow(/belongs to Shared Storage LLC/);
  });

  it("keeps exactly one anchor: it can't be removed, and hands its role on", async () => {
    const { lead, consortium } = await newConsortium("Anchor Handover Alliance");
    const { membership } = await addMember(client, lead, memberSchema.parse({ consortiumId: consortium.id, ...organization("Second Member Inc.") }));
    const anchor = (await consortiumWorkspace(client, lead, consortium.id)).members.find((m) => m.isAnchor)!;
    await expect(removeMember(client, lead, { consortiumId: consortium.id, membershipId: anchor.id })).rejects.toBeInstanceOf(RuleViolationError);

    await handOverAnchor(client, lead, { consortiumId: consortium.id, membershipId: membership.id });
    const after = (await consortiumWorkspace(client, lead, consortium.id)).members;
    expect(after.filter((m) => m.isAnchor).map((m) => m.id)).toEqual([membership.id]);
    await removeMember(client, lead, { consortiumId: consortium.id, membershipId: anchor.id });
    expect((await consortiumWorkspace(client, lead, consortium.id)).members).toHaveLength(1);
  });

  it("only a lead manages members; another consortium's lead can't even see it", async () => {
    const { consortium } = await newConsortium("Guarded Alliance");
    const contributor = await addSeat(client, consortium.id, "CONTRIBUTOR");
    const outsider = (await newConsortium("Outsider Alliance")).lead;
    const input = memberSchema.parse({ consortiumId: consortium.id, ...organization("Uninvited Inc.") });
    await expect(addMember(client, contributor, input)).rejects.toBeInstanceOf(NotFoundError);
    await expect(addMember(client, outsider, input)).rejects.toBeInstanceOf(NotFoundError);
    await expect(consortiumWorkspace(client, outsider, consortium.id)).rejects.toBeInstanceOf(NotFoundError);
    // A contributor reads the workspace but may not manage it.
    expect((await consortiumWorkspace(client, contributor, consortium.id)).canManage).toBe(false);
    const officer = await createUser(client, "EXIM_OFFICER");
    await expect(consortiumWorkspace(client, officer, consortium.id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("a member from a country of concern", () => {
  it("is flagged where the lead works and blocks submission until removed", async () => {
    const { actor, consortium } = await createConsortiumMember(client, "LEAD");
    const draft = await createCompleteDraft(client, actor, { destination: "JP" });
    const { membership } = await addMember(
      client,
      actor,
      memberSchema.parse({ consortiumId: consortium.id, ...organization("Harbor Compute Ltd.", { ultimateParentName: "Harbor Holdings", ultimateParentCountryCode: "HK" }) }),
    );
    const flagged = (await consortiumWorkspace(client, actor, consortium.id)).members.find((m) => m.id === membership.id)!;
    expect(flagged.ineligibility).toMatch(/Harbor Compute Ltd\. is owned or controlled from Hong Kong/);

    const refused = await submitProposal(client, actor, { proposalId: draft.id, expectedVersion: draft.version }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RuleViolationError);
    expect((refused as RuleViolationError).problems.join(" ")).toMatch(/Hong Kong/);
    expect((await client.proposal.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");

    await removeMember(client, actor, { consortiumId: consortium.id, membershipId: membership.id });
    await submitProposal(client, actor, { proposalId: draft.id, expectedVersion: draft.version });
    expect((await client.proposal.findUniqueOrThrow({ where: { id: draft.id } })).status).not.toBe("DRAFT");
  });
});
