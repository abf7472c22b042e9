// Commerce's license review: the queue, one request, and the decision.
import type { Db } from "@/lib/db";
import type { LicenseRequestStatus } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { auditSnapshot, recordAudit } from "@/lib/audit";
import { NotFoundError, requireRecordId, RuleViolationError } from "@/lib/errors";
import { authorize, licenseRequestScope, proposalScope, type Actor } from "@/lib/policy";
import { pageWithin, readKeysetPage, type PageRequest } from "@/lib/pagination";
import { applyTransition } from "@/lib/proposals/service";
import { loadProgramSettings } from "@/lib/settings";
import type { LicenseDecisionInput } from "@/lib/schemas/decisions";
import { isGranted } from "./status";

/** Oldest clock first: what is closest to the review target comes to the top. */
const LICENSE_QUEUE_ORDER = { key: "dueAt", order: "asc", idOrder: "asc" } as const;

export async function licenseQueue(client: Db, actor: Actor, { status = "PENDING", ...request }: PageRequest & { status?: LicenseRequestStatus }) {
  const scope: Prisma.LicenseRequestWhereInput = { status, ...licenseRequestScope(actor) };
  const page = await readKeysetPage(
    LICENSE_QUEUE_ORDER,
    request,
    (keyset) =>
      client.licenseRequest.findMany({
        ...pageWithin(scope, keyset),
        include: {
          destination: { select: { name: true } },
          proposal: { select: { id: true, reference: true, title: true, consortium: { select: { name: true } } } },
        },
      }),
    (row) => row.dueAt,
  );
  // Count the controlled items of the visible rows only, through the item table's key.
  const counts = page.rows.length
    ? await client.licenseRequestItem.groupBy({ by: ["licenseRequestId"], where: { licenseRequestId: { in: page.rows.map((r) => r.id) } }, _count: { _all: true } })
    : [];
  const itemCount = new Map(counts.map((c) => [c.licenseRequestId, c._count._all]));
  return { ...page, rows: page.rows.map((row) => ({ ...row, itemCount: itemCount.get(row.id) ?? 0 })) };
}

/** License requests waiting on a decision, for the dashboard: a count by status, no join. */
export async function pendingLicenseCount(client: Db, actor: Actor) {
  return client.licenseRequest.count({ where: { status: "PENDING", ...licenseRequestScope(actor) } });
}

export async function getLicenseRequest(client: Db, actor: Actor, licenseRequestId: string) {
  authorize(actor, "license:read");
  requireRecordId(licenseRequestId, "License request");
  const request = await client.licenseRequest.findFirst({
    where: { id: licenseRequestId, proposal: proposalScope(actor) },
    include: {
      destination: { include: { groups: true } },
      proposal: { select: { id: true, reference: true, title: true, status: true, consortium: { select: { name: true } } } },
      items: { include: { lineItem: true } },
      decisions: { orderBy: { decidedAt: "desc" }, include: { decidedBy: { select: { name: true } } } },
    },
  });
  if (!request) throw new NotFoundError("License request");
  return request;
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
    const now = new Date();
    const granted = isGranted(input.outcome);
    const expiresAt = granted ? new Date(Date.UTC(now.getUTCFullYear() + settings["licensing.validityYears"], now.getUTCMonth(), now.getUTCDate())) : null;
    const decision = await tx.licenseDecision.create({
      data: {
        licenseRequestId: request.id,
        outcome: input.outcome,
        reason: input.reason,
        conditions: input.outcome === "APPROVED_WITH_CONDITIONS" || input.outcome === "PARTIALLY_APPROVED" ? (input.conditions ?? null) : null,
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
      after: auditSnapshot({ status: input.outcome, reason: input.reason, conditions: input.conditions ?? null, expiresAt }),
    });
    const siblings = await tx.licenseRequest.findMany({ where: { proposalId: request.proposal.id }, select: { status: true } });
    if (siblings.every((sibling) => isGranted(sibling.status))) {
      await applyTransition(tx, null, proposal, "beginFinancingReview");
    }
    return decision;
  });
}
