// The proposal workflow, checked against the program's transition table written out
// here by hand. Every (status x event x actor) combination is exercised.
import { describe, expect, it } from "vitest";
import { ProposalStatus, Role } from "@/lib/generated/prisma/enums";
import { availableEvents, isEditable, nextStageEvent, stageEventAfter, stageTransition, transition, type WorkflowActor, type WorkflowEvent } from "@/lib/workflow";

const STATUSES = Object.values(ProposalStatus);
const ACTORS: WorkflowActor[] = [...Object.values(Role), "SYSTEM"];
const EVENTS: WorkflowEvent[] = [
  "submit",
  "beginLicenseReview",
  "beginFinancingReview",
  "approve",
  "decline",
  "returnForRevision",
  "withdraw",
  "cancelCommitment",
];

type Spec = { from: ProposalStatus[]; to: ProposalStatus; actors: WorkflowActor[] };

/** The program's workflow, as specified (not read from lib/workflow.ts). */
const SPEC: Record<WorkflowEvent, Spec> = {
  submit: { from: ["DRAFT", "RETURNED_FOR_REVISION"], to: "SUBMITTED", actors: ["CONSORTIUM_MEMBER"] },
  beginLicenseReview: { from: ["SUBMITTED"], to: "IN_LICENSE_REVIEW", actors: ["SYSTEM"] },
  beginFinancingReview: { from: ["SUBMITTED", "IN_LICENSE_REVIEW"], to: "IN_FINANCING_REVIEW", actors: ["SYSTEM"] },
  approve: { from: ["IN_FINANCING_REVIEW"], to: "APPROVED", actors: ["EXIM_OFFICER"] },
  decline: { from: ["IN_LICENSE_REVIEW", "IN_FINANCING_REVIEW"], to: "DECLINED", actors: ["EXIM_OFFICER"] },
  returnForRevision: {
    from: ["SUBMITTED", "IN_LICENSE_REVIEW", "IN_FINANCING_REVIEW"],
    to: "RETURNED_FOR_REVISION",
    actors: ["COMMERCE_REVIEWER", "EXIM_OFFICER"],
  },
  withdraw: {
    from: ["DRAFT", "SUBMITTED", "IN_LICENSE_REVIEW", "IN_FINANCING_REVIEW", "RETURNED_FOR_REVISION", "APPROVED"],
    to: "WITHDRAWN",
    actors: ["CONSORTIUM_MEMBER"],
  },
  cancelCommitment: { from: ["APPROVED"], to: "CANCELLED", actors: ["EXIM_OFFICER"] },
};

/** How each step and status reads to a person. */
const EVENT_WORDS: Record<WorkflowEvent, string> = {
  submit: "Submit proposal",
  beginLicenseReview: "Start license review",
  beginFinancingReview: "Start financing review",
  approve: "Approve financing",
  decline: "Decline financing",
  returnForRevision: "Return for revision",
  withdraw: "Withdraw proposal",
  cancelCommitment: "Cancel the final commitment",
};
const STATUS_WORDS: Record<ProposalStatus, string> = {
  DRAFT: "draft",
  SUBMITTED: "submitted",
  IN_LICENSE_REVIEW: "in license review",
  IN_FINANCING_REVIEW: "in financing review",
  APPROVED: "approved",
  DECLINED: "declined",
  WITHDRAWN: "withdrawn",
  RETURNED_FOR_REVISION: "returned for revision",
  CANCELLED: "commitment cancelled",
};

