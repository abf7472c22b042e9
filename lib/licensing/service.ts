// Commerce's license review: the queue, one request, and the decision.
import type { Db } from "@/lib/db";
import type { LicenseRequestStatus } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { auditSnapshot, recordAudit } from "@/lib/audit";
import { NotFoundError, requireRecordId, RuleViolationError } from "@/lib/errors";
import { authorize, proposalScope, type Actor } from "@/lib/policy";
import { applyTransition, PAGE_SIZE } from "@/lib/proposals/service";
import { loadProgramSettings } from "@/lib/settings";
import type { LicenseDecisionInput } from "@/lib/schemas/decisions";
import { isGranted } from "./status";

export async function licenseQueue(client: Db, actor: Actor, { page = 1, status = "PENDING" }: { page?: number; status?: LicenseRequestStatus }) {
  authorize(actor, "license:read");
  const where: Prisma.LicenseRequestWhereInput = { status, proposal: proposalScope(actor) };
  const [total, rows] = await Promise.all([
    client.licenseRequest.count({ where }),
    client.licenseRequest.findMany({
      where,
      // Oldest clock first: what is closest to the 90-day target comes to the top.
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      include: {
        destination: { select: { name: true } },
        proposal: { select: { id: true, reference: true, title: true, consortium: { select: { name: true } } } },
        _count: { select: { items: true } },
      },
    }),
  ]);
  return { total, page, pageSize: PAGE_SIZE, rows };
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
