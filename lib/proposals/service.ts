// Proposal use cases. Each one: load within the actor's scope, check the rules,
// change, and record the audit event, all in one transaction.
import type { Db, Tx } from "@/lib/db";
import type { ProposalStatus } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { auditSnapshot, recordAudit } from "@/lib/audit";
import { ForbiddenError, NotFoundError, requireRecordId, RuleViolationError, StaleVersionError } from "@/lib/errors";
import { memberIneligibilities } from "@/lib/consortia/service";
import { determineLicenses } from "@/lib/licensing/determination";
import { countryUnder } from "@/lib/licensing/rules";
import { rulesInForce } from "@/lib/licensing/rules-versions";
import { requireEccn } from "@/lib/licensing/eccn";
import { requestScreening } from "@/lib/screening/jobs";
import { proposalScope, seatAllows, type Actor, type Permission } from "@/lib/policy";
import { loadProgramSettings, type ProgramSettings } from "@/lib/settings";
import { lockExposureCap, releaseProposalDraws } from "@/lib/exposure-cap/service";
import { isEditable, transition, type WorkflowEvent } from "@/lib/workflow";
import { builderGaps, stepStatuses, type BuilderProposal } from "./builder";
import { destinationIneligibility } from "./eligibility";
import { saveDraftStep } from "./drafts";
import { OBLIGOR_SECTOR_LABELS, PRODUCT_LABELS } from "@/lib/financing/labels";
import { formatCents } from "@/lib/money";
import { nextProposalReference } from "./reference";
import { buildSnapshot } from "./snapshot";
import { versionContext } from "./versions";
import { pageWithin, readKeysetPage, type PageRequest } from "@/lib/pagination";
import type { FinancingRequestInput, LineItemInput, ProposalDetailsInput } from "@/lib/schemas/proposal";

/** A proposal as its pages and the JSON route show it. */
const proposalView = {
  consortium: { select: { id: true, name: true } },
  targetCountries: { include: { country: true } },
  lineItems: { orderBy: [{ layer: "asc" }, { position: "asc" }, { createdAt: "asc" }] },
  parties: { orderBy: [{ role: "asc" }, { createdAt: "asc" }], include: { country: { select: { name: true } } } },
  financingRequest: { include: { decisions: { orderBy: { decidedAt: "desc" } } } },
  licenseRequests: {
    include: { destination: { select: { code: true, name: true } }, decisions: { orderBy: { decidedAt: "desc" } }, items: true },
    orderBy: { registeredAt: "asc" },
  },
} satisfies Prisma.ProposalInclude;

/** What submission needs besides: the destinations' country groups, for the license determination... */
const proposalDetail = {
  ...proposalView,
  targetCountries: { include: { country: { include: { groups: true } } } },
  // ...and what the frozen snapshot names besides: each item's supplier.
  lineItems: { orderBy: [{ layer: "asc" }, { position: "asc" }, { createdAt: "asc" }], include: { supplier: { select: { legalName: true } } } },
  // ...and where the parties are headquartered and owned from, for the worldwide rule.
  parties: {
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
    include: { country: { select: { name: true } }, headquartersCountry: { include: { groups: true } }, parentCountry: { include: { groups: true } } },
  },
  // ...and the attachments, so the frozen snapshot names each file and its SHA-256.
  documents: {
    where: { removedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, fileName: true, contentType: true, sizeBytes: true, sha256: true, kind: true },
  },
} satisfies Prisma.ProposalInclude;

export type ProposalView = Prisma.ProposalGetPayload<{ include: typeof proposalView }>;
export type ProposalDetail = Prisma.ProposalGetPayload<{ include: typeof proposalDetail }>;

/** What every list of proposals shows of each one. */
export const PROPOSAL_ROW = { id: true, reference: true, title: true, consortium: { select: { name: true } } } satisfies Prisma.ProposalSelect;
export const DESTINATION_NAMES = { select: { country: { select: { name: true } } } } satisfies Prisma.Proposal$targetCountriesArgs;

