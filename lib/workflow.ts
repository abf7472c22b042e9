// The proposal workflow as an explicit state machine. Every status change in the
// portal goes through `transition`; nothing edits a status column directly.
import type { FinancingStage, ProposalStatus, Role } from "@/lib/generated/prisma/enums";

/** Who acts: a person's role, or the system completing a step on their behalf. */
export type WorkflowActor = Role | "SYSTEM";

export type WorkflowEvent =
  | "submit"
  | "beginLicenseReview"
  | "beginFinancingReview"
  | "approve"
  | "decline"
  | "returnForRevision"
  | "withdraw"
  | "cancelCommitment";

type TransitionRule = {
  from: readonly ProposalStatus[];
  to: ProposalStatus;
  actors: readonly WorkflowActor[];
  /** Shown to users in history and in refusals. */
  label: string;
};

const UNDER_REVIEW = ["SUBMITTED", "IN_LICENSE_REVIEW", "IN_FINANCING_REVIEW"] as const;

export const TRANSITIONS: Readonly<Record<WorkflowEvent, TransitionRule>> = {
  submit: {
    from: ["DRAFT", "RETURNED_FOR_REVISION"],
    to: "SUBMITTED",
    actors: ["CONSORTIUM_MEMBER"],
    label: "Submit proposal",
  },
  beginLicenseReview: {
    from: ["SUBMITTED"],
    to: "IN_LICENSE_REVIEW",
    actors: ["SYSTEM"],
    label: "Start license review",
  },
  beginFinancingReview: {
    from: ["SUBMITTED", "IN_LICENSE_REVIEW"],
    to: "IN_FINANCING_REVIEW",
    actors: ["SYSTEM"],
    label: "Start financing review",
  },
  approve: {
    from: ["IN_FINANCING_REVIEW"],
    to: "APPROVED",
    actors: ["EXIM_OFFICER"],
    label: "Approve financing",
  },
  decline: {
    from: ["IN_LICENSE_REVIEW", "IN_FINANCING_REVIEW"],
    to: "DECLINED",
    actors: ["EXIM_OFFICER"],
    label: "Decline financing",
  },
  returnForRevision: {
    from: UNDER_REVIEW,
    to: "RETURNED_FOR_REVISION",
    actors: ["COMMERCE_REVIEWER", "EXIM_OFFICER"],
    label: "Return for revision",
  },
  withdraw: {
    // After a final commitment too: the withdrawal then releases the draw on the cap.
    from: ["DRAFT", ...UNDER_REVIEW, "RETURNED_FOR_REVISION", "APPROVED"],
    to: "WITHDRAWN",
    actors: ["CONSORTIUM_MEMBER"],
    label: "Withdraw proposal",
  },
  cancelCommitment: {
    from: ["APPROVED"],
    to: "CANCELLED",
    actors: ["EXIM_OFFICER"],
    label: "Cancel the final commitment",
  },
};

export type TransitionResult =
  | { ok: true; from: ProposalStatus; to: ProposalStatus; event: WorkflowEvent }
  | { ok: false; reason: string };

export const STATUS_LABELS: Readonly<Record<ProposalStatus, string>> = {
  DRAFT: "Draft",
  SUBMITTED: "Submitted",
  IN_LICENSE_REVIEW: "In license review",
  IN_FINANCING_REVIEW: "In financing review",
  APPROVED: "Approved",
  DECLINED: "Declined",
  WITHDRAWN: "Withdrawn",
  RETURNED_FOR_REVISION: "Returned for revision",
  CANCELLED: "Commitment cancelled",
};

/** Whether `actor` may fire `event` on a proposal in status `from`, and where it leads. */
export function transition(from: ProposalStatus, event: WorkflowEvent, actor: WorkflowActor): TransitionResult {
  const rule = TRANSITIONS[event];
  if (!rule.actors.includes(actor)) {
    return { ok: false, reason: `${rule.label} is not open to your role.` };
  }
  if (!rule.from.includes(from)) {
    return { ok: false, reason: `${rule.label} is not possible while the proposal is ${STATUS_LABELS[from].toLowerCase()}.` };
  }
  return { ok: true, from, to: rule.to, event };
}

/** The events an actor could fire from a status: drives which actions a page offers. */
export function availableEvents(from: ProposalStatus, actor: WorkflowActor): WorkflowEvent[] {
  return (Object.keys(TRANSITIONS) as WorkflowEvent[]).filter((event) => transition(from, event, actor).ok);
}

/** Statuses in which the consortium may still change the package. */
export function isEditable(status: ProposalStatus): boolean {
  return status === "DRAFT" || status === "RETURNED_FOR_REVISION";
}

