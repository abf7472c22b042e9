// The builder's use cases: what a step page reads, and each step's save. Every
// save is a draft save (lib/proposals/drafts.ts): it locks the proposal in the
// actor's scope, refuses to undo what others saved since the user's version,
// changes, and records the audit event in one transaction; it answers with the
// strict schema's warnings, so a draft may stay incomplete but says what it still needs.
import type { Db, Tx } from "@/lib/db";
import { NotFoundError, RuleViolationError } from "@/lib/errors";
import { memberIneligibilities } from "@/lib/consortia/service";
import { seatAllows, type Actor } from "@/lib/policy";
import { loadProgramSettings, type ProgramSettings } from "@/lib/settings";
import { isEditable } from "@/lib/workflow";
import { DATA_CENTER_FIELDS, DATA_CENTER_ROLES, type OperationsInput, type OverviewInput, type UpdateLineItemInput } from "@/lib/schemas/builder";
import { builderGaps, stepStatuses, type Gap, type StepKey } from "./builder";
import { destinationIneligibility } from "./eligibility";
import { saveDraftStep } from "./drafts";
import { formatCents } from "@/lib/money";
import type { StepValues } from "./draft-changes";
import { getProposal, lineItemData, requireMemberSupplier, toBuilderProposal } from "./service";

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

/** The overview's fields as the conflict message names them. */
const OVERVIEW_LABELS = { title: "Title", summary: "Summary", destinations: "Destinations" };

/** Country codes shown by name in a conflict message. */
async function countryNames(tx: Tx) {
  const names = new Map((await tx.country.findMany({ select: { code: true, name: true } })).map((c) => [c.code, c.name]));
  return (field: string, value: string) => (/countr|destination/i.test(field) ? (names.get(value) ?? value) : value);
}

/**
 * The overview, as a draft step (lib/proposals/drafts.ts): refused when it would
 * undo what someone else saved since the user's version; answers the new version
 * and what the step still needs.
 */
export async function saveOverviewStep(client: Db, actor: Actor, input: OverviewInput) {
  const saved = await saveDraftStep(client, actor, {
    proposalId: input.proposalId,
    expectedVersion: input.expectedVersion,
    values: { title: input.title, summary: input.summary, destinations: input.destinationCountryCodes },
    labels: OVERVIEW_LABELS,
    names: countryNames,
    read: async (tx, proposal) => ({
      title: proposal.title,
      summary: proposal.summary,
      destinations: (await tx.proposalCountry.findMany({ where: { proposalId: proposal.id }, orderBy: { countryCode: "asc" } })).map((c) => c.countryCode),
    }),
    write: async (tx, proposal) => {
      const settings = await loadProgramSettings(tx);
      const countries = await tx.country.findMany({ where: { code: { in: input.destinationCountryCodes } }, include: { groups: true } });
      input.destinationCountryCodes.forEach((code, index) => {
        const country = countries.find((c) => c.code === code);
        const field = `destination${index}`;
        if (!country) throw new RuleViolationError("Choose a destination country from the list.", [], field);
        const reason = destinationIneligibility({ ...country, countryGroups: country.groups.map((g) => g.groupCode) }, settings);
        if (reason) throw new RuleViolationError(reason, [], field);
      });
      await tx.proposal.update({ where: { id: proposal.id }, data: { title: input.title, summary: input.summary } });
      await tx.proposalCountry.deleteMany({ where: { proposalId: proposal.id, countryCode: { notIn: input.destinationCountryCodes } } });
      await tx.proposalCountry.createMany({ data: input.destinationCountryCodes.map((countryCode) => ({ proposalId: proposal.id, countryCode })), skipDuplicates: true });
    },
    answer: (tx, proposal) => stepWarnings(tx, proposal.id, "overview"),
  });
  return { version: saved.version, savedAt: saved.savedAt, warnings: saved.answer };
}

const LINE_ITEM_LABELS: Record<string, string> = {
  layer: "Layer",
  description: "Description",
  supplierOrganizationId: "Supplying member",
  manufacturer: "Manufacturer",
  model: "Model",
  quantity: "Quantity",
  unitPriceCents: "Unit price",
  usContentBasisPoints: "US-origin content",
  eccn: "ECCN",
  totalProcessingPerformance: "Total processing performance (TPP)",
  performanceDensity: "Performance density",
  designedForDataCenter: "Designed or marketed for data centers",
};

/** A line item's columns as comparable text. */
function lineItemValues(item: ReturnType<typeof lineItemData>): StepValues {
  return Object.fromEntries(Object.entries(LINE_ITEM_LABELS).map(([field]) => {
    const value = item[field as keyof typeof item];
    return [field, value === null || value === undefined ? null : String(value)];
  }));
}

/**
 * Edits a line item, as a draft step whose fields are the item's: refused when
 * it would undo what someone else saved to this item since the user's version.
 */