/** The list's order: most recently changed first, read through (updatedAt DESC, id). */
const PROPOSAL_LIST_ORDER = { key: "updatedAt", order: "desc", idOrder: "asc" } as const;

export async function listProposals(client: Db, actor: Actor, { status, ...request }: PageRequest & { status?: ProposalStatus }) {
  const scope: Prisma.ProposalWhereInput = { AND: [proposalScope(actor), status ? { status } : {}] };
  return readKeysetPage(
    PROPOSAL_LIST_ORDER,
    request,
    (page) =>
      client.proposal.findMany({
        ...pageWithin(scope, page),
        select: { ...PROPOSAL_ROW, status: true, updatedAt: true, submittedAt: true, targetCountries: DESTINATION_NAMES },
      }),
    (row) => row.updatedAt,
  );
}

/** The proposal as the actor may see it, with their seat in its consortium; 404 otherwise. */
export async function getProposal(client: Db, actor: Actor, proposalId: string) {
  requireRecordId(proposalId, "Proposal");
  const proposal = await client.proposal.findFirst({
    where: { AND: [{ id: proposalId }, proposalScope(actor)] },
    include: proposalView,
  });
  if (!proposal) throw new NotFoundError("Proposal");
  const seat =
    actor.role === "CONSORTIUM_MEMBER"
      ? await client.consortiumUser.findUnique({
          where: { consortiumId_userId: { consortiumId: proposal.consortiumId, userId: actor.userId } },
        })
      : null;
  return { proposal, seatRole: seat?.seatRole ?? null };
}

