// EXIM's financing review: the queue, the review sheet, and the decision that
// draws on the exposure cap.
import { queuedTransaction, type Db, type Tx } from "@/lib/db";
import type { FinancingProduct, FinancingStage, LicenseRequestStatus } from "@/lib/generated/prisma/enums";
import { auditSnapshot, recordAudit } from "@/lib/audit";
import { NotFoundError, requireRecordId, RuleViolationError, StaleVersionError } from "@/lib/errors";
import { lockExposureCap, readCapPosition, releaseProposalDraws } from "@/lib/exposure-cap/service";
import { runScreening, screeningBlockers } from "@/lib/screening/service";
import { licenseBlockers } from "@/lib/licensing/status";
import { authorize, proposalScope, type Actor } from "@/lib/policy";
import { applyTransition, getProposal, PROPOSAL_ROW } from "@/lib/proposals/service";
import { pageWithin, readKeysetPage, type PageQuery, type PageRequest } from "@/lib/pagination";
import type { BoardDecisionInput, CancelCommitmentInput, CongressionalNotificationInput, FinancingDecisionInput } from "@/lib/schemas/decisions";
import { loadProgramSettings, type ProgramSettings } from "@/lib/settings";
import { STAGE_EVENT_FOR, stageEventAfter, stageTransition } from "@/lib/workflow";
import { authorityLevel, authorityProblems } from "./authority";
import { cirrRate, exposureFee } from "./reference";
import { loadReferenceTables, tablesInForce } from "./reference-tables";
import { approvableAmount, financingFigures, financingProblems, proposalSplit, type FinancingFigures } from "./rules";
import { repaymentSchedule } from "./schedule";

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
          financingRequest: { select: { requestedAmountCents: true, product: true, stage: true } },
          licenseRequests: { select: { status: true } },
        },
      }),
    ),
    // In the queue's scope every proposal has been submitted.
    (row) => row.submittedAt!,
  );
}

/** Proposals waiting on EXIM, for the dashboard: a count through the queue's index. */
export async function financingQueueCount(client: Db, actor: Actor, take?: number) {
  authorize(actor, "financing:read");
  return client.proposal.count({ where: { AND: [proposalScope(actor), { status: { in: [...FINANCING_QUEUE_STATUSES] } }] }, take });
}

type ReviewedProposal = {
  lineItems: Array<{ quantity: number; unitPriceCents: bigint; usContentBasisPoints: number }>;
  targetCountries: Array<{ country: { isHighIncomeOecd: boolean; oecdRiskCategory: number | null } }>;
  financingRequest: { eligibleForeignContentCents: bigint; localCostsCents: bigint } | null;
  licenseRequests: Array<{ status: LicenseRequestStatus; destination: { name: string } }>;
};

/** The financing figures and license blockers of a proposal already loaded. */
function figuresOf(proposal: ReviewedProposal, settings: ProgramSettings) {
  const limits = financingFigures(
    proposalSplit(proposal.lineItems, proposal.financingRequest),
    proposal.targetCountries.map((c) => c.country),
    settings,
  );
  const blockers = licenseBlockers(proposal.licenseRequests.map((r) => ({ destinationName: r.destination.name, status: r.status })));
  return { limits, blockers };
}

