// The proposal workflow as an explicit state machine. Every status change in the
// portal goes through `transition`; nothing edits a status column directly.
import type { ProposalStatus, Role } from "@/lib/generated/prisma/enums";

/** Who acts: a person's role, or the system completing a step on their behalf. */
export type WorkflowActor = Role | "SYSTEM";

export type WorkflowEvent =
  | "submit"
  | "beginLicenseReview"
  | "beginFinancingReview"
  | "approve"
  | "decline"
  | "returnForRevision"
  | "withdraw";

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
    from: ["DRAFT", ...UNDER_REVIEW, "RETURNED_FOR_REVISION"],
    to: "WITHDRAWN",
    actors: ["CONSORTIUM_MEMBER"],
    label: "Withdraw proposal",
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
