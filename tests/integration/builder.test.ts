// The builder's saves on PostgreSQL: editing a line item (and a stale edit
// refused), several destinations each determined at submission, and loose saves
// that keep an incomplete draft while saying what it still needs.
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { RuleViolationError, StaleVersionError } from "@/lib/errors";
import { addLineItem, createProposal, submitProposal } from "@/lib/proposals/service";
import { saveOperationsStep, saveOverviewStep, updateLineItemStep } from "@/lib/proposals/steps";
import { overviewLooseSchema, updateLineItemSchema } from "@/lib/schemas/builder";
import { freshDatabase } from "./support/database";
import { createCompleteDraft, createConsortiumMember, lineItem } from "./support/fixtures";

let client: Db;
beforeAll(async () => {
  ({ client } = await freshDatabase());
});

const version = async (proposalId: string) => (await client.proposal.findUniqueOrThrow({ where: { id: proposalId } })).version;

const edit = (proposalId: string, lineItemId: string, expectedVersion: number, fields: Record<string, string>) =>
  updateLineItemSchema.parse({
    proposalId,
    lineItemId,
    expectedVersion: String(expectedVersion),
    layer: "HARDWARE",
    description: "Accelerator servers",
    quantity: "100",
    unitPrice: "400,000.00",
    usContent: "80",
    eccn: "4A090",
    ...fields,
  });

describe("editing a line item", () => {
  it("changes the item against the version the editor saw, audits it, and refuses a stale edit without writing", async () => {
    const { actor, organization } = await createConsortiumMember(client);
    const draft = await createProposal(client, actor, { title: "Compute campus", summary: "Summary", destinationCountryCode: "AE" });
    const item = await addLineItem(client, actor, lineItem(draft.id, { layer: "HARDWARE", eccn: "4A090" }));
    const seen = await version(draft.id);

    const { warnings } = await updateLineItemStep(client, actor, edit(draft.id, item.id, seen, { quantity: "120", unitPrice: "410,000.00", supplierOrganizationId: organization.id }));

    const saved = await client.lineItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(saved).toMatchObject({ quantity: 120, unitPriceCents: 41_000_000n, supplierOrganizationId: organization.id, eccn: "4A090" });
    expect(await version(draft.id)).toBe(seen + 1);
    expect(await client.auditEvent.count({ where: { proposalId: draft.id, action: "proposal.lineItemUpdated" } })).toBe(1);
    // The item is now complete; what the package still needs is the missing layers.
    expect(warnings.some((w) => w.lineItemId === item.id)).toBe(false);
    expect(warnings.map((w) => w.message)).toEqual(expect.arrayContaining([expect.stringContaining("Data-center storage")]));

    // A second editor still holding the old version is refused; nothing changes.
    const stale = updateLineItemStep(client, actor, edit(draft.id, item.id, seen, { quantity: "1" }));
    await expect(stale).rejects.toBeInstanceOf(StaleVersionError);
    expect((await client.lineItem.findUniqueOrThrow({ where: { id: item.id } })).quantity).toBe(120);
    expect(await client.auditEvent.count({ where: { proposalId: draft.id, action: "proposal.lineItemUpdated" } })).toBe(1);
  });

  it("refuses a supplier that is not a member of the consortium", async () => {
    const { actor } = await createConsortiumMember(client);
    const { organization: outsider } = await createConsortiumMember(client);
    const draft = await createProposal(client, actor, { title: "Compute campus", summary: "Summary", destinationCountryCode: "AE" });
    const item = await addLineItem(client, actor, lineItem(draft.id, { layer: "HARDWARE", eccn: "4A090" }));
    const error = await updateLineItemStep(client, actor, edit(draft.id, item.id, await version(draft.id), { supplierOrganizationId: outsider.id })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuleViolationError);
    expect((error as RuleViolationError).field).toBe("supplierOrganizationId");
    expect((await client.lineItem.findUniqueOrThrow({ where: { id: item.id } })).supplierOrganizationId).toBeNull();
  });

  it("keeps hardware's classification only on hardware: moved to software, the item drops it", async () => {
    const { actor } = await createConsortiumMember(client);
    const draft = await createProposal(client, actor, { title: "Compute campus", summary: "Summary", destinationCountryCode: "AE" });
    const item = await addLineItem(client, actor, lineItem(draft.id, { layer: "HARDWARE", eccn: "4A090", totalProcessingPerformance: "16000" }));
    await updateLineItemStep(client, actor, edit(draft.id, item.id, await version(draft.id), { layer: "APPLICATION_SOFTWARE", description: "Applications", eccn: "", totalProcessingPerformance: "16000" }));
    expect(await client.lineItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ layer: "APPLICATION_SOFTWARE", eccn: null, totalProcessingPerformance: null, designedForDataCenter: null });
  });
});