async function reviewFigures(tx: Tx, proposalId: string) {
  const proposal = await tx.proposal.findUniqueOrThrow({
    where: { id: proposalId },
    include: {
      lineItems: { select: { quantity: true, unitPriceCents: true, usContentBasisPoints: true } },
      targetCountries: { select: { country: { select: { isHighIncomeOecd: true, oecdRiskCategory: true, code: true } } } },
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

const today = (now: Date) => now.toISOString().slice(0, 10);

/** Whether an approval would be the final commitment (the stage named, or the next after the current one). */
async function commitsFinally(client: Db, actor: Actor, input: FinancingDecisionInput): Promise<boolean> {
  if (input.outcome !== "APPROVED") return false;
  if (input.stage) return input.stage === "FINAL_COMMITMENT";
  const request = await client.financingRequest.findFirst({
    where: { proposal: { AND: [{ id: input.proposalId }, proposalScope(actor, "financing:decide")] } },
    select: { stage: true },
  });
  return request !== null && (stageEventAfter(request.stage) ?? "issueFinalCommitment") === "issueFinalCommitment";
}

type TermsRequest = { product: FinancingProduct; repaymentYears: number };

/** The decided terms' rate and fee: the CIRR in force for a direct loan, the fee grid for the country risk. */
function pricingFrom(
  tables: Awaited<ReturnType<typeof loadReferenceTables>>,
  request: TermsRequest,
  amountCents: bigint,
  riskCategory: number | null,
  fee: { payment: "UP_FRONT" | "AS_DRAWN"; financed: boolean },
  now: Date,
) {
  const inForce = tablesInForce(tables, today(now));
  const cirr = inForce.cirr ? cirrRate(inForce.cirr, request.repaymentYears) : null;
  const exposure =
    inForce.exposureFees && riskCategory !== null
      ? exposureFee(inForce.exposureFees, { riskCategory, tenorYears: request.repaymentYears, amountCents, payment: fee.payment, financed: fee.financed })
      : null;
  return { rateBasisPoints: request.product === "DIRECT_LOAN" ? cirr : null, cirrBasisPoints: cirr, exposure };
}

/** The riskiest destination's OECD country risk category sets the exposure fee. */
const riskCategoryOf = (countries: ReadonlyArray<{ country: { oecdRiskCategory: number | null } }>) =>
  countries.reduce<number | null>((worst, c) => (c.country.oecdRiskCategory === null ? worst : Math.max(worst ?? 0, c.country.oecdRiskCategory)), null);

/**
 * Everything an officer needs to decide, from one scoped read of the proposal:
 * the proposal, figures, license blockers, the next stage, authority, terms,
 * the schedule and the cap.
 */
export async function financingReview(client: Db, actor: Actor, proposalId: string, programSettings?: ProgramSettings, now = new Date()) {
  authorize(actor, "financing:read");
  const [{ proposal }, cap, settings, tables] = await Promise.all([
    getProposal(client, actor, proposalId),
    readCapPosition(client),
    programSettings ?? loadProgramSettings(client),
    loadReferenceTables(client),
  ]);
  const figures = figuresOf(proposal, settings);
  const { limits } = figures;
  // A party confirmed on the Consolidated Screening List blocks the final commitment too.
  const blockers = [...figures.blockers, ...(await screeningBlockers(client, proposal.id, { confirmedOnly: true }))];
  const request = proposal.financingRequest;
  const approvable = approvableAmount(request?.requestedAmountCents ?? 0n, limits, cap.headroomCents);
  // The stage that comes next, offered even while licenses are pending: the officer then hears what blocks it.
  const nextEvent = request ? stageEventAfter(request.stage) : null;
  const terms = request ? pricingFrom(tables, request, request.requestedAmountCents, riskCategoryOf(proposal.targetCountries), { payment: "UP_FRONT", financed: false }, now) : null;
  const authority = request
    ? { level: authorityLevel(request.requestedAmountCents, settings), problems: authorityProblems(request.requestedAmountCents, request, now, settings) }
    : null;
  return { proposal, limits, blockers, cap, approvable, nextEvent, terms, authority, settings, schedule: scheduleOf(request) };
}

type ScheduledRequest = {
  requestedAmountCents: bigint;
  repaymentYears: number;
  startingPoint: Date | null;
  decisions: Array<{ outcome: string; approvedAmountCents: bigint | null; repaymentYears: number | null; rateBasisPoints: number | null }>;
};

/** The repayment schedule of the latest decision that issued a stage (or of the ask), once a starting point is set. */
function scheduleOf(request: ScheduledRequest | null) {
  if (!request?.startingPoint) return [];
  const decision = request.decisions.find((d) => d.outcome === "APPROVED");
  const amount = decision?.approvedAmountCents ?? request.requestedAmountCents;
  return repaymentSchedule(amount, decision?.repaymentYears ?? request.repaymentYears, request.startingPoint.toISOString().slice(0, 10), decision?.rateBasisPoints ?? null);
}

/** A financing's repayment schedule, for the CSV download. */
export async function financingSchedule(client: Db, actor: Actor, proposalId: string) {
  authorize(actor, "financing:read");
  requireRecordId(proposalId, "Proposal");
  const proposal = await client.proposal.findFirst({
    where: { AND: [{ id: proposalId }, proposalScope(actor)] },
    select: { reference: true, financingRequest: { include: { decisions: { orderBy: { decidedAt: "desc" } } } } },
  });
  if (!proposal) throw new NotFoundError("Proposal");
  return { reference: proposal.reference, schedule: scheduleOf(proposal.financingRequest) };
}

function problemsOrThrow(problems: string[], heading: string, field?: string) {
  if (problems.length > 0) throw new RuleViolationError(heading, problems, field);
}

function termsProblems(
  figures: FinancingFigures,
  settings: ProgramSettings,
  request: { product: TermsRequest["product"]; repaymentYears: number; requestedAmountCents: bigint },
  amountCents: bigint,
  capHeadroomCents?: bigint,
) {
  // The same rules as the ask, on the decided terms taken together.
  return financingProblems(
    { amountCents, product: request.product, repaymentYears: request.repaymentYears },
    figures,
    settings,
    { requestedAmountCents: request.requestedAmountCents, capHeadroomCents },
  ).map((problem) => problem.message);
}

/** The proposal's row lock, for an officer who may decide it; 404 outside the officer's scope. */
async function lockDecidableProposal(tx: Tx, actor: Actor, proposalId: string): Promise<string> {
  const visible = await tx.proposal.findFirst({ where: { AND: [{ id: proposalId }, proposalScope(actor, "financing:decide")] }, select: { id: true } });
  if (!visible) throw new NotFoundError("Proposal");
  await tx.$queryRaw`SELECT id FROM "Proposal" WHERE id = ${visible.id} FOR UPDATE`;
  return visible.id;
}

/**
 * Decides the next financing stage, or declines. Letter of interest, then
 * preliminary commitment, then the final commitment: every stage re-checks the
 * terms against the same rules as the ask. The final commitment also needs
 * every required license granted and the approval authority satisfied, and
 * draws on the exposure cap under a lock, so concurrent commitments can never
 * pass the cap together.
 */
export async function decideFinancing(client: Db, actor: Actor, input: FinancingDecisionInput, now = new Date()) {
  authorize(actor, "financing:decide");
  // A final commitment screens every party and member again first, in a
  // transaction of its own: the list may have changed since submission, and a new
  // possible match must stay on record for Commerce even when the commitment is refused.
  const rescreened = input.outcome === "APPROVED" && (await commitsFinally(client, actor, input)) ? await runScreening(client, input.proposalId) : null;
  return queuedTransaction(client, async (tx) => {
    const visible = { id: await lockDecidableProposal(tx, actor, input.proposalId) };
    const { proposal, settings, limits, blockers } = await reviewFigures(tx, visible.id);
    if (proposal.version !== input.expectedVersion) throw new StaleVersionError();
    const financingRequest = proposal.financingRequest;
    if (!financingRequest) throw new RuleViolationError("The proposal has no financing request to decide.");

    if (input.outcome === "DECLINED") {
      const decision = await endFinancing(tx, actor, proposal.id, financingRequest, "DECLINED", input.reason, now);
      await applyTransition(tx, actor, proposal, "decline", { decidedAt: now, version: { increment: 1 } });
      return decision;
    }

    const event = input.stage ? STAGE_EVENT_FOR[input.stage] : (stageEventAfter(financingRequest.stage) ?? "issueFinalCommitment");
    if (event === "issueFinalCommitment") {
      // After the fresh screening, a possible match no reviewer has cleared blocks too.
      const screening = rescreened ? await screeningBlockers(tx, proposal.id) : [];
      problemsOrThrow([...new Set([...blockers, ...screening])], "Financing can't be committed until every required export license is granted and every party is cleared:");
    }
    const step = stageTransition(financingRequest.stage, proposal.status, event, actor.role);
    if (!step.ok) throw new RuleViolationError(step.reason);
    const final = step.to === "FINAL_COMMITMENT";
    if (final) {
      problemsOrThrow(authorityProblems(input.approvedAmountCents, financingRequest, now, settings), "The final commitment needs its approval authority first:");
    }
    // The cap's turn comes last, so commitments are serialized only for what depends
    // on the headroom: reading it, and drawing on it (see decision 13).
    if (final) await lockExposureCap(tx, settings["exposureCap.lockWaitMilliseconds"]);
    const cap = final ? await readCapPosition(tx, settings) : null;
    problemsOrThrow(
      termsProblems(limits, settings, financingRequest, input.approvedAmountCents, cap?.headroomCents),
      "These terms can't be approved:",
      "approvedAmount",
    );

    const terms = pricingFrom(
      await loadReferenceTables(tx),
      financingRequest,
      input.approvedAmountCents,
      riskCategoryOf(proposal.targetCountries),
      { payment: input.exposureFeePayment, financed: input.exposureFeeFinanced },
      now,
    );
    const decision = await tx.financingDecision.create({
      data: {
        financingRequestId: financingRequest.id,
        outcome: "APPROVED",
        approvedAmountCents: input.approvedAmountCents,
        reason: input.reason,
        decidedById: actor.userId,
        decidedAt: now,
        stage: step.to,
        product: financingRequest.product,
        repaymentYears: financingRequest.repaymentYears,
        rateBasisPoints: terms.rateBasisPoints,
        exposureFeeBasisPoints: terms.exposure?.rateBasisPoints ?? null,
        exposureFeeCents: terms.exposure?.feeCents ?? null,
        exposureFeePayment: terms.exposure ? input.exposureFeePayment : null,
        exposureFeeFinanced: terms.exposure ? input.exposureFeeFinanced : null,
      },
    });
    await tx.financingRequest.update({
      where: { id: financingRequest.id },
      data: {
        stage: step.to,
        status: final ? "APPROVED" : "REQUESTED",
        ...(input.startingPoint ? { startingPoint: utcDay(input.startingPoint) } : {}),
      },
    });
    await recordAudit(tx, actor, {
      action: final ? "financing.decided" : "financing.stageDecided",
      entityType: "FinancingDecision",
      entityId: decision.id,
      proposalId: proposal.id,
      after: auditSnapshot({
        outcome: "APPROVED",
        stage: step.to,
        approvedAmountCents: input.approvedAmountCents,
        product: financingRequest.product,
        repaymentYears: financingRequest.repaymentYears,
        rateBasisPoints: terms.rateBasisPoints,
        exposureFeeCents: terms.exposure?.feeCents ?? null,
        reason: input.reason,
      }),
    });
    if (!final) {
      await tx.proposal.update({ where: { id: proposal.id }, data: { version: { increment: 1 } } });
      return decision;
    }
    const draw = await tx.exposureCapEntry.create({
      data: {
        kind: "DRAW",
        amountCents: input.approvedAmountCents,
        proposalId: proposal.id,
        financingDecisionId: decision.id,
        createdById: actor.userId,
        note: `Final commitment for ${proposal.reference}`,
      },
    });
    await recordAudit(tx, actor, {
      action: "exposureCap.drawn",
      entityType: "ExposureCapEntry",
      entityId: draw.id.toString(),
      proposalId: proposal.id,
      before: auditSnapshot({ headroomCents: cap!.headroomCents }),
      after: auditSnapshot({ headroomCents: cap!.headroomCents - input.approvedAmountCents, drawCents: input.approvedAmountCents }),
    });
    // Committed packages are published on the public list.
    await applyTransition(tx, actor, proposal, "approve", { decidedAt: now, publishedAt: now, version: { increment: 1 } });
    return decision;
  });
}

/** Locks a proposal in the officer's scope for a change to its financing request. */
async function lockForFinancing(tx: Tx, actor: Actor, proposalId: string, expectedVersion: number) {
  const visible = { id: await lockDecidableProposal(tx, actor, proposalId) };
  const proposal = await tx.proposal.findUniqueOrThrow({ where: { id: visible.id }, include: { financingRequest: true } });
  if (proposal.version !== expectedVersion) throw new StaleVersionError();
  if (!proposal.financingRequest) throw new RuleViolationError("The proposal has no financing request.");
  if (proposal.financingRequest.status !== "REQUESTED") throw new RuleViolationError("The financing request is already decided.");
  return { proposal, request: proposal.financingRequest };
}

const notInFuture = (date: string, now: Date, what: string) => {
  if (date > today(now)) throw new RuleViolationError(`${what} can't be in the future.`);
};

/** Records a fact the approval authority needs on the financing request, audited. */
async function recordAuthority(
  client: Db,
  actor: Actor,
  input: { proposalId: string; expectedVersion: number },
  data: { boardDecidedAt: Date; boardMinuteReference: string } | { congressNotifiedAt: Date },
  action: "financing.boardDecisionRecorded" | "financing.congressNotified",
) {
  return client.$transaction(async (tx) => {
    const { proposal, request } = await lockForFinancing(tx, actor, input.proposalId, input.expectedVersion);
    await tx.financingRequest.update({ where: { id: request.id }, data });
    await tx.proposal.update({ where: { id: proposal.id }, data: { version: { increment: 1 } } });
    const before = Object.fromEntries(Object.keys(data).map((key) => [key, request[key as keyof typeof data]]));
    await recordAudit(tx, actor, {
      action,
      entityType: "FinancingRequest",
      entityId: request.id,
      proposalId: proposal.id,
      before: auditSnapshot(before),
      after: auditSnapshot(data),
    });
  });
}

const utcDay = (date: string) => new Date(`${date}T00:00:00Z`);

/** Records the board's decision (date and minute reference), needed above the officer's authority. */
export async function recordBoardDecision(client: Db, actor: Actor, input: BoardDecisionInput, now = new Date()) {
  authorize(actor, "financing:decide");
  notInFuture(input.boardDecidedAt, now, "The board's decision");
  const data = { boardDecidedAt: utcDay(input.boardDecidedAt), boardMinuteReference: input.boardMinuteReference };
  return recordAuthority(client, actor, input, data, "financing.boardDecisionRecorded");
}

/** Records when Congress was notified, which starts the notification period. */
export async function recordCongressionalNotification(client: Db, actor: Actor, input: CongressionalNotificationInput, now = new Date()) {
  authorize(actor, "financing:decide");
  notInFuture(input.congressNotifiedAt, now, "The notification");
  return recordAuthority(client, actor, input, { congressNotifiedAt: utcDay(input.congressNotifiedAt) }, "financing.congressNotified");
}

/** A decline or a cancellation: the decision with its reason, the request's status, the audit event. */
async function endFinancing(
  tx: Tx,
  actor: Actor,
  proposalId: string,
  request: { id: string; stage: FinancingStage | null },
  outcome: "DECLINED" | "CANCELLED",
  reason: string,
  now: Date,
) {
  const decision = await tx.financingDecision.create({
    data: { financingRequestId: request.id, outcome, reason, decidedById: actor.userId, decidedAt: now, stage: request.stage },
  });
  await tx.financingRequest.update({ where: { id: request.id }, data: { status: outcome } });
  await recordAudit(tx, actor, {
    action: outcome === "DECLINED" ? "financing.decided" : "financing.commitmentCancelled",
    entityType: "FinancingDecision",
    entityId: decision.id,
    proposalId,
    after: auditSnapshot({ outcome, reason, stage: request.stage }),
  });
  return decision;
}

/** Cancels a final commitment: the proposal leaves the public list and its draw on the cap is released. */
export async function cancelCommitment(client: Db, actor: Actor, input: CancelCommitmentInput, now = new Date()) {
  authorize(actor, "financing:decide");
  return queuedTransaction(client, async (tx) => {
    const visible = { id: await lockDecidableProposal(tx, actor, input.proposalId) };
    const proposal = await tx.proposal.findUniqueOrThrow({ where: { id: visible.id }, include: { financingRequest: true } });
    if (proposal.version !== input.expectedVersion) throw new StaleVersionError();
    const request = proposal.financingRequest;
    if (!request) throw new RuleViolationError("The proposal has no financing request.");
    // Same order as every draw: the proposal's row, then the cap.
    await lockExposureCap(tx, (await loadProgramSettings(tx))["exposureCap.lockWaitMilliseconds"]);
    await applyTransition(tx, actor, proposal, "cancelCommitment", { publishedAt: null, version: { increment: 1 } });
    const decision = await endFinancing(tx, actor, proposal.id, request, "CANCELLED", input.reason, now);
    const released = await releaseProposalDraws(tx, actor, proposal.id, `Final commitment for ${proposal.reference} cancelled: ${input.reason}`);
    return { decision, releasedCents: released };
  });
}