/** Every allowed transition as "STATUS --event/ACTOR--> STATUS", spelled out (21 in all). */
const ALLOWED_LIST = [
  "DRAFT --submit/CONSORTIUM_MEMBER--> SUBMITTED",
  "RETURNED_FOR_REVISION --submit/CONSORTIUM_MEMBER--> SUBMITTED",
  "SUBMITTED --beginLicenseReview/SYSTEM--> IN_LICENSE_REVIEW",
  "SUBMITTED --beginFinancingReview/SYSTEM--> IN_FINANCING_REVIEW",
  "IN_LICENSE_REVIEW --beginFinancingReview/SYSTEM--> IN_FINANCING_REVIEW",
  "IN_FINANCING_REVIEW --approve/EXIM_OFFICER--> APPROVED",
  "IN_LICENSE_REVIEW --decline/EXIM_OFFICER--> DECLINED",
  "IN_FINANCING_REVIEW --decline/EXIM_OFFICER--> DECLINED",
  "SUBMITTED --returnForRevision/COMMERCE_REVIEWER--> RETURNED_FOR_REVISION",
  "SUBMITTED --returnForRevision/EXIM_OFFICER--> RETURNED_FOR_REVISION",
  "IN_LICENSE_REVIEW --returnForRevision/COMMERCE_REVIEWER--> RETURNED_FOR_REVISION",
  "IN_LICENSE_REVIEW --returnForRevision/EXIM_OFFICER--> RETURNED_FOR_REVISION",
  "IN_FINANCING_REVIEW --returnForRevision/COMMERCE_REVIEWER--> RETURNED_FOR_REVISION",
  "IN_FINANCING_REVIEW --returnForRevision/EXIM_OFFICER--> RETURNED_FOR_REVISION",
  "DRAFT --withdraw/CONSORTIUM_MEMBER--> WITHDRAWN",
  "SUBMITTED --withdraw/CONSORTIUM_MEMBER--> WITHDRAWN",
  "IN_LICENSE_REVIEW --withdraw/CONSORTIUM_MEMBER--> WITHDRAWN",
  "IN_FINANCING_REVIEW --withdraw/CONSORTIUM_MEMBER--> WITHDRAWN",
  "RETURNED_FOR_REVISION --withdraw/CONSORTIUM_MEMBER--> WITHDRAWN",
  "APPROVED --withdraw/CONSORTIUM_MEMBER--> WITHDRAWN",
  "APPROVED --cancelCommitment/EXIM_OFFICER--> CANCELLED",
];

const combinations = STATUSES.flatMap((status) =>
  EVENTS.flatMap((event) => ACTORS.map((actor) => ({ status, event, actor }))),
);

describe("the proposal workflow", () => {
  it("knows the nine statuses and five actors the table is written for", () => {
    expect([...STATUSES].sort()).toEqual(
      [
        "APPROVED",
        "DECLINED",
        "DRAFT",
        "IN_FINANCING_REVIEW",
        "IN_LICENSE_REVIEW",
        "RETURNED_FOR_REVISION",
        "SUBMITTED",
        "WITHDRAWN",
        "CANCELLED",
      ].sort(),
    );
    expect(ACTORS).toHaveLength(5);
    expect(combinations).toHaveLength(9 * 8 * 5);
  });

  it("the spelled-out list of allowed moves agrees with the table (21 moves)", () => {
    const fromSpec = EVENTS.flatMap((event) =>
      SPEC[event].from.flatMap((from) => SPEC[event].actors.map((actor) => `${from} --${event}/${actor}--> ${SPEC[event].to}`)),
    );
    expect([...fromSpec].sort()).toEqual([...ALLOWED_LIST].sort());
    expect(ALLOWED_LIST).toHaveLength(21);
  });

  describe.each(combinations)("$status, $event by $actor", ({ status, event, actor }) => {
    const spec = SPEC[event];
    const allowed = spec.from.includes(status) && spec.actors.includes(actor);

    if (allowed) {
      it(`is allowed and leads to ${spec.to}`, () => {
        expect(transition(status, event, actor)).toEqual({ ok: true, from: status, to: spec.to, event });
      });
    } else {
      it("is refused with a reason in words", () => {
        const result = transition(status, event, actor);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        // The role is checked first; a permitted role hears about the status instead.
        expect(result.reason).toBe(
          spec.actors.includes(actor)
            ? `${EVENT_WORDS[event]} is not possible while the proposal is ${STATUS_WORDS[status]}.`
            : `${EVENT_WORDS[event]} is not open to your role.`,
        );
        // No raw enum names or event identifiers leak into what the user reads.
        expect(result.reason).not.toMatch(/[A-Z]+_[A-Z]+/);
        expect(result.reason).not.toMatch(/[a-z][A-Z]/);
      });
    }
  });

  it("counts exactly 21 allowed and 339 refused combinations", () => {
    const allowed = combinations.filter(({ status, event, actor }) => transition(status, event, actor).ok);
    const described = allowed.map(({ status, event, actor }) => `${status} --${event}/${actor}--> ${SPEC[event].to}`);
    expect(described.sort()).toEqual([...ALLOWED_LIST].sort());
    expect(combinations.length - allowed.length).toBe(339);
  });
});

