// The financing estimate's input: the public estimator page (form fields, all
// strings) and POST /api/v1/financing/estimate (JSON) parse with this one schema.
import { z } from "zod";
import { FinancingProduct } from "@/lib/generated/prisma/enums";
import { calendarDate, dollars } from "./fields";

/** Whole years, from JSON (a number) or a form (a string). */
const years = z
  .union([z.number(), z.string().trim().regex(/^\d+$/).transform(Number)], { error: "Enter the repayment term as a whole number of years." })
  .pipe(z.number({ error: "Enter the repayment term as a whole number of years." }).int("Enter the repayment term as a whole number of years.").min(1, "The repayment term must be at least 1 year.").max(30, "The repayment term must be at most 30 years."));

export const financingEstimateSchema = z.object({
  contractPrice: dollars("the contract price").describe("US dollars as a decimal string, like \"150000000.00\": US content + foreign content + local costs."),
  usContent: dollars("the US content", { allowZero: true }).describe("US dollars."),
  eligibleForeignContent: dollars("the eligible foreign content", { allowZero: true }).describe("US dollars; never more than the foreign content in the contract."),
  localCosts: dollars("the local costs", { allowZero: true }).optional().describe("US dollars; 0 when left out."),
  requestedAmount: dollars("the amount requested").optional().describe("US dollars; the most EXIM may finance when left out."),
  product: z.enum(FinancingProduct, { error: "Choose a financing product: LOAN_GUARANTEE, DIRECT_LOAN or EXPORT_CREDIT_INSURANCE." }),
  repaymentYears: years,
  startingPoint: calendarDate("the starting point").describe("yyyy-mm-dd: shipment or project completion; the first installment falls six months later."),
  destinationCountryCode: z
    .string({ error: "Enter the destination country as a two-letter code, like AE." })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, "Enter the destination country as a two-letter code, like AE.")
    .describe("ISO 3166-1 alpha-2."),
});
export type FinancingEstimateInput = z.output<typeof financingEstimateSchema>;

const problemDoc = z.object({ field: z.string().nullable(), message: z.string() });

export const financingEstimateResponseDoc = z
  .object({
    contractPrice: z.string(),
    exportValue: z.string(),
    foreignContent: z.string(),
    eligibleForeignContent: z.string().describe("As counted: never more than the foreign content."),
    netContractPrice: z.string(),
    minimumCashPayment: z.string(),
    maximumFinanced: z.string(),
    bindingLimit: z.enum(["netContractPrice", "usContent"]),
    supportedLocalCosts: z.string(),
    usContentShare: z.string().describe("Percent with two decimals, like \"51.00\"."),
    financedAmount: z.string(),
    term: z.enum(["MEDIUM_TERM", "LONG_TERM"]),
    allowedProducts: z.array(z.enum(FinancingProduct)),
    cirrRate: z.string().nullable().describe("Percent a year; the CIRR band for the repayment term, in force today."),
    exposureFee: z.object({ rate: z.string(), amount: z.string() }).nullable(),
    schedule: z.array(z.object({ dueDate: z.string(), principal: z.string(), interest: z.string() })),
    problems: z.array(problemDoc),
  });

export const inputProblemsDoc = z.object({ error: z.string(), problems: z.array(problemDoc) });
