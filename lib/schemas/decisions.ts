import { z } from "zod";
import { ExposureFeePayment, FinancingStage } from "@/lib/generated/prisma/enums";
import { calendarDate, checkbox, dollars, id, optionalText, requiredText } from "./fields";

export const LICENSE_OUTCOMES = ["APPROVED", "APPROVED_WITH_CONDITIONS", "PARTIALLY_APPROVED", "DENIED", "RETURNED_WITHOUT_ACTION"] as const;

/** A binding condition of a license: from a template (its kind), or written by the reviewer ("other"). */
export type LicenseCondition = { kind: string; text: string };

/**
 * The conditions a decision form posts: a checkbox `condition-<kind>` for each
 * template the reviewer picks, its text (as edited) in `conditionText-<kind>`,
 * and any further condition in `conditions`.
 */
export function postedConditions(value: Record<string, unknown>): LicenseCondition[] {
  const list: LicenseCondition[] = [];
  for (const [key, posted] of Object.entries(value)) {
    const kind = /^condition-([a-z-]+)$/.exec(key)?.[1];
    if (!kind || (posted !== "on" && posted !== "true")) continue;
    const text = value[`conditionText-${kind}`];
    list.push({ kind, text: typeof text === "string" ? text.trim() : "" });
  }
  const other = typeof value.conditions === "string" ? value.conditions.trim() : "";
  if (other) list.push({ kind: "other", text: other });
  return list;
}

const needsConditions = (outcome: unknown) => outcome === "APPROVED_WITH_CONDITIONS" || outcome === "PARTIALLY_APPROVED";

export const licenseDecisionSchema = z
  .object({
    licenseRequestId: id,
    outcome: z.enum(LICENSE_OUTCOMES, { error: "Choose a decision." }),
    reason: requiredText("the reason for the decision", 4000),
    conditions: optionalText("the conditions", 4000).transform((value) => value ?? undefined),
  })
  .catchall(z.string().max(4000, "A condition must be 4,000 characters or fewer."))
  .refine((decision) => decision.outcome !== "APPROVED_WITH_CONDITIONS" || postedConditions(decision).length > 0, {
    path: ["conditions"],
    message: "State the binding conditions of the approval.",
    when: (payload) => (payload.value as { outcome?: unknown }).outcome === "APPROVED_WITH_CONDITIONS",
  })
  .refine((decision) => decision.outcome !== "PARTIALLY_APPROVED" || postedConditions(decision).length > 0, {
    path: ["conditions"],
    message: "State which items are approved, and on what conditions.",
    when: (payload) => (payload.value as { outcome?: unknown }).outcome === "PARTIALLY_APPROVED",
  })
  .superRefine((decision, ctx) => {
    if (!needsConditions(decision.outcome)) return;
    for (const condition of postedConditions(decision)) {
      if (condition.kind !== "other" && !condition.text) {
        ctx.addIssue({ code: "custom", path: [`conditionText-${condition.kind}`], message: "Enter the text of the condition, or untick it." });
      }
    }
  })
  .transform((decision) => ({
    licenseRequestId: decision.licenseRequestId,
    outcome: decision.outcome,
    reason: decision.reason,
    conditions: decision.conditions,
    /** Only approvals with conditions and partial approvals carry conditions. */
    conditionList: needsConditions(decision.outcome) ? postedConditions(decision) : [],
  }));
export type LicenseDecisionInput = z.output<typeof licenseDecisionSchema>;

export const financingDecisionSchema = z
  .object({
    outcome: z.enum(["APPROVED", "DECLINED"], { error: "Choose a decision." }),
    proposalId: id,
    expectedVersion: z.coerce.number().int().min(1),
    approvedAmount: z.string().trim().optional(),
    reason: requiredText("the reason for the decision", 4000),
    /** The stage the officer means to issue, as the page offered it; a stale page is refused. */
    stage: z.enum(FinancingStage).optional(),
    startingPoint: z
      .string()
      .trim()
      .optional()
      .transform((value) => value || undefined)
      .pipe(calendarDate("the starting point").optional()),
    exposureFeePayment: z.enum(ExposureFeePayment).optional().default("UP_FRONT"),
    exposureFeeFinanced: checkbox,
  })
  .transform((decision, ctx) => {
    if (decision.outcome === "DECLINED") return { ...decision, outcome: "DECLINED" as const, approvedAmountCents: null };
    const parsed = dollars("the approved amount").safeParse(decision.approvedAmount ?? "");
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: ["approvedAmount"], message: issue.message });
      return z.NEVER;
    }
    return { ...decision, outcome: "APPROVED" as const, approvedAmountCents: parsed.data };
  });
export type FinancingDecisionInput = z.output<typeof financingDecisionSchema>;

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter your email address, like name@example.com."),
  password: z.string().min(1, "Enter your password.").max(200),
  callbackUrl: z.string().optional(),
});

export const boardDecisionSchema = z.object({
  proposalId: id,
  expectedVersion: z.coerce.number().int().min(1),
  boardDecidedAt: calendarDate("the date of the board's decision"),
  boardMinuteReference: requiredText("the minute reference", 200),
});
export type BoardDecisionInput = z.output<typeof boardDecisionSchema>;

export const congressionalNotificationSchema = z.object({
  proposalId: id,
  expectedVersion: z.coerce.number().int().min(1),
  congressNotifiedAt: calendarDate("the date Congress was notified"),
});
export type CongressionalNotificationInput = z.output<typeof congressionalNotificationSchema>;

export const cancelCommitmentSchema = z.object({
  proposalId: id,
  expectedVersion: z.coerce.number().int().min(1),
  reason: requiredText("the reason for the cancellation", 4000),
});
export type CancelCommitmentInput = z.output<typeof cancelCommitmentSchema>;