describe("refusal reasons", () => {
  it("tells a role it may not take the step", () => {
    expect(transition("IN_FINANCING_REVIEW", "approve", "COMMERCE_REVIEWER")).toEqual({
      ok: false,
      reason: "Approve financing is not open to your role.",
    });
    expect(transition("DRAFT", "submit", "EXIM_OFFICER")).toEqual({
      ok: false,
      reason: "Submit proposal is not open to your role.",
    });
    expect(transition("SUBMITTED", "beginLicenseReview", "ADMINISTRATOR")).toEqual({
      ok: false,
      reason: "Start license review is not open to your role.",
    });
  });

  it("names the status in words when the step doesn't fit it", () => {
    expect(transition("DRAFT", "approve", "EXIM_OFFICER")).toEqual({
      ok: false,
      reason: "Approve financing is not possible while the proposal is draft.",
    });
    expect(transition("IN_FINANCING_REVIEW", "submit", "CONSORTIUM_MEMBER")).toEqual({
      ok: false,
      reason: "Submit proposal is not possible while the proposal is in financing review.",
    });
    expect(transition("RETURNED_FOR_REVISION", "returnForRevision", "COMMERCE_REVIEWER")).toEqual({
      ok: false,
      reason: "Return for revision is not possible while the proposal is returned for revision.",
    });
  });
});

describe("terminal states: declined, withdrawn and cancelled proposals have no way out", () => {
  it.each(["DECLINED", "WITHDRAWN", "CANCELLED"] as const)("%s refuses every event for every actor", (status) => {
    for (const event of EVENTS) {
      for (const actor of ACTORS) {
        expect(transition(status, event, actor).ok).toBe(false);
      }
      expect(ACTORS.flatMap((actor) => availableEvents(status, actor))).toEqual([]);
    }
  });

  it("a withdrawn proposal can't be submitted again", () => {
    expect(transition("WITHDRAWN", "submit", "CONSORTIUM_MEMBER")).toEqual({
      ok: false,
      reason: "Submit proposal is not possible while the proposal is withdrawn.",
    });
  });
});

describe("the actions a page offers (availableEvents)", () => {
  const cases: Array<[ProposalStatus, WorkflowActor, WorkflowEvent[]]> = [
    ["DRAFT", "CONSORTIUM_MEMBER", ["submit", "withdraw"]],
    ["DRAFT", "COMMERCE_REVIEWER", []],
    ["DRAFT", "EXIM_OFFICER", []],
    ["DRAFT", "SYSTEM", []],
    ["SUBMITTED", "CONSORTIUM_MEMBER", ["withdraw"]],
    ["SUBMITTED", "SYSTEM", ["beginLicenseReview", "beginFinancingReview"]],
    ["SUBMITTED", "COMMERCE_REVIEWER", ["returnForRevision"]],
    ["SUBMITTED", "EXIM_OFFICER", ["returnForRevision"]],
    ["IN_LICENSE_REVIEW", "SYSTEM", ["beginFinancingReview"]],
    ["IN_LICENSE_REVIEW", "COMMERCE_REVIEWER", ["returnForRevision"]],
    ["IN_LICENSE_REVIEW", "EXIM_OFFICER", ["decline", "returnForRevision"]],
    ["IN_FINANCING_REVIEW", "EXIM_OFFICER", ["approve", "decline", "returnForRevision"]],
    ["IN_FINANCING_REVIEW", "COMMERCE_REVIEWER", ["returnForRevision"]],
    ["IN_FINANCING_REVIEW", "CONSORTIUM_MEMBER", ["withdraw"]],
    ["IN_FINANCING_REVIEW", "SYSTEM", []],
    ["RETURNED_FOR_REVISION", "CONSORTIUM_MEMBER", ["submit", "withdraw"]],
    ["RETURNED_FOR_REVISION", "EXIM_OFFICER", []],
    ["APPROVED", "EXIM_OFFICER", ["cancelCommitment"]],
    ["APPROVED", "CONSORTIUM_MEMBER", ["withdraw"]],
  ];
  it.each(cases)("%s for %s: %j", (status, actor, expected) => {
    expect(availableEvents(status, actor)).toEqual(expected);
  });

  it("offers an administrator nothing in any status", () => {
    for (const status of STATUSES) expect(availableEvents(status, "ADMINISTRATOR")).toEqual([]);
  });
});