// ─── Financing stages ─────────────────────────────────────────────────────────
// EXIM decides in stages: letter of interest -> preliminary commitment -> final
// commitment. The stage lives on the financing request; the final commitment is
// also the proposal's "approve" event, so both tables must allow it.

export type FinancingStageEvent = "issueLetterOfInterest" | "issuePreliminaryCommitment" | "issueFinalCommitment";

type StageRule = {
  from: readonly (FinancingStage | null)[];
  to: FinancingStage;
  /** Proposal statuses in which the stage may be decided. */
  proposalFrom: readonly ProposalStatus[];
  /** The proposal event the stage fires too, if any. */
  proposalEvent?: WorkflowEvent;
  actors: readonly WorkflowActor[];
  label: string;
};

export const STAGE_TRANSITIONS: Readonly<Record<FinancingStageEvent, StageRule>> = {
  issueLetterOfInterest: {
    from: [null],
    to: "LETTER_OF_INTEREST",
    proposalFrom: ["IN_LICENSE_REVIEW", "IN_FINANCING_REVIEW"],
    actors: ["EXIM_OFFICER"],
    label: "Issue a letter of interest",
  },
  issuePreliminaryCommitment: {
    from: ["LETTER_OF_INTEREST"],
    to: "PRELIMINARY_COMMITMENT",
    proposalFrom: ["IN_LICENSE_REVIEW", "IN_FINANCING_REVIEW"],
    actors: ["EXIM_OFFICER"],
    label: "Issue a preliminary commitment",
  },
  issueFinalCommitment: {
    from: ["PRELIMINARY_COMMITMENT"],
    to: "FINAL_COMMITMENT",
    proposalFrom: ["IN_FINANCING_REVIEW"],
    proposalEvent: "approve",
    actors: ["EXIM_OFFICER"],
    label: "Issue the final commitment",
  },
};

export const STAGE_LABELS: Readonly<Record<FinancingStage, string>> = {
  LETTER_OF_INTEREST: "Letter of interest",
  PRELIMINARY_COMMITMENT: "Preliminary commitment",
  FINAL_COMMITMENT: "Final commitment",
};

export const STAGE_EVENT_FOR: Readonly<Record<FinancingStage, FinancingStageEvent>> = {
  LETTER_OF_INTEREST: "issueLetterOfInterest",
  PRELIMINARY_COMMITMENT: "issuePreliminaryCommitment",
  FINAL_COMMITMENT: "issueFinalCommitment",
};

export type StageTransitionResult =
  | { ok: true; from: FinancingStage | null; to: FinancingStage; event: FinancingStageEvent; proposalEvent?: WorkflowEvent }
  | { ok: false; reason: string };

/** Whether `actor` may decide the stage `event` leads to, from the request's stage and the proposal's status. */
export function stageTransition(
  stage: FinancingStage | null,
  status: ProposalStatus,
  event: FinancingStageEvent,
  actor: WorkflowActor,
): StageTransitionResult {
  const rule = STAGE_TRANSITIONS[event];
  if (!rule.actors.includes(actor)) return { ok: false, reason: `${rule.label} is not open to your role.` };
  if (!rule.proposalFrom.includes(status)) {
    return { ok: false, reason: `${rule.label} is not possible while the proposal is ${STATUS_LABELS[status].toLowerCase()}.` };
  }
  if (!rule.from.includes(stage)) {
    const at = stage ? `at the ${STAGE_LABELS[stage].toLowerCase()} stage` : "before a letter of interest";
    return { ok: false, reason: `${rule.label} is not possible ${at}.` };
  }
  if (rule.proposalEvent) {
    const proposal = transition(status, rule.proposalEvent, actor);
    if (!proposal.ok) return proposal;
  }
  return { ok: true, from: stage, to: rule.to, event, proposalEvent: rule.proposalEvent };
}

/** The stage an officer could decide next, if any. */
export function nextStageEvent(stage: FinancingStage | null, status: ProposalStatus, actor: WorkflowActor): FinancingStageEvent | null {
  return (Object.keys(STAGE_TRANSITIONS) as FinancingStageEvent[]).find((event) => stageTransition(stage, status, event, actor).ok) ?? null;
}

/** The stage decision that follows `stage`, whatever the proposal's status (null after the final commitment). */
export function stageEventAfter(stage: FinancingStage | null): FinancingStageEvent | null {
  return (Object.keys(STAGE_TRANSITIONS) as FinancingStageEvent[]).find((event) => STAGE_TRANSITIONS[event].from.includes(stage)) ?? null;
}
