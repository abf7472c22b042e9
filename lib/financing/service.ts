// EXIM's financing review: the queue, the review sheet, and the decision that
// draws on the exposure cap.
import { queuedTransaction, type Db, type Tx } from "@/lib/db";
import type { LicenseRequestStatus } from "@/lib/generated/prisma/enums";
import { auditSnapshot, recordAudit } from "@/lib/audit";
import { NotFoundError, RuleViolationError, StaleVersionError } from "@/lib/errors";
import { lockExposureCap, readCapPosition } from "@/lib/exposure-cap/service";
import { screeningBlockers } from "@/lib/screening/service";
import { licenseBlockers } from "@/lib/licensing/status";
import { authorize, proposalScope, type Actor } from "@/lib/policy";
import { applyTransition, getProposal, PROPOSAL_ROW } from "@/lib/proposals/service";
import { pageWithin, readKeysetPage, type PageQuery, type PageRequest } from "@/lib/pagination";
import type { FinancingDecisionInput } from "@/lib/schemas/decisions";
import { loadProgramSettings, type ProgramSettings } from "@/lib/settings";
import { approvableAmount, approvalViolations, financingLimits, packageValue } from "./rules";

/** Oldest submission first, read through (status, submittedAt, id) for each status in the queue. */
const FINANCING_QUEUE_ORDER = { key: "submittedAt", order: "asc", idOrder: "asc" } as const;
export const FINANCING_QUEUE_STATUSES = ["IN_LICENSE_REVIEW", "IN_FINANCING_REVIEW"] as const;

/** Proposals waiting on EXIM: in financing review, or still awaiting their licenses. */
export async function financingQueue(client: Db, actor: Actor, request: PageRequest) {
  authorize(actor, "financing:read");
  const scope = proposalScope(actor);
  return readKeysetPage(
    FINANCING_QUEUE_ORDER,
    request,
    // One index range per status, merged: each reads at most a page.
    FINANCING_QUEUE_STATUSES.map((status) => (page: PageQuery<"submittedAt">) =>
      client.proposal.findMany({
        ...pageWithin({ AND: [scope, { status }] }, page),
        select: {
          ...PROPOSAL_ROW,
          status: true,
          submittedAt: true,
          financingRequest: { select: { requestedAmountCents: true, product: true } },
          licenseRequests: { select: { status: true } },
        },
      }),
    ),
    // In the queue's scope every proposal has been submitted.
    (row) => row.submittedAt!,
  );
}

/** Proposals waiting on EXIM, for the dashboard: a count through the queue's index. */
export async function financingQueueCount(client: Db, actor: Actor) {
  authorize(actor, "financing:read");
  return client.proposal.count({ where: { AND: [proposalScope(actor), { status: { in: [...FINANCING_QUEUE_STATUSES] } }] } });
}

type ReviewedProposal = {
  lineItems: Array<{ quantity: number; unitPriceCents: bigint; usContentBasisPoints: number }>;
  financingRequest: { eligibleForeignContentCents: bigint } | null;
  licenseRequests: Array<{ status: LicenseRequestStatus; destination: { name: string } }>;
};

/** The cover limits and license blockers of a proposal already loaded. */
function figuresOf(proposal: ReviewedProposal, settings: ProgramSettings) {
  const limits = financingLimits(packageValue(proposal.lineItems), proposal.financingRequest?.eligibleForeignContentCents ?? 0n, settings);
  const blockers = licenseBlockers(proposal.licenseRequests.map((r) => ({ destinationName: r.destination.name, status: r.status })));
  return { limits, blockers };
}

async function reviewFigures(tx: Tx, proposalId: string) {
  const proposal = await tx.proposal.findUniqueOrThrow({
    where: { id: proposalId },
    include: {
      lineItems: { select: { quantity: true, unitPriceCents: true, usContentBasisPoints: true } },
      financingRequest: true,
      licenseRequests: { include: { destination: { select: { name: true } } } },
    },
  });
  const settings = await loadProgramSettings(tx);
  const figures = figuresOf(proposal, settings);
  // A party confirmed on the Consolidated Screening List blocks financing too.
  const screening = await screeningBlockers(tx, proposalId, { confirmedOnly: true });
  return { proposal, settings, ...figures, blockers: [...figures.blockers, ...screening] };
}

/**
 * Everything an officer needs to decide, from one scoped read of the proposal:
 * the proposal itself, figures, license blockers and the cap.
 */
export async function financingReview(client: Db, actor: Actor, proposalId: string, programSettings?: ProgramSettings) {
  authorize(actor, "financing:read");
  const [{ proposal }, cap, settings] = await Promise.all([
    getProposal(client, actor, proposalId),
    readCapPosition(client),
    programSettings ?? loadProgramSettings(client),
  ]);
  const figures = figuresOf(proposal, settings);
  const { limits } = figures;
  const blockers = [...figures.blockers, ...(await screeningBlockers(client, proposal.id, { confirmedOnly: true }))];
  const approvable = approvableAmount(proposal.financingRequest?.requestedAmountCents ?? 0n, limits, cap.headroomCents);
  return { proposal, limits, blockers, cap, approvable };
}

/**
 * Approves or declines the financing. An approval needs every required license
 * granted, must respect the cover rules, and draws on the exposure cap under a
 * lock so that concurrent approvals can never pass the cap together.
 */
export async function decideFinancing(client: Db, actor: Actor, input: FinancingDecisionInput) {
  authorize(actor, "financing:decide");
  return queuedTransaction(client, async (tx) => {
    const visible = await tx.proposal.findFirst({
      where: { AND: [{ id: input.proposalId }, proposalScope(actor, "financing:decide")] },
      select: { id: true },
    });
    if (!visible) throw new NotFoundError("Proposal");
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
    // The cap's turn comes last, so approvals are serialized only for what depends
    // on the headroom: reading it, and drawing on it (see decision 13).
    await lockExposureCap(tx, settings["exposureCap.lockWaitMilliseconds"]);
    const cap = await readCapPosition(tx, settings);
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
