import { z } from "zod";
import { ExposureFeePayment, FinancingStage } from "@/lib/generated/prisma/enums";
import { calendarDate, checkbox, dollars, id, optionalText, requiredText } from "./fields";

export const LICENSE_OUTCOMES = ["APPROVED", "APPROVED_WITH_CONDITIONS", "PARTIALLY_APPROVED", "DENIED", "RETURNED_WITHOUT_ACTION"] as const;

export const licenseDecisionSchema = z
  .object({
    licenseRequestId: id,
    outcome: z.enum(LICENSE_OUTCOMES, { error: "Choose a decision." }),
    reason: requiredText("the reason for the decision", 4000),
    conditions: optionalText("the conditions", 4000).transform((value) => value ?? undefined),
  })
  .refine((decision) => decision.outcome !== "APPROVED_WITH_CONDITIONS" || Boolean(decision.conditions), {
    path: ["conditions"],
    message: "State the binding conditions of the approval.",
    when: (payload) => (payload.value as { outcome?: unknown }).outcome === "APPROVED_WITH_CONDITIONS",
  })
  .refine((decision) => decision.outcome !== "PARTIALLY_APPROVED" || Boolean(decision.conditions), {
    path: ["conditions"],
    message: "State which items are approved, and on what conditions.",
    when: (payload) => (payload.value as { outcome?: unknown }).outcome === "PARTIALLY_APPROVED",
  });
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
