// The builder's use cases: what a step page reads, and each step's save. Every
// save locks the proposal in the actor's scope, refuses a stale version, changes,
// and records the audit event in one transaction; it answers with the strict
// schema's warnings, so a draft may stay incomplete but says what it still needs.
import type { Db, Tx } from "@/lib/db";
import { auditSnapshot, recordAudit } from "@/lib/audit";
import { NotFoundError, RuleViolationError } from "@/lib/errors";
import { memberIneligibilities } from "@/lib/consortia/service";
import { seatAllows, type Actor } from "@/lib/policy";
import { loadProgramSettings, type ProgramSettings } from "@/lib/settings";
import { isEditable } from "@/lib/workflow";
import { DATA_CENTER_FIELDS, DATA_CENTER_ROLES, type OperationsInput, type OverviewInput, type UpdateLineItemInput } from "@/lib/schemas/builder";
import { builderGaps, stepStatuses, type Gap, type StepKey } from "./builder";
import { destinationIneligibility } from "./eligibility";
import { bumpVersion, getProposal, lineItemData, lockProposal, requireEditable, requireMemberSupplier, toBuilderProposal } from "./service";

/** Everything a builder step page shows, from one scoped read of the proposal. */
export async function builderPageData(client: Db, actor: Actor, proposalId: string, settings: ProgramSettings) {
  const { proposal, seatRole } = await getProposal(client, actor, proposalId);
  const mayEdit = actor.role === "CONSORTIUM_MEMBER" && isEditable(proposal.status) && seatAllows(seatRole, "proposal:update");
  const builder = toBuilderProposal(proposal);
  const gaps = builderGaps(builder, settings);
  return { proposal, seatRole, mayEdit, gaps, steps: stepStatuses(builder, settings, gaps) };
}

/** The consortium's member organizations: who may supply a line item. */
export async function consortiumSuppliers(client: Db, consortiumId: string) {
  const memberships = await client.consortiumMembership.findMany({
    where: { consortiumId },
    select: { organization: { select: { id: true, legalName: true } } },
    orderBy: { organization: { legalName: "asc" } },
  });
  return memberships.map((m) => m.organization);
}

/** Problems with the consortium's members that block submission, for the review step. */
export function memberProblems(client: Db, consortiumId: string) {
  return memberIneligibilities(client, consortiumId);
}

/** What the step still needs before submission, after a save: its gaps as of now. */
async function stepWarnings(tx: Db | Tx, proposalId: string, step: StepKey): Promise<Gap[]> {
  const proposal = await tx.proposal.findUniqueOrThrow({
    where: { id: proposalId },
    include: { targetCountries: { include: { country: true } }, lineItems: true, parties: true, financingRequest: true },
  });
  return builderGaps(toBuilderProposal(proposal), await loadProgramSettings(tx)).filter((gap) => gap.step === step);
}

export async function saveOverview(client: Db, actor: Actor, input: OverviewInput) {
  return client.$transaction(async (tx) => {
    const before = await lockProposal(tx, actor, input.proposalId, "proposal:update");
    requireEditable(before.status);
    const settings = await loadProgramSettings(tx);
    const countries = await tx.country.findMany({ where: { code: { in: input.destinationCountryCodes } }, include: { groups: true } });
    input.destinationCountryCodes.forEach((code, index) => {
      const country = countries.find((c) => c.code === code);
      const field = `destination${index}`;
      if (!country) throw new RuleViolationError("Choose a destination country from the list.", [], field);
      const reason = destinationIneligibility({ ...country, countryGroups: country.groups.map((g) => g.groupCode) }, settings);
      if (reason) throw new RuleViolationError(reason, [], field);
    });
    const previous = await tx.proposalCountry.findMany({ where: { proposalId: before.id } });
    await bumpVersion(tx, before.id, input.expectedVersion, { title: input.title, summary: input.summary });
    await tx.proposalCountry.deleteMany({ where: { proposalId: before.id, countryCode: { notIn: input.destinationCountryCodes } } });
    await tx.proposalCountry.createMany({ data: input.destinationCountryCodes.map((countryCode) => ({ proposalId: before.id, countryCode })), skipDuplicates: true });
    await recordAudit(tx, actor, {
      action: "proposal.updated",
      entityType: "Proposal",
      entityId: before.id,
      proposalId: before.id,
      before: auditSnapshot({ title: before.title, summary: before.summary, destinations: previous.map((c) => c.countryCode) }),
      after: auditSnapshot({ title: input.title, summary: input.summary, destinations: input.destinationCountryCodes }),
    });
    return stepWarnings(tx, before.id, "overview");
  });
}

