// Commerce's license review: the queue, one request, and the decision.
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { auditSnapshot, recordAudit } from "@/lib/audit";
import { NotFoundError, requireRecordId, RuleViolationError } from "@/lib/errors";
import { authorize, licenseRequestScope, proposalScope, type Actor } from "@/lib/policy";
import { pageWithin, readKeysetPage, type PageRequest } from "@/lib/pagination";
import { applyTransition } from "@/lib/proposals/service";
import { loadProgramSettings } from "@/lib/settings";
import type { LicenseDecisionInput } from "@/lib/schemas/decisions";
import type { LicenseQueueQuery } from "@/lib/schemas/licensing";
import { screeningBlockers } from "@/lib/screening/service";
import type { LicenseCondition } from "@/lib/schemas/decisions";
import { requireNoConflict } from "./conflicts";
import { groupsOf } from "./rules";
import { RULES_VERSION_SUMMARY, rulesVersion } from "./rules-versions";
import { isGranted } from "./status";

type ConditionTemplate = { kind: string; label: string; text: string };

/** The conditions with their templates' labels; a kind no template has is refused. */
export function describeConditions(list: readonly LicenseCondition[], templates: readonly ConditionTemplate[]) {
  return list.map((condition) => {
    if (condition.kind === "other") return { kind: "other", label: "Further condition", text: condition.text };
    const template = templates.find((t) => t.kind === condition.kind);
    if (!template) throw new RuleViolationError("A condition was picked from a template that no longer exists; reload the page.");
    return { kind: condition.kind, label: template.label, text: condition.text };
  });
}

/** The queue's orders, each read through an index ending in (key, id). */
const QUEUE_ORDERS = {
  // Oldest clock first: what is closest to the review target comes to the top.
  due: { key: "dueAt", order: "asc", idOrder: "asc" },
  oldest: { key: "registeredAt", order: "asc", idOrder: "asc" },
  newest: { key: "registeredAt", order: "desc", idOrder: "desc" },
} as const;

/** The queue's filters as a query: each one a column the indexes lead with, or a short EXISTS. */
export function licenseQueueWhere(actor: Actor, query: Omit<LicenseQueueQuery, "sort" | "after" | "before">, now = new Date()): Prisma.LicenseRequestWhereInput {
  const filters: Prisma.LicenseRequestWhereInput[] = [{ status: query.status }, licenseRequestScope(actor)];
  if (query.destination) filters.push({ destinationCountryCode: query.destination });
  if (query.eccn) filters.push({ items: { some: { lineItem: { eccnBase: query.eccn } } } });
  if (query.age) filters.push({ registeredAt: { lte: new Date(now.getTime() - Number(query.age) * 86_400_000) } });
  if (query.assigned === "me") filters.push({ assignedReviewerId: actor.userId });
  if (query.assigned === "none") filters.push({ assignedReviewerId: null });
  // Kept by triggers on the screening results (migration license_request_open_screening_hits).
  if (query.hits === "yes") filters.push({ hasOpenScreeningHits: true });
  return { AND: filters };
}

export async function licenseQueue(client: Db, actor: Actor, query: Partial<LicenseQueueQuery> & PageRequest = {}) {
  const { sort = "due", after, before, status = "PENDING", ...filters } = query;
  const scope = licenseQueueWhere(actor, { status, ...filters });
  const order = QUEUE_ORDERS[sort];
  const page = await readKeysetPage(
    order,
    { after, before },
    (keyset) =>
      client.licenseRequest.findMany({
        ...pageWithin(scope, keyset),
        include: {
          destination: { select: { name: true } },
          assignedReviewer: { select: { id: true, name: true } },
          proposal: { select: { id: true, reference: true, title: true, consortium: { select: { name: true } } } },
        },
      }),
    (row) => row[order.key],
  );
  const ids = page.rows.map((r) => r.id);
  // Count the controlled items and open screening hits of the visible rows only.
  const [counts, hits] = ids.length
    ? await Promise.all([
        client.licenseRequestItem.groupBy({ by: ["licenseRequestId"], where: { licenseRequestId: { in: ids } }, _count: { _all: true } }),
        client.screeningResult.groupBy({
          by: ["proposalId"],
          where: { proposalId: { in: page.rows.map((r) => r.proposalId) }, outcome: { in: ["POSSIBLE_MATCH", "CONFIRMED"] } },
          _count: { _all: true },
        }),
      ])
    : [[], []];
  const itemCount = new Map(counts.map((c) => [c.licenseRequestId, c._count._all]));
  const hitCount = new Map(hits.map((c) => [c.proposalId, c._count._all]));
  return { ...page, rows: page.rows.map((row) => ({ ...row, itemCount: itemCount.get(row.id) ?? 0, openHits: hitCount.get(row.proposalId) ?? 0 })) };
}

