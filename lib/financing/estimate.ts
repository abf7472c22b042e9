// The public financing estimate: what EXIM would finance for a contract split,
// the term, the schedule and every rule the ask breaks. No sign-in; it reads
// only settings, countries and reference tables, never a proposal.
import type { z } from "zod";
import type { Db } from "@/lib/db";
import { loadProgramSettings } from "@/lib/settings";
import { financingEstimateSchema, type FinancingEstimateInput, type financingEstimateResponseDoc } from "@/lib/schemas/estimate";
import { cirrRate, exposureFee } from "./reference";
import { loadReferenceTables, tablesInForce } from "./reference-tables";
import { allowedProducts, financingFigures, financingProblems, financingTerm, type Problem } from "./rules";
import { centsToDecimal, repaymentSchedule } from "./schedule";

/** The input names a country the program doesn't know: a field problem, not a rule. */
export class UnknownCountryError extends Error {
  readonly problems: Problem[];
  constructor(code: string) {
    super(`No country with the code ${code}.`);
    this.problems = [{ field: "destinationCountryCode", message: `No country with the code ${code}; use a two-letter ISO code, like AE.` }];
  }
}

export type FinancingEstimate = z.input<typeof financingEstimateResponseDoc>;

const percent = (basisPoints: number) => `${Math.trunc(basisPoints / 100)}.${String(basisPoints % 100).padStart(2, "0")}`;

export async function estimateFinancing(client: Db, input: FinancingEstimateInput, today = new Date()): Promise<FinancingEstimate> {
  const [settings, country, tables] = await Promise.all([
    loadProgramSettings(client),
    client.country.findUnique({ where: { code: input.destinationCountryCode }, select: { isHighIncomeOecd: true, oecdRiskCategory: true } }),
    loadReferenceTables(client),
  ]);
  if (!country) throw new UnknownCountryError(input.destinationCountryCode);
  const figures = financingFigures(
    {
      contractPriceCents: input.contractPrice,
      usContentCents: input.usContent,
      eligibleForeignContentCents: input.eligibleForeignContent,
      localCostsCents: input.localCosts ?? 0n,
    },
    [country],
    settings,
  );
  const amountCents = input.requestedAmount ?? figures.maximumFinancedCents;
  const terms = { amountCents, product: input.product, repaymentYears: input.repaymentYears };
  const problems = financingProblems(terms, figures, settings);
  const term = financingTerm(amountCents, input.repaymentYears, settings);
  const inForce = tablesInForce(tables, today.toISOString().slice(0, 10));
  const rate = inForce.cirr ? cirrRate(inForce.cirr, input.repaymentYears) : null;
  // CIRR is the fixed rate of a direct loan; other products' rates are the lender's.
  const scheduleRate = input.product === "DIRECT_LOAN" ? rate : null;
  const fee =
    inForce.exposureFees && country.oecdRiskCategory !== null
      ? exposureFee(inForce.exposureFees, { riskCategory: country.oecdRiskCategory, tenorYears: input.repaymentYears, amountCents, payment: "UP_FRONT", financed: false })
      : null;
  const schedule = amountCents > 0n ? repaymentSchedule(amountCents, input.repaymentYears, input.startingPoint, scheduleRate) : [];
  return {
    contractPrice: centsToDecimal(figures.contractPriceCents),
    exportValue: centsToDecimal(figures.exportValueCents),
    foreignContent: centsToDecimal(figures.foreignContentCents),
    eligibleForeignContent: centsToDecimal(figures.eligibleForeignContentCents),
    netContractPrice: centsToDecimal(figures.netContractPriceCents),
    minimumCashPayment: centsToDecimal(figures.minimumCashPaymentCents),
    maximumFinanced: centsToDecimal(figures.maximumFinancedCents),
    bindingLimit: figures.bindingLimit,
    supportedLocalCosts: centsToDecimal(figures.supportedLocalCostsCents),
    usContentShare: percent(figures.usContentShareBasisPoints),
    financedAmount: centsToDecimal(amountCents),
    term,
    allowedProducts: [...allowedProducts(term)],
    cirrRate: rate === null ? null : percent(rate),
    exposureFee: fee ? { rate: percent(fee.rateBasisPoints), amount: centsToDecimal(fee.feeCents) } : null,
    schedule: schedule.map((row) => ({ dueDate: row.dueDate, principal: centsToDecimal(row.principalCents), interest: centsToDecimal(row.interestCents) })),
    problems,
  };
}

export type EstimateOutcome =
  | { kind: "empty" }
  | { kind: "invalid"; fieldErrors: Record<string, string> }
  | { kind: "estimate"; estimate: FinancingEstimate; input: FinancingEstimateInput };

/** The estimator page's query (every value a string; empty means left out) through the same schema as the API. */
export async function estimateFromQuery(client: Db, query: Record<string, string | string[] | undefined>): Promise<EstimateOutcome> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    const text = Array.isArray(value) ? value[0] : value;
    if (text !== undefined && text.trim() !== "") values[key] = text;
  }
  if (Object.keys(values).length === 0) return { kind: "empty" };
  const parsed = financingEstimateSchema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
    return { kind: "invalid", fieldErrors };
  }
  try {
    return { kind: "estimate", estimate: await estimateFinancing(client, parsed.data), input: parsed.data };
  } catch (error) {
    if (error instanceof UnknownCountryError) return { kind: "invalid", fieldErrors: { destinationCountryCode: error.problems[0]!.message } };
    throw error;
  }
}

/** Destinations a package may be estimated for: every country but those of concern, by name. */
export async function estimatorCountries(client: Db) {
  return client.country.findMany({ where: { isCountryOfConcern: false, code: { not: "US" } }, orderBy: { name: "asc" }, select: { code: true, name: true } });
}