export async function updateLineItemStep(client: Db, actor: Actor, input: UpdateLineItemInput) {
  const data = lineItemData(input);
  let position = 0;
  const saved = await saveDraftStep(client, actor, {
    proposalId: input.proposalId,
    expectedVersion: input.expectedVersion ?? null,
    entity: { type: "LineItem", id: input.lineItemId },
    action: "proposal.lineItemUpdated",
    values: lineItemValues(data),
    labels: LINE_ITEM_LABELS,
    read: async (tx, proposal) => {
      const before = await tx.lineItem.findFirst({ where: { id: input.lineItemId, proposalId: proposal.id } });
      if (!before) throw new NotFoundError("Line item");
      // A line item keeps its place in its layer; moved to another layer, it goes last there.
      position = data.layer === before.layer ? before.position : await tx.lineItem.count({ where: { proposalId: proposal.id, layer: data.layer } });
      return lineItemValues({ ...before, eccnBase: before.eccnBase });
    },
    write: async (tx, proposal) => {
      await requireMemberSupplier(tx, proposal.consortiumId, input.supplierOrganizationId);
      await tx.lineItem.update({ where: { id: input.lineItemId }, data: { ...data, position } });
    },
    names: async (tx, changes) => {
      const ids = changes.filter((c) => c.field === "supplierOrganizationId" && typeof c.to === "string").map((c) => c.to as string);
      const suppliers = new Map((await tx.organization.findMany({ where: { id: { in: ids } }, select: { id: true, legalName: true } })).map((o) => [o.id, o.legalName]));
      return (field, value) =>
        field === "unitPriceCents" && /^\d+$/.test(value)
          ? formatCents(BigInt(value))
          : field === "usContentBasisPoints"
            ? `${Number(value) / 100}%`
            : field === "supplierOrganizationId"
              ? (suppliers.get(value) ?? "another member")
              : value;
    },
    answer: (tx, proposal) => stepWarnings(tx, proposal.id, "package"),
  });
  return { version: saved.version, savedAt: saved.savedAt, warnings: saved.answer };
}

const OPERATIONS_LABELS: Record<string, string> = {
  securityPlan: "Security plan",
  builderName: "Data-center builder",
  builderCountryCode: "Builder's country",
  ownerName: "Data-center owner",
  ownerCountryCode: "Owner's country",
  operatorName: "Data-center operator",
  operatorCountryCode: "Operator's country",
};

/**
 * Operations: who builds, owns and operates the data centers (parties in those
 * roles, screened with the others at submission) and the security plan. A draft
 * step, as the overview.
 */
export async function saveOperationsStep(client: Db, actor: Actor, input: OperationsInput) {
  const values: StepValues = { securityPlan: input.securityPlan };
  for (const role of DATA_CENTER_ROLES) {
    const fields = DATA_CENTER_FIELDS[role];
    values[fields.name] = input[fields.name as keyof OperationsInput] as string | null;
    values[fields.country] = input[fields.country as keyof OperationsInput] as string | null;
  }
  const saved = await saveDraftStep(client, actor, {
    proposalId: input.proposalId,
    expectedVersion: input.expectedVersion,
    values,
    labels: OPERATIONS_LABELS,
    names: countryNames,
    read: async (tx, proposal) => {
      const parties = await tx.party.findMany({ where: { proposalId: proposal.id, role: { in: [...DATA_CENTER_ROLES] } }, orderBy: { createdAt: "asc" } });
      const current: StepValues = { securityPlan: proposal.securityPlan };
      for (const role of DATA_CENTER_ROLES) {
        const party = parties.find((p) => p.role === role);
        current[DATA_CENTER_FIELDS[role].name] = party?.name ?? null;
        current[DATA_CENTER_FIELDS[role].country] = party?.countryCode ?? null;
      }
      return current;
    },
    write: async (tx, proposal) => {
      const codes = DATA_CENTER_ROLES.map((role) => input[DATA_CENTER_FIELDS[role].country as keyof OperationsInput]).filter((c): c is string => typeof c === "string");
      const known = new Set((await tx.country.findMany({ where: { code: { in: codes } }, select: { code: true } })).map((c) => c.code));
      const existing = await tx.party.findMany({ where: { proposalId: proposal.id, role: { in: [...DATA_CENTER_ROLES] } } });
      await tx.proposal.update({ where: { id: proposal.id }, data: { securityPlan: input.securityPlan } });
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
          await tx.party.create({ data: { proposalId: proposal.id, role, name, countryCode, headquartersCountryCode: countryCode } });
        }
      }
    },
    answer: (tx, proposal) => stepWarnings(tx, proposal.id, "operations"),
  });
  return { version: saved.version, savedAt: saved.savedAt, warnings: saved.answer };
}

/** After a save elsewhere (a line item added, the ask saved): the step's remaining gaps. */
export async function warningsFor(client: Db, proposalId: string, step: StepKey) {
  return stepWarnings(client, proposalId, step);
}
