// One schema per input, used by the form (field names, messages) and the server.
import { z } from "zod";
import { FinancingProduct, ObligorSector, StackLayer } from "@/lib/generated/prisma/enums";
import { eccnCode, dollars, optionalText, requiredText, wholeNumber, optionalWholeNumber, percentAsBasisPoints, checkbox, id } from "./fields";

export const proposalDetailsSchema = z.object({
  title: requiredText("a title", 200),
  summary: requiredText("a summary", 5000),
  destinationCountryCode: z
    .string({ error: "Choose a destination country." })
    .trim()
    .regex(/^[A-Z]{2}$/, "Choose a destination country."),
});
export type ProposalDetailsInput = z.output<typeof proposalDetailsSchema>;

/** An optional ECCN read by its grammar (lib/licensing/eccn.ts): the normalized form, or null when blank. */
export const optionalEccn = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || null)
  .pipe(eccnCode().nullable());

export const lineItemSchema = z
  .object({
    proposalId: id,
    layer: z.enum(StackLayer, { error: "Choose the stack layer." }),
    description: requiredText("a description", 500),
    manufacturer: optionalText("manufacturer", 200),
    model: optionalText("model", 200),
    quantity: wholeNumber("the quantity", 1, 10_000_000),
    unitPrice: dollars("the unit price", { maxCents: 100_000_000_000n }), // $1B a unit
    usContent: percentAsBasisPoints("the US content"),
    eccn: optionalEccn,
    totalProcessingPerformance: optionalWholeNumber("the total processing performance (TPP)", 10_000_000),
    performanceDensity: z
      .string()
      .trim()
      .optional()
      .transform((value) => (value ? value : null))
      .refine((value) => value === null || /^\d{1,6}(\.\d{1,2})?$/.test(value), {
        message: "Enter the performance density as a number with up to two decimals.",
      }),
    designedForDataCenter: checkbox,
  })
  .refine((item) => item.layer !== "HARDWARE" || Boolean(item.eccn), {
    path: ["eccn"],
    message: "Enter the export classification (ECCN) of hardware items.",
    // Run even when other fields failed, so the user sees every problem at once.
    when: (payload) => {
      const value = payload.value as { layer?: unknown; eccn?: unknown };
      return value.layer === "HARDWARE" && !payload.issues.some((issue) => issue.path?.[0] === "eccn");
    },
  });
export type LineItemInput = z.output<typeof lineItemSchema>;

export const removeLineItemSchema = z.object({ proposalId: id, lineItemId: id });

export const financingRequestSchema = z.object({
  proposalId: id,
  product: z.enum(FinancingProduct, { error: "Choose a financing product." }),
  requestedAmount: dollars("the amount requested"),
  eligibleForeignContent: dollars("the eligible foreign content", { allowZero: true }),
  localCosts: dollars("the local costs", { allowZero: true }).optional().default(0n),
  repaymentYears: wholeNumber("the repayment term", 1, 30), // sanity bound; the program's limit is a setting, checked on submission
  obligorSector: z.enum(ObligorSector, { error: "Choose the obligor's sector." }),
});
export type FinancingRequestInput = z.output<typeof financingRequestSchema>;

export const proposalActionSchema = z.object({
  proposalId: id,
  expectedVersion: z.coerce.number().int().min(1),
});

export const withdrawProposalSchema = proposalActionSchema.extend({
  confirm: z.literal("on", { error: "Confirm that you want to withdraw the proposal." }),
  /** Required after the final commitment: the release of the cap carries it. */
  reason: optionalText("the reason", 4000),
});

/** A reviewer's return of a proposal to the consortium: the reason is required and shown to the consortium. */
export const returnForRevisionSchema = proposalActionSchema.extend({
  // Its own name: the license and financing pages show it beside decision forms that have a "reason".
  revisionReason: requiredText("the reason the consortium should revise the proposal", 4000),
});
