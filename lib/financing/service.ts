// EXIM's financing review: the queue, the review sheet, and the decision that
// draws on the exposure cap.
import type { Db, Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { auditSnapshot, recordAudit } from "@/lib/audit";
import { NotFoundError, requireRecordId, RuleViolationError, StaleVersionError } from "@/lib/errors";
import { lockExposureCap, readCapPosition } from "@/lib/exposure-cap/service";
import { screeningBlockers } from "@/lib/screening/service";
import { licenseBlockers } from "@/lib/licensing/status";
import { authorize, proposalScope, type Actor } from "@/lib/policy";
import { applyTransition, PAGE_SIZE } from "@/lib/proposals/service";
import type { FinancingDecisionInput } from "@/lib/schemas/decisions";
import { loadProgramSettings } from "@/lib/settings";
import { approvableAmount, approvalViolations, financingLimits, packageValue } from "./rules";

/** Proposals waiting on EXIM: in financing review, or still awaiting their licenses. */
export async function financingQueue(client: Db, actor: Actor, { page = 1 }: { page?: number }) {
  authorize(actor, "financing:read");
  const where: Prisma.ProposalWhereInput = {
    AND: [proposalScope(actor), { status: { in: ["IN_FINANCING_REVIEW", "IN_LICENSE_REVIEW"] } }],
  };
  const [total, rows] = await Promise.all([
    client.proposal.count({ where }),
    client.proposal.findMany({
      where,
      orderBy: [{ status: "asc" }, { submittedAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        reference: true,
        title: true,
        status: true,
        submittedAt: true,
        consortium: { select: { name: true } },
        financingRequest: { select: { requestedAmountCents: true, product: true } },
        licenseRequests: { select: { status: true } },
      },
    }),
  ]);
  return { total, page, pageSize: PAGE_SIZE, rows };
}

async function reviewFigures(client: Db | Tx, proposalId: string) {
  const proposal = await client.proposal.findUniqueOrThrow({
    where: { id: proposalId },
    include: {
      lineItems: { select: { quantity: true, unitPriceCents: true, usContentBasisPoints: true } },
      financingRequest: true,
      licenseRequests: { include: { destination: { select: { name: true } } } },
    },
  });
  const settings = await loadProgramSettings(client);
  const value = packageValue(proposal.lineItems);
  const limits = financingLimits(value, proposal.financingRequest?.eligibleForeignContentCents ?? 0n, settings);
  const blockers = [
    ...licenseBlockers(proposal.licenseRequests.map((r) => ({ destinationName: r.destination.name, status: r.status }))),
    // A party confirmed on the Consolidated Screening List blocks financing too.
    ...(await screeningBlockers(client, proposalId, { confirmedOnly: true })),
  ];
  return { proposal, settings, limits, blockers };
}

/** Everything an officer needs to decide: figures, license blockers and the cap. */
export async function financingReview(client: Db, actor: Actor, proposalId: string) {
  authorize(actor, "financing:read");
  requireRecordId(proposalId, "Proposal");
  const visible = await client.proposal.findFirst({ where: { AND: [{ id: proposalId }, proposalScope(actor)] }, select: { id: true } });
  if (!visible) throw new NotFoundError("Proposal");
  const [{ limits, blockers, proposal }, cap] = await Promise.all([reviewFigures(client, proposalId), readCapPosition(client)]);
  const approvable = approvableAmount(proposal.financingRequest?.requestedAmountCents ?? 0n, limits, cap.headroomCents);
  return { limits, blockers, cap, approvable };
}

/**
 * Approves or declines the financing. An approval needs every required license
 * granted, must respect the cover rules, and draws on the exposure cap under a
 * lock so that concurrent approvals can never pass the cap together.
 */
export async function decideFinancing(client: Db, actor: Actor, input: FinancingDecisionInput) {
  authorize(actor, "financing:decide");
  return client.$transaction(async (tx) => {
    const visible = await tx.proposal.findFirst({
      where: { AND: [{ id: input.proposalId }, proposalScope(actor, "financing:decide")] },
      select: { id: true },
    });
    if (!visible) throw new NotFoundError("Proposal");
    if (input.outcome === "APPROVED") await lockExposureCap(tx);
    await tx.$queryRaw`SELECT id FROM "Proposal" WHERE id = ${visible.id} FOR UPDATE`;
    const { proposal, settings, limits, blockers } = await reviewFigures(tx, visible.id);
    if (proposal.version !== input.expectedVersion) throw new StaleVersionError();
    const financingRequest = proposal.financingRequest;
    if (!financingRequest) throw new RuleViolationError("The proposal has no financing request to decide.");

    const now = new Date();
    if (input.outcome === "DECLINED") {
      const decision = await tx.financingDecision.create({
        data: { financingRequestId: financingRequest.id, outcome: "DECLINED", reason: input.reason, decidedById: actor.userId, decidedAt: now },
      });
      await tx.financingRequest.update({ where: { id: financingRequest.id }, data: { status: "DECLINED" } });
      await recordAudit(tx, actor, {
        action: "financing.decided",
        entityType: "FinancingDecision",
        entityId: decision.id,
        proposalId: proposal.id,
        after: auditSnapshot({ outcome: "DECLINED", reason: input.reason }),
      });
      await applyTransition(tx, actor, proposal, "decline", { decidedAt: now, version: { increment: 1 } });
      return decision;
    }

    if (blockers.length > 0) {
      throw new RuleViolationError("Financing can't be approved until every required export license is granted:", blockers);
    }
    if (proposal.status !== "IN_FINANCING_REVIEW") {
      throw new RuleViolationError("The proposal is not in financing review.");
    }
    const cap = await readCapPosition(tx);
    const problems = approvalViolations(
      {
        amountCents: input.approvedAmountCents,
        requestedAmountCents: financingRequest.requestedAmountCents,
        limits,
        capHeadroomCents: cap.headroomCents,
      },
      settings,
    );
    if (problems.length > 0) throw new RuleViolationError("This amount can't be approved:", problems, "approvedAmount");

    const decision = await tx.financingDecision.create({
      data: {
        financingRequestId: financingRequest.id,
        outcome: "APPROVED",
        approvedAmountCents: input.approvedAmountCents,
        reason: input.reason,
        decidedById: actor.userId,
        decidedAt: now,
      },
    });
    await tx.financingRequest.update({ where: { id: financingRequest.id }, data: { status: "APPROVED" } });
    const draw = await tx.exposureCapEntry.create({
      data: {
        kind: "DRAW",
        amountCents: input.approvedAmountCents,
        proposalId: proposal.id,
        financingDecisionId: decision.id,
        createdById: actor.userId,
        note: `Financing approved for ${proposal.reference}`,
      },
    });
    await recordAudit(tx, actor, {
      action: "financing.decided",
      entityType: "FinancingDecision",
      entityId: decision.id,
      proposalId: proposal.id,
      after: auditSnapshot({ outcome: "APPROVED", approvedAmountCents: input.approvedAmountCents, reason: input.reason }),
    });
    await recordAudit(tx, actor, {
      action: "exposureCap.drawn",
      entityType: "ExposureCapEntry",
      entityId: draw.id.toString(),
      proposalId: proposal.id,
      before: auditSnapshot({ headroomCents: cap.headroomCents }),
      after: auditSnapshot({ headroomCents: cap.headroomCents - input.approvedAmountCents, drawCents: input.approvedAmountCents }),
    });
    // Approved packages are published on the public list.
    await applyTransition(tx, actor, proposal, "approve", { decidedAt: now, publishedAt: now, version: { increment: 1 } });
    return decision;
  });
}