export async function updateLineItem(client: Db, actor: Actor, input: UpdateLineItemInput) {
  return client.$transaction(async (tx) => {
    const proposal = await lockProposal(tx, actor, input.proposalId, "proposal:update");
    requireEditable(proposal.status);
    const before = await tx.lineItem.findFirst({ where: { id: input.lineItemId, proposalId: proposal.id } });
    if (!before) throw new NotFoundError("Line item");
    await requireMemberSupplier(tx, proposal.consortiumId, input.supplierOrganizationId);
    await bumpVersion(tx, proposal.id, input.expectedVersion ?? null);
    const data = lineItemData(input);
    // A line item keeps its place in its layer; moved to another layer, it goes last there.
    const position = data.layer === before.layer ? before.position : await tx.lineItem.count({ where: { proposalId: proposal.id, layer: data.layer } });
    const item = await tx.lineItem.update({ where: { id: before.id }, data: { ...data, position } });
    await recordAudit(tx, actor, {
      action: "proposal.lineItemUpdated",
      entityType: "LineItem",
      entityId: item.id,
      proposalId: proposal.id,
      before: auditSnapshot(itemSnapshot(before)),
      after: auditSnapshot(itemSnapshot(item)),
    });
    return stepWarnings(tx, proposal.id, "package");
  });
}

function itemSnapshot(item: { layer: string; description: string; supplierOrganizationId: string | null; quantity: number; unitPriceCents: bigint; usContentBasisPoints: number; eccn: string | null }) {
  const { layer, description, supplierOrganizationId, quantity, unitPriceCents, usContentBasisPoints, eccn } = item;
  return { layer, description, supplierOrganizationId, quantity, unitPriceCents, usContentBasisPoints, eccn };
}

/**
 * Operations: who builds, owns and operates the data centers (parties in those
 * roles, screened with the others at submission) and the security plan.
 */
export async function saveOperations(client: Db, actor: Actor, input: OperationsInput) {
  return client.$transaction(async (tx) => {
    const before = await lockProposal(tx, actor, input.proposalId, "proposal:update");
    requireEditable(before.status);
    const codes = DATA_CENTER_ROLES.map((role) => input[DATA_CENTER_FIELDS[role].country as keyof OperationsInput]).filter((c): c is string => typeof c === "string");
    const known = new Set((await tx.country.findMany({ where: { code: { in: codes } }, select: { code: true } })).map((c) => c.code));
    const existing = await tx.party.findMany({ where: { proposalId: before.id, role: { in: [...DATA_CENTER_ROLES] } } });
    await bumpVersion(tx, before.id, input.expectedVersion, { securityPlan: input.securityPlan });
    for (const role of DATA_CENTER_ROLES) {
      const fields = DATA_CENTER_FIELDS[role];
      const name = input[fields.name as keyof OperationsInput] as string | null;
      const countryCode = input[fields.country as keyof OperationsInput] as string | null;
      if (countryCode && !known.has(countryCode)) throw new RuleViolationError("Choose a country from the list.", [], fields.country);
      const current = existing.filter((party) => party.role === role);
      if (!name || !countryCode) {
        if (current.length > 0) await tx.party.deleteMany({ where: { id: { in: current.map((p) => p.id) } } });
      } else if (current[0]) {
        await tx.party.update({ where: { id: current[0].id }, data: { name, countryCode, headquartersCountryCode: countryCode } });
      } else {
        await tx.party.create({ data: { proposalId: before.id, role, name, countryCode, headquartersCountryCode: countryCode } });
      }
    }
    await recordAudit(tx, actor, {
      action: "proposal.updated",
      entityType: "Proposal",
      entityId: before.id,
      proposalId: before.id,
      before: auditSnapshot({ securityPlan: before.securityPlan, dataCenterParties: existing.map((p) => ({ role: p.role, name: p.name, countryCode: p.countryCode })) }),
      after: auditSnapshot({
        securityPlan: input.securityPlan,
        dataCenterParties: DATA_CENTER_ROLES.map((role) => ({ role, name: input[DATA_CENTER_FIELDS[role].name as keyof OperationsInput], countryCode: input[DATA_CENTER_FIELDS[role].country as keyof OperationsInput] })),
      }),
    });
    return stepWarnings(tx, before.id, "operations");
  });
}

/** After a save elsewhere (a line item added, the ask saved): the step's remaining gaps. */
export async function warningsFor(client: Db, proposalId: string, step: StepKey) {
  return stepWarnings(client, proposalId, step);
}