/** License requests waiting on a decision, for the dashboard: a count by status, no join. */
export async function pendingLicenseCount(client: Db, actor: Actor, take?: number) {
  return client.licenseRequest.count({ where: { status: "PENDING", ...licenseRequestScope(actor) }, take });
}

export async function getLicenseRequest(client: Db, actor: Actor, licenseRequestId: string) {
  authorize(actor, "license:read");
  requireRecordId(licenseRequestId, "License request");
  const request = await client.licenseRequest.findFirst({
    where: { id: licenseRequestId, proposal: proposalScope(actor) },
    include: {
      destination: { include: { groups: true } },
      rulesVersion: RULES_VERSION_SUMMARY,
      assignedReviewer: { select: { id: true, name: true } },
      proposal: {
        select: {
          id: true,
          reference: true,
          title: true,
          status: true,
          version: true,
          specificEndUse: true,
          securityPlan: true,
          consortium: { select: { name: true, memberships: { select: { isAnchor: true, organization: { select: { id: true, legalName: true, headquartersCountryCode: true } } } } } },
          parties: {
            orderBy: [{ role: "asc" }, { createdAt: "asc" }],
            include: { country: { select: { name: true } }, headquartersCountry: { select: { name: true } }, parentCountry: { select: { name: true } } },
          },
        },
      },
      items: { include: { lineItem: true } },
      decisions: { orderBy: { decidedAt: "desc" }, include: { decidedBy: { select: { name: true } } } },
    },
  });
  if (!request) throw new NotFoundError("License request");
  const [screenings, conflict, destinationGroups] = await Promise.all([
    client.screeningResult.findMany({
      where: { proposalId: request.proposal.id },
      orderBy: [{ topScore: "desc" }, { query: "asc" }],
      include: { reviewedBy: { select: { name: true } } },
    }),
    actor.role === "COMMERCE_REVIEWER"
      ? requireNoConflict(client, actor, request.proposal.id).then(
          () => null,
          (error: unknown) => (error instanceof Error ? error.message : String(error)),
        )
      : Promise.resolve(null),
    // The destination's groups under the rules the request was derived with (today's, for older requests).
    request.rulesVersionNumber !== null
      ? rulesVersion(client, request.rulesVersionNumber).then((version) => groupsOf(version.rules, request.destinationCountryCode))
      : Promise.resolve(request.destination.groups.map((g) => g.groupCode)),
  ]);
  return { ...request, screenings, conflict, destinationGroups };
}

/** Takes a pending request into the reviewer's own work ("assign to me"). */
export async function assignToMe(client: Db, actor: Actor, input: { licenseRequestId: string }) {
  authorize(actor, "license:decide");
  return client.$transaction(async (tx) => {
    const request = await tx.licenseRequest.findFirst({
      where: { id: input.licenseRequestId, proposal: proposalScope(actor, "license:decide") },
      include: { assignedReviewer: { select: { name: true } } },
    });
    if (!request) throw new NotFoundError("License request");
    if (request.status !== "PENDING") throw new RuleViolationError("This license request has already been decided.");
    await requireNoConflict(tx, actor, request.proposalId);
    const { count } = await tx.licenseRequest.updateMany({
      where: { id: request.id, status: "PENDING", assignedReviewerId: request.assignedReviewerId },
      data: { assignedReviewerId: actor.userId, assignedAt: new Date() },
    });
    if (count === 0) throw new RuleViolationError("Someone took this request a moment ago; reload the page.");
    await recordAudit(tx, actor, {
      action: "license.assigned",
      entityType: "LicenseRequest",
      entityId: request.id,
      proposalId: request.proposalId,
      before: { assignedTo: request.assignedReviewer?.name ?? null },
      after: { assignedTo: actor.name },
    });
  });
}