describe("several destinations", () => {
  it("are saved from the overview, and each one gets its own license determination at submission", async () => {
    const { actor } = await createConsortiumMember(client);
    const draft = await createCompleteDraft(client, actor, { destination: "AE" });
    const input = overviewLooseSchema.parse({
      proposalId: draft.id,
      expectedVersion: String(draft.version),
      title: "Gulf and Pacific compute",
      summary: "One package, three countries.",
      destination0: "AE",
      destination1: "SA",
      destination2: "JP",
      destination3: "",
    });
    expect(input.destinationCountryCodes).toEqual(["AE", "SA", "JP"]);
    await saveOverviewStep(client, actor, input);

    const status = await submitProposal(client, actor, { proposalId: draft.id, expectedVersion: await version(draft.id) });

    expect(status).toBe("IN_LICENSE_REVIEW");
    const requests = await client.licenseRequest.findMany({ where: { proposalId: draft.id }, orderBy: { destinationCountryCode: "asc" } });
    // 4A090 servers need a license to the UAE and Saudi Arabia (D:4), not to Japan (A:5).
    expect(requests.map((r) => r.destinationCountryCode)).toEqual(["AE", "SA"]);
    for (const request of requests) expect(request.determinationReason).toContain("D:4");
  });

  it("may be none while drafting, but submission then names the gap", async () => {
    const { actor } = await createConsortiumMember(client);
    const draft = await createCompleteDraft(client, actor, { destination: "AE" });
    const { warnings } = await saveOverviewStep(client, actor, overviewLooseSchema.parse({ proposalId: draft.id, expectedVersion: String(draft.version), title: "Still drafting", summary: "", destination0: "" }));
    expect(warnings.map((w) => w.message)).toEqual(["Write a summary of the package.", "Name at least one destination country."]);
    expect(await client.proposalCountry.count({ where: { proposalId: draft.id } })).toBe(0);
    const error = await submitProposal(client, actor, { proposalId: draft.id, expectedVersion: await version(draft.id) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuleViolationError);
    expect((error as RuleViolationError).problems).toContain("Name at least one destination country.");
  });

  it("refuses an ineligible destination beside its own select, writing nothing", async () => {
    const { actor } = await createConsortiumMember(client);
    const draft = await createCompleteDraft(client, actor, { destination: "AE" });
    const error = await saveOverviewStep(
      client,
      actor,
      overviewLooseSchema.parse({ proposalId: draft.id, expectedVersion: String(draft.version), title: "T", summary: "S", destination0: "AE", destination1: "CN" }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuleViolationError);
    expect((error as RuleViolationError).field).toBe("destination1");
    expect(await version(draft.id)).toBe(draft.version);
  });
});

describe("operations", () => {
  it("names the data-center parties and the plan; a save against an old version is refused", async () => {
    const { actor } = await createConsortiumMember(client);
    const draft = await createProposal(client, actor, { title: "Compute campus", summary: "Summary", destinationCountryCode: "AE" });
    const base = { proposalId: draft.id, builderName: "Builder LLC", builderCountryCode: "AE", ownerName: null, ownerCountryCode: null, operatorName: null, operatorCountryCode: null, securityPlan: null };
    const { warnings } = await saveOperationsStep(client, actor, { ...base, expectedVersion: draft.version });
    expect(warnings.map((w) => w.message)).toEqual(["Name who is the data-center owner.", "Name who is the data-center operator.", "Describe the security and cybersecurity plan."]);
    expect(await client.party.findMany({ where: { proposalId: draft.id }, select: { role: true, name: true } })).toEqual([{ role: "DATA_CENTER_BUILDER", name: "Builder LLC" }]);
    await expect(saveOperationsStep(client, actor, { ...base, builderName: "Other LLC", expectedVersion: draft.version })).rejects.toBeInstanceOf(StaleVersionError);
    expect((await client.party.findFirstOrThrow({ where: { proposalId: draft.id } })).name).toBe("Builder LLC");
  });
});