describe("the package can be edited only as a draft or when returned for revision", () => {
  it.each([
    ["DRAFT", true],
    ["RETURNED_FOR_REVISION", true],
    ["SUBMITTED", false],
    ["IN_LICENSE_REVIEW", false],
    ["IN_FINANCING_REVIEW", false],
    ["APPROVED", false],
    ["DECLINED", false],
    ["WITHDRAWN", false],
  ] as const)("%s editable: %s", (status, editable) => {
    expect(isEditable(status)).toBe(editable);
  });
});

describe("financing stages: letter of interest -> preliminary commitment -> final commitment", () => {
  it("go in order, each by an EXIM officer", () => {
    expect(nextStageEvent(null, "IN_LICENSE_REVIEW", "EXIM_OFFICER")).toBe("issueLetterOfInterest");
    expect(nextStageEvent("LETTER_OF_INTEREST", "IN_LICENSE_REVIEW", "EXIM_OFFICER")).toBe("issuePreliminaryCommitment");
    expect(nextStageEvent("PRELIMINARY_COMMITMENT", "IN_FINANCING_REVIEW", "EXIM_OFFICER")).toBe("issueFinalCommitment");
    expect(nextStageEvent("FINAL_COMMITMENT", "APPROVED", "EXIM_OFFICER")).toBeNull();
    expect([null, "LETTER_OF_INTEREST", "PRELIMINARY_COMMITMENT", "FINAL_COMMITMENT"].map((s) => stageEventAfter(s as never))).toEqual([
      "issueLetterOfInterest",
      "issuePreliminaryCommitment",
      "issueFinalCommitment",
      null,
    ]);
  });

  it("the final commitment is the proposal's approval, so it needs financing review (licenses decided)", () => {
    expect(stageTransition("PRELIMINARY_COMMITMENT", "IN_FINANCING_REVIEW", "issueFinalCommitment", "EXIM_OFFICER")).toEqual({
      ok: true,
      from: "PRELIMINARY_COMMITMENT",
      to: "FINAL_COMMITMENT",
      event: "issueFinalCommitment",
      proposalEvent: "approve",
    });
    expect(stageTransition("PRELIMINARY_COMMITMENT", "IN_LICENSE_REVIEW", "issueFinalCommitment", "EXIM_OFFICER")).toEqual({
      ok: false,
      reason: "Issue the final commitment is not possible while the proposal is in license review.",
    });
  });

  it("no stage is skipped, and only officers decide", () => {
    expect(stageTransition(null, "IN_FINANCING_REVIEW", "issueFinalCommitment", "EXIM_OFFICER")).toEqual({
      ok: false,
      reason: "Issue the final commitment is not possible before a letter of interest.",
    });
    expect(stageTransition("LETTER_OF_INTEREST", "IN_FINANCING_REVIEW", "issueLetterOfInterest", "EXIM_OFFICER")).toEqual({
      ok: false,
      reason: "Issue a letter of interest is not possible at the letter of interest stage.",
    });
    expect(stageTransition(null, "IN_FINANCING_REVIEW", "issueLetterOfInterest", "COMMERCE_REVIEWER").ok).toBe(false);
    expect(stageTransition(null, "DRAFT", "issueLetterOfInterest", "EXIM_OFFICER").ok).toBe(false);
  });
});