/** Records Commerce's decision; when the last required license is granted, financing review begins. */
export async function decideLicense(client: Db, actor: Actor, input: LicenseDecisionInput) {
  authorize(actor, "license:decide");
  return client.$transaction(async (tx) => {
    const request = await tx.licenseRequest.findFirst({
      where: { id: input.licenseRequestId, proposal: proposalScope(actor, "license:decide") },
      include: { proposal: { select: { id: true } } },
    });
    if (!request) throw new NotFoundError("License request");
    await requireNoConflict(tx, actor, request.proposal.id);
    // Lock the proposal: decisions on its licenses queue up, so the last one to be
    // granted always sees the others and moves the proposal on to financing.
    await tx.$queryRaw`SELECT id FROM "Proposal" WHERE id = ${request.proposal.id} FOR UPDATE`;
    const current = await tx.licenseRequest.findUniqueOrThrow({ where: { id: request.id } });
    const proposal = await tx.proposal.findUniqueOrThrow({ where: { id: request.proposal.id }, select: { id: true, status: true } });
    if (current.status !== "PENDING") throw new RuleViolationError("This license request has already been decided.");
    if (proposal.status !== "IN_LICENSE_REVIEW") {
      throw new RuleViolationError("The proposal is no longer in license review.");
    }
    const settings = await loadProgramSettings(tx);
    // A confirmed screening hit, or one no reviewer has looked at, stands in the way of any approval.
    if (input.outcome !== "DENIED" && input.outcome !== "RETURNED_WITHOUT_ACTION") {
      const blockers = await screeningBlockers(tx, request.proposal.id);
      if (blockers.length > 0) throw new RuleViolationError("The license can't be approved while screening hits stand:", blockers);
    }
    const conditionList = describeConditions(input.conditionList, settings["licensing.conditionTemplates"]);
    const now = new Date();
    const granted = isGranted(input.outcome);
    const expiresAt = granted ? new Date(Date.UTC(now.getUTCFullYear() + settings["licensing.validityYears"], now.getUTCMonth(), now.getUTCDate())) : null;
    const decision = await tx.licenseDecision.create({
      data: {
        licenseRequestId: request.id,
        outcome: input.outcome,
        reason: input.reason,
        conditions: conditionList.length > 0 ? conditionList.map((c) => `${c.label}: ${c.text}`).join("\n") : null,
        conditionList: conditionList.length > 0 ? conditionList : undefined,
        decidedById: actor.userId,
        decidedAt: now,
      },
    });
    await tx.licenseRequest.update({
      where: { id: request.id },
      data: {
        status: input.outcome,
        licenseNumber: granted ? `D${now.getUTCFullYear()}${decision.id.slice(-8).toUpperCase()}` : null,
        expiresAt,
      },
    });
    await recordAudit(tx, actor, {
      action: "license.decided",
      entityType: "LicenseRequest",
      entityId: request.id,
      proposalId: request.proposal.id,
      before: { status: current.status },
      after: auditSnapshot({ status: input.outcome, reason: input.reason, conditions: conditionList, expiresAt }),
    });
    const siblings = await tx.licenseRequest.findMany({ where: { proposalId: request.proposal.id }, select: { status: true } });
    if (siblings.every((sibling) => isGranted(sibling.status))) {
      await applyTransition(tx, null, proposal, "beginFinancingReview");
    }
    return decision;
  });
}