/** Consortia in which the actor may start a proposal. */
export async function consortiaForNewProposal(client: Db | Tx, actor: Actor) {
  if (actor.role !== "CONSORTIUM_MEMBER") return [];
  return client.consortium.findMany({
    where: { users: { some: { userId: actor.userId, seatRole: { in: ["LEAD", "CONTRIBUTOR"] } } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

/** The countries a proposal may name as its destination, by name. */
export async function destinationCountries(client: Db, programSettings?: ProgramSettings) {
  const [countries, settings] = await Promise.all([
    client.country.findMany({ orderBy: { name: "asc" }, include: { groups: true } }),
    programSettings ?? loadProgramSettings(client),
  ]);
  return countries
    .filter((country) => destinationIneligibility({ ...country, countryGroups: country.groups.map((g) => g.groupCode) }, settings) === null)
    .map(({ code, name }) => ({ code, name }));
}

/** Every country, by name: where parties are located and headquartered. */
export async function allCountries(client: Db) {
  return client.country.findMany({ orderBy: { name: "asc" }, select: { code: true, name: true } });
}

/**
 * Everything the proposal page shows, from one scoped read of the proposal: its
 * history is read by the id already authorized; for a draft the editor may
 * change, the builder's steps and their completeness.
 */
export async function proposalPageData(client: Db, actor: Actor, proposalId: string, settings: ProgramSettings) {
  const { proposal, seatRole } = await getProposal(client, actor, proposalId);
  const mayEdit = actor.role === "CONSORTIUM_MEMBER" && isEditable(proposal.status) && seatAllows(seatRole, "proposal:update");
  const [history, versions] = await Promise.all([
    auditTrail(client, proposal.id),
    versionContext(client, proposal.id, { submitted: proposal.submittedAt !== null, returned: proposal.status === "RETURNED_FOR_REVISION" }),
  ]);
  const steps = mayEdit ? stepStatuses(toBuilderProposal(proposal), settings) : null;
  return { proposal, seatRole, mayEdit, history, steps, versions };
}

/**
 * Loads and locks a proposal for a change, within the actor's scope for the
 * permission. Consortium staff whose seat can't do this are told so; rows they
 * can't see at all answer 404.
 */
export async function lockProposal(tx: Tx, actor: Actor, proposalId: string, permission: Permission) {
  const proposal = await tx.proposal.findFirst({
    where: { AND: [{ id: proposalId }, proposalScope(actor, "proposal:read")] },
  });
  if (!proposal) throw new NotFoundError("Proposal");
  if (actor.role === "CONSORTIUM_MEMBER") {
    const seat = await tx.consortiumUser.findUnique({
      where: { consortiumId_userId: { consortiumId: proposal.consortiumId, userId: actor.userId } },
    });
    if (!seatAllows(seat?.seatRole ?? null, permission)) {
      throw new ForbiddenError("Your seat in this consortium may read this proposal but not change it.");
    }
  } else {
    proposalScope(actor, permission);
  }
  // Row lock: concurrent changes to one proposal queue up instead of interleaving.
  await tx.$queryRaw`SELECT id FROM "Proposal" WHERE id = ${proposalId} FOR UPDATE`;
  return proposal;
}

export function requireEditable(status: ProposalStatus) {
  if (!isEditable(status)) {
    throw new RuleViolationError("This proposal has been submitted; it can be changed only if it is returned for revision.");
  }
}

/**
 * A change to a draft: lock it in the actor's scope for editing, refuse unless it
 * is editable, run the change, then bump the version; all in one transaction.
 */
export async function changeDraft<T>(
  client: Db,
  actor: Actor,
  proposalId: string,
  change: (tx: Tx, proposal: Awaited<ReturnType<typeof lockProposal>>) => Promise<T>,
  data: Prisma.ProposalUpdateManyMutationInput = {},
): Promise<T> {
  return client.$transaction(async (tx) => {
    const proposal = await lockProposal(tx, actor, proposalId, "proposal:update");
    requireEditable(proposal.status);
    const result = await change(tx, proposal);
    await bumpVersion(tx, proposal.id, null, data);
    return result;
  });
}

/** Bumps the version, refusing when someone else changed the proposal first. */
export async function bumpVersion(tx: Tx, proposalId: string, expectedVersion: number | null, data: Prisma.ProposalUpdateManyMutationInput = {}) {
  const { count } = await tx.proposal.updateMany({
    where: { id: proposalId, ...(expectedVersion === null ? {} : { version: expectedVersion }) },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw new StaleVersionError();
}

async function requireEligibleDestination(tx: Tx, code: string) {
  const country = await tx.country.findUnique({ where: { code }, include: { groups: true } });
  if (!country) throw new RuleViolationError("Choose a destination country from the list.", [], "destinationCountryCode");
  const reason = destinationIneligibility({ ...country, countryGroups: country.groups.map((g) => g.groupCode) }, await loadProgramSettings(tx));
  if (reason) throw new RuleViolationError(reason, [], "destinationCountryCode");
  return country;
}

export async function createProposal(client: Db, actor: Actor, input: ProposalDetailsInput & { consortiumId?: string | null }) {
  proposalScope(actor, "proposal:create");
  return client.$transaction(async (tx) => {
    const consortia = await consortiaForNewProposal(tx, actor);
    const consortium = input.consortiumId ? consortia.find((c) => c.id === input.consortiumId) : consortia.length === 1 ? consortia[0] : undefined;
    if (!consortium) throw new RuleViolationError("Choose the consortium that files this proposal.");
    await requireEligibleDestination(tx, input.destinationCountryCode);
    const reference = await nextProposalReference(tx);
    const proposal = await tx.proposal.create({
      data: {
        reference,
        consortiumId: consortium.id,
        title: input.title,
        summary: input.summary,
        createdById: actor.userId,
        targetCountries: { create: [{ countryCode: input.destinationCountryCode }] },
      },
    });
    await recordAudit(tx, actor, {
      action: "proposal.created",
      entityType: "Proposal",
      entityId: proposal.id,
      proposalId: proposal.id,
      after: auditSnapshot({ reference, title: input.title, destination: input.destinationCountryCode, status: proposal.status }),
    });
    return proposal;
  });
}

/** A line item as the builder saves it: the supplying member and the version the user saw are optional. */
export type SavedLineItemInput = LineItemInput & { supplierOrganizationId?: string | null; expectedVersion?: number };

/** The columns of a line item from its input; hardware's classification fields only for hardware. */
export function lineItemData(input: SavedLineItemInput) {
  const hardware = input.layer === "HARDWARE";
  const eccn = hardware ? input.eccn : null;
  return {
    layer: input.layer,
    description: input.description,
    supplierOrganizationId: input.supplierOrganizationId ?? null,
    manufacturer: input.manufacturer,
    model: input.model,
    quantity: input.quantity,
    unitPriceCents: input.unitPrice,
    usContentBasisPoints: input.usContent,
    eccn,
    eccnBase: eccn === null ? null : requireEccn(eccn).base,
    totalProcessingPerformance: hardware ? input.totalProcessingPerformance : null,
    performanceDensity: hardware && input.performanceDensity !== null ? new Prisma.Decimal(input.performanceDensity) : null,
    designedForDataCenter: hardware ? input.designedForDataCenter : null,
  };
}

/** The supplying member must be one of the consortium's member organizations. */
export async function requireMemberSupplier(tx: Tx, consortiumId: string, organizationId: string | null | undefined) {
  if (!organizationId) return;
  const membership = await tx.consortiumMembership.findUnique({ where: { consortiumId_organizationId: { consortiumId, organizationId } } });
  if (!membership) throw new RuleViolationError("Choose a member organization of the consortium.", [], "supplierOrganizationId");
}

export async function addLineItem(client: Db, actor: Actor, input: SavedLineItemInput) {
  return client.$transaction(async (tx) => {
    const proposal = await lockProposal(tx, actor, input.proposalId, "proposal:update");
    requireEditable(proposal.status);
    await requireMemberSupplier(tx, proposal.consortiumId, input.supplierOrganizationId);
    const position = await tx.lineItem.count({ where: { proposalId: proposal.id, layer: input.layer } });
    const item = await tx.lineItem.create({ data: { proposalId: proposal.id, ...lineItemData(input), position } });
    await bumpVersion(tx, proposal.id, input.expectedVersion ?? null);
    await recordAudit(tx, actor, {
      action: "proposal.lineItemAdded",
      entityType: "LineItem",
      entityId: item.id,
      proposalId: proposal.id,
      after: auditSnapshot({ layer: item.layer, description: item.description, quantity: item.quantity, unitPriceCents: item.unitPriceCents, usContentBasisPoints: item.usContentBasisPoints, eccn: item.eccn }),
    });
    return item;
  });
}

export async function removeLineItem(client: Db, actor: Actor, input: { proposalId: string; lineItemId: string }) {
  return client.$transaction(async (tx) => {
    const proposal = await lockProposal(tx, actor, input.proposalId, "proposal:update");
    requireEditable(proposal.status);
    const item = await tx.lineItem.findFirst({ where: { id: input.lineItemId, proposalId: proposal.id } });
    if (!item) throw new NotFoundError("Line item");
    await tx.lineItem.delete({ where: { id: item.id } });
    await bumpVersion(tx, proposal.id, null);
    await recordAudit(tx, actor, {
      action: "proposal.lineItemRemoved",
      entityType: "LineItem",
      entityId: item.id,
      proposalId: proposal.id,
      before: auditSnapshot({ layer: item.layer, description: item.description, quantity: item.quantity, unitPriceCents: item.unitPriceCents }),
    });
  });
}

const FINANCING_LABELS = {
  product: "Financing product",
  requestedAmount: "Amount requested",
  eligibleForeignContent: "Eligible foreign content",
  localCosts: "Local costs",
  repaymentYears: "Repayment term (years)",
  obligorSector: "Obligor's sector",
};

/**
 * The financing ask, as a draft step (lib/proposals/drafts.ts): refused when it
 * would undo what someone else saved since the user's version.
 */
export async function saveFinancingRequest(client: Db, actor: Actor, input: FinancingRequestInput & { expectedVersion?: number }) {
  const data = {
    product: input.product,
    requestedAmountCents: input.requestedAmount,
    eligibleForeignContentCents: input.eligibleForeignContent,
    localCostsCents: input.localCosts,
    repaymentYears: input.repaymentYears,
    obligorSector: input.obligorSector,
  };
  const valuesOf = (ask: typeof data | null) => ({
    product: ask?.product ?? null,
    requestedAmount: ask ? String(ask.requestedAmountCents) : null,
    eligibleForeignContent: ask ? String(ask.eligibleForeignContentCents) : null,
    localCosts: ask ? String(ask.localCostsCents) : null,
    repaymentYears: ask ? String(ask.repaymentYears) : null,
    obligorSector: ask?.obligorSector ?? null,
  });
  const { version, savedAt } = await saveDraftStep(client, actor, {
    proposalId: input.proposalId,
    expectedVersion: input.expectedVersion ?? null,
    entity: { type: "FinancingRequest" },
    action: "proposal.financingRequested",
    values: valuesOf(data),
    labels: FINANCING_LABELS,
    read: async (tx, proposal) => valuesOf(await tx.financingRequest.findUnique({ where: { proposalId: proposal.id } })),
    write: async (tx, proposal) => {
      const saved = await tx.financingRequest.upsert({ where: { proposalId: proposal.id }, create: { proposalId: proposal.id, ...data }, update: data });
      return saved.id;
    },
    names: async () => (field, value) =>
      field === "product"
        ? (PRODUCT_LABELS[value as keyof typeof PRODUCT_LABELS] ?? value)
        : field === "obligorSector"
          ? (OBLIGOR_SECTOR_LABELS[value as keyof typeof OBLIGOR_SECTOR_LABELS] ?? value)
          : /Amount|Content|Costs/.test(field) && /^\d+$/.test(value)
            ? formatCents(BigInt(value))
            : value,
  });
  return { version, savedAt };
}

/** Moves a proposal through the state machine and records it; the one way a status changes. */
export async function applyTransition(
  tx: Tx,
  actor: Actor | null,
  proposal: { id: string; status: ProposalStatus },
  event: WorkflowEvent,
  data: Prisma.ProposalUpdateManyMutationInput = {},
  /** Why, when the person gave a reason (a return for revision, a withdrawal): kept with the event. */
  reason?: string | null,
) {
  const result = transition(proposal.status, event, actor?.role ?? "SYSTEM");
  if (!result.ok) throw new RuleViolationError(result.reason);
  await tx.proposal.update({ where: { id: proposal.id }, data: { ...data, status: result.to } });
  await recordAudit(tx, actor, {
    action: "proposal.transitioned",
    entityType: "Proposal",
    entityId: proposal.id,
    proposalId: proposal.id,
    before: { status: result.from },
    after: { status: result.to, event, ...(reason ? { reason } : {}) },
  });
  return result.to;
}

/** What the builder reads of a loaded proposal (lib/proposals/builder.ts). */
export function toBuilderProposal(
  proposal: Pick<ProposalView, "id" | "title" | "summary" | "targetCountries" | "lineItems" | "specificEndUse" | "securityPlan"> & {
    parties: ReadonlyArray<{ role: ProposalView["parties"][number]["role"] }>;
    financingRequest: BuilderProposal["financing"];
  },
): BuilderProposal {
  return {
    id: proposal.id,
    title: proposal.title,
    summary: proposal.summary,
    destinations: proposal.targetCountries.map((c) => ({ code: c.countryCode, isHighIncomeOecd: c.country.isHighIncomeOecd })),
    lineItems: proposal.lineItems,
    partyRoles: proposal.parties.map((party) => party.role),
    specificEndUse: proposal.specificEndUse,
    securityPlan: proposal.securityPlan,
    financing: proposal.financingRequest,
  };
}

/**
 * Every gap that blocks submission: the strict step schemas and the program's
 * rules (lib/proposals/builder.ts). Submission enforces it; the review step shows it.
 */
export function submissionChecklist(proposal: ProposalView, settings: ProgramSettings): string[] {
  return builderGaps(toBuilderProposal(proposal), settings).map((gap) => gap.message);
}

/**
 * Submits a proposal: checks completeness, freezes a snapshot, derives the license
 * requests the package needs, and moves it on to license or financing review.
 */
export async function submitProposal(client: Db, actor: Actor, input: { proposalId: string; expectedVersion: number }) {
  const status = await submitInTransaction(client, actor, input);
  // Every party and member organization is screened by a job, once the submission is committed.
  await requestScreening(client, input.proposalId);
  return status;
}

async function submitInTransaction(client: Db, actor: Actor, input: { proposalId: string; expectedVersion: number }) {
  return client.$transaction(async (tx) => {
    const locked = await lockProposal(tx, actor, input.proposalId, "proposal:submit");
    const allowed = transition(locked.status, "submit", actor.role);
    if (!allowed.ok) throw new RuleViolationError(allowed.reason);
    const proposal = await tx.proposal.findUniqueOrThrow({ where: { id: locked.id }, include: proposalDetail });
    const settings = await loadProgramSettings(tx);
    const problems = [...submissionChecklist(proposal, settings), ...(await memberIneligibilities(tx, proposal.consortiumId))];
    if (problems.length > 0) throw new RuleViolationError("The proposal can't be submitted yet:", problems);
    await bumpVersion(tx, proposal.id, input.expectedVersion);
    const now = new Date();
    // The proposal's row lock (lockProposal) serializes submissions: the next number is free.
    const last = await tx.proposalSubmission.findFirst({ where: { proposalId: proposal.id }, orderBy: { number: "desc" }, select: { number: true } });
    await tx.proposalSubmission.create({
      data: {
        proposalId: proposal.id,
        version: input.expectedVersion + 1,
        number: (last?.number ?? 0) + 1,
        submittedById: actor.userId,
        submittedAt: now,
        snapshot: buildSnapshot(proposal) as unknown as Prisma.InputJsonValue,
      },
    });
    await applyTransition(tx, actor, proposal, "submit", { submittedAt: now });

    // The export-control rules in force now; each request records their version.
    const { number: rulesVersionNumber, rules } = await rulesInForce(tx, now);
    const asCountry = (country: { code: string; name: string }) => countryUnder(rules, country);
    const destinations = proposal.targetCountries.map(({ country }) => asCountry(country));
    const parties = proposal.parties.map((party) => ({
      role: party.role,
      name: party.name,
      headquartersCountry: party.headquartersCountry ? asCountry(party.headquartersCountry) : null,
      parentName: party.parentName,
      parentCountry: party.parentCountry ? asCountry(party.parentCountry) : null,
    }));
    const determinations = determineLicenses(
      proposal.lineItems.map((item) => ({
        id: item.id,
        description: item.description,
        eccn: item.eccn,
        totalProcessingPerformance: item.totalProcessingPerformance,
        performanceDensity: item.performanceDensity === null ? null : item.performanceDensity.toNumber(),
      })),
      destinations,
      rules,
      parties,
    );
    const required = determinations.filter((d) => d.licenseRequired);
    const dueAt = new Date(now.getTime() + settings["licensing.reviewTargetDays"] * 86_400_000);
    // A resubmission replaces requests still pending; decided ones stay on record.
    await tx.licenseRequest.deleteMany({ where: { proposalId: proposal.id, status: "PENDING" } });
    for (const determination of required) {
      const request = await tx.licenseRequest.upsert({
        where: { proposalId_destinationCountryCode: { proposalId: proposal.id, destinationCountryCode: determination.countryCode } },
        create: {
          proposalId: proposal.id,
          destinationCountryCode: determination.countryCode,
          determinationReason: determination.reason,
          determinationReasons: determination.reasons,
          rulesVersionNumber,
          registeredAt: now,
          dueAt,
          items: { create: determination.controlledItemIds.map((lineItemId) => ({ lineItemId })) },
        },
        update: {},
      });
      await recordAudit(tx, null, {
        action: "license.requested",
        entityType: "LicenseRequest",
        entityId: request.id,
        proposalId: proposal.id,
        after: auditSnapshot({ destination: determination.countryCode, reasons: determination.reasons, rulesVersion: rulesVersionNumber, dueAt }),
      });
    }
    const submitted = { id: proposal.id, status: "SUBMITTED" as const };
    return required.length > 0
      ? applyTransition(tx, null, submitted, "beginLicenseReview")
      : applyTransition(tx, null, submitted, "beginFinancingReview");
    // A submission does the most work of any change (snapshot, determination, one
    // request per destination): give it room on a busy server rather than fail it.
  }, { timeout: 20_000 });
}

export async function withdrawProposal(client: Db, actor: Actor, input: { proposalId: string; expectedVersion: number; reason?: string | null }) {
  return client.$transaction(async (tx) => {
    const proposal = await lockProposal(tx, actor, input.proposalId, "proposal:withdraw");
    await bumpVersion(tx, proposal.id, input.expectedVersion);
    const allowed = transition(proposal.status, "withdraw", actor.role);
    if (!allowed.ok) throw new RuleViolationError(allowed.reason);
    // Reviewers stop work on it: once submitted, they are told why.
    if (proposal.submittedAt && proposal.status !== "APPROVED" && !input.reason) {
      throw new RuleViolationError("Give the reason for withdrawing: the reviewers see it.", [], "reason");
    }
    // A withdrawal after the final commitment releases its draw on the cap: the
    // same lock as every draw, taken after the proposal's row as they do.
    if (proposal.status === "APPROVED") {
      if (!input.reason) throw new RuleViolationError("Give the reason for withdrawing a committed proposal.", [], "reason");
      await lockExposureCap(tx, (await loadProgramSettings(tx))["exposureCap.lockWaitMilliseconds"]);
    }
    const to = await applyTransition(tx, actor, proposal, "withdraw", proposal.status === "APPROVED" ? { publishedAt: null } : {}, input.reason);
    if (proposal.status === "APPROVED") {
      const request = await tx.financingRequest.update({ where: { proposalId: proposal.id }, data: { status: "WITHDRAWN" } });
      await releaseProposalDraws(tx, actor, proposal.id, `Withdrawn by the consortium after the final commitment: ${input.reason}`);
      await recordAudit(tx, actor, {
        action: "proposal.financingRequested",
        entityType: "FinancingRequest",
        entityId: request.id,
        proposalId: proposal.id,
        after: auditSnapshot({ status: "WITHDRAWN", reason: input.reason }),
      });
    }
    return to;
  });
}

function auditTrail(client: Db, proposalId: string) {
  return client.auditEvent.findMany({
    where: { proposalId },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: 200,
    include: { actor: { select: { name: true } } },
  });
}

/** The proposal's history, newest first, as the actor may see it. */
export async function proposalHistory(client: Db, actor: Actor, proposalId: string) {
  requireRecordId(proposalId, "Proposal");
  const visible = await client.proposal.findFirst({ where: { AND: [{ id: proposalId }, proposalScope(actor)] }, select: { id: true } });
  if (!visible) throw new NotFoundError("Proposal");
  return auditTrail(client, visible.id);
}
