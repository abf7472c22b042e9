// EXIM cash-payment and cover rules, pure and in integer cents.
//
// The contract price splits into US content, foreign content (of which EXIM
// accepts an eligible part) and local costs. NCP = US content + eligible foreign
// content; the buyer pays >= 15% of NCP in cash; EXIM finances at most the lesser
// of 85% of NCP and 100% of US content, plus local costs up to a share of the
// export value (40% for high-income OECD destinations, 50% for others).
// Every share is a setting; see docs/decisions/0030-financing-figures.md.
import { formatBasisPoints, formatCents, shareOf, shareOfRoundedUp } from "@/lib/money";
import type { FinancingProduct } from "@/lib/generated/prisma/enums";
import type { ProgramSettings } from "@/lib/settings";

export type FinancingRules = Pick<
  ProgramSettings,
  | "financing.maxCoverOfNetContractPriceBasisPoints"
  | "financing.minCashPaymentBasisPoints"
  | "financing.minUsContentBasisPoints"
  | "financing.localCostsHighIncomeOecdBasisPoints"
  | "financing.localCostsOtherBasisPoints"
  | "financing.mediumTermMaxAmountCents"
  | "financing.minRepaymentYears"
  | "financing.mediumTermMaxRepaymentYears"
  | "financing.longTermMaxRepaymentYears"
>;

export type PricedItem = { quantity: number; unitPriceCents: bigint; usContentBasisPoints: number };

export type PackageValue = {
  /** What the line items cost together: the export value, local costs excluded. */
  contractPriceCents: bigint;
  /** US content in whole cents, each item's share rounded down (for display and NCP). */
  usContentCents: bigint;
  /**
   * US content exactly, in cents x basis points (the sum of value x share): the
   * US-content test compares this, so no rounding ever decides it.
   */
  usContentCentBasisPoints: bigint;
};

export function packageValue(items: readonly PricedItem[]): PackageValue {
  let contractPriceCents = 0n;
  let usContentCents = 0n;
  let usContentCentBasisPoints = 0n;
  for (const item of items) {
    const value = item.unitPriceCents * BigInt(item.quantity);
    contractPriceCents += value;
    usContentCents += shareOf(value, item.usContentBasisPoints);
    usContentCentBasisPoints += value * BigInt(item.usContentBasisPoints);
  }
  return { contractPriceCents, usContentCents, usContentCentBasisPoints };
}

/** The contract split as a consortium states it (the estimator) or as its line items give it. */
export type ContractSplit = {
  contractPriceCents: bigint;
  usContentCents: bigint;
  eligibleForeignContentCents: bigint;
  localCostsCents: bigint;
  /** Exact US content (cents x basis points), when it comes from line items. */
  usContentCentBasisPoints?: bigint;
};

/** The split of a proposal: its line items are the export, the request adds local costs. */
export function proposalSplit(
  items: readonly PricedItem[],
  request: { eligibleForeignContentCents: bigint; localCostsCents: bigint } | null,
): ContractSplit {
  const value = packageValue(items);
  const localCostsCents = request?.localCostsCents ?? 0n;
  return {
    contractPriceCents: value.contractPriceCents + localCostsCents,
    usContentCents: value.usContentCents,
    usContentCentBasisPoints: value.usContentCentBasisPoints,
    eligibleForeignContentCents: request?.eligibleForeignContentCents ?? 0n,
    localCostsCents,
  };
}

export type Destination = { isHighIncomeOecd: boolean };

export type BindingLimit = "netContractPrice" | "usContent";

export type Problem = { field: string | null; message: string };

export type FinancingFigures = {
  contractPriceCents: bigint;
  /** Contract price less local costs. */
  exportValueCents: bigint;
  usContentCents: bigint;
  foreignContentCents: bigint;
  /** Eligible foreign content as counted: never more than the foreign content in the contract. */
  eligibleForeignContentCents: bigint;
  localCostsCents: bigint;
  netContractPriceCents: bigint;
  minimumCashPaymentCents: bigint;
  /** Lesser of the NCP cover and the US content. */
  exportFinancedCents: bigint;
  bindingLimit: BindingLimit;
  localCostsShareBasisPoints: number;
  supportedLocalCostsCents: bigint;
  maximumFinancedCents: bigint;
  /** US share of the export value, rounded down to a basis point, for display. */
  usContentShareBasisPoints: number;
  meetsUsContent: boolean;
  /** What is wrong with the split itself. */
  problems: Problem[];
};

const min = (a: bigint, b: bigint) => (a < b ? a : b);
const max0 = (a: bigint) => (a < 0n ? 0n : a);

/**
 * Every figure EXIM derives from a contract split. Claims the contract can't
 * support (eligible foreign content above the foreign content, US content above
 * the export value) are reported as problems and never inflate the figures.
 */
export function financingFigures(split: ContractSplit, destinations: readonly Destination[], rules: FinancingRules): FinancingFigures {
  const problems: Problem[] = [];
  const { contractPriceCents, localCostsCents } = split;
  const exportValueCents = max0(contractPriceCents - localCostsCents);
  if (localCostsCents > contractPriceCents) {
    problems.push({ field: "localCosts", message: `Local costs of ${formatCents(localCostsCents)} are more than the contract price of ${formatCents(contractPriceCents)}.` });
  }
  if (split.usContentCents > exportValueCents) {
    problems.push({
      field: "usContent",
      message: `US content of ${formatCents(split.usContentCents)} is more than the export value (contract price less local costs) of ${formatCents(exportValueCents)}.`,
    });
  }
  const usContentCents = min(split.usContentCents, exportValueCents);
  const foreignContentCents = exportValueCents - usContentCents;
  if (split.eligibleForeignContentCents > foreignContentCents) {
    problems.push({
      field: "eligibleForeignContent",
      message: `Eligible foreign content of ${formatCents(split.eligibleForeignContentCents)} is more than the foreign content in the contract, ${formatCents(foreignContentCents)}.`,
    });
  }
  const eligibleForeignContentCents = min(split.eligibleForeignContentCents, foreignContentCents);
  const netContractPriceCents = usContentCents + eligibleForeignContentCents;
  const coverOfNcp = shareOf(netContractPriceCents, rules["financing.maxCoverOfNetContractPriceBasisPoints"]);
  const bindingLimit: BindingLimit = usContentCents < coverOfNcp ? "usContent" : "netContractPrice";
  const exportFinancedCents = min(usContentCents, coverOfNcp);

  // The strictest destination decides how much local cost EXIM supports.
  const localCostsShareBasisPoints = destinations.some((d) => d.isHighIncomeOecd)
    ? rules["financing.localCostsHighIncomeOecdBasisPoints"]
    : rules["financing.localCostsOtherBasisPoints"];
  const supportedLocalCostsCents = min(max0(localCostsCents), shareOf(exportValueCents, localCostsShareBasisPoints));

  // Exact share: US content (cents x bp) against the minimum share of the export value (cents x bp).
  const usExact = split.usContentCentBasisPoints ?? usContentCents * 10_000n;
  const minimum = BigInt(rules["financing.minUsContentBasisPoints"]);
  const meetsUsContent = exportValueCents > 0n && usExact >= minimum * exportValueCents;
  return {
    contractPriceCents,
    exportValueCents,
    usContentCents,
    foreignContentCents,
    eligibleForeignContentCents,
    localCostsCents,
    netContractPriceCents,
    minimumCashPaymentCents: shareOfRoundedUp(netContractPriceCents, rules["financing.minCashPaymentBasisPoints"]),
    exportFinancedCents,
    bindingLimit,
    localCostsShareBasisPoints,
    supportedLocalCostsCents,
    maximumFinancedCents: exportFinancedCents + supportedLocalCostsCents,
    usContentShareBasisPoints: exportValueCents === 0n ? 0 : Number(usExact / exportValueCents),
    meetsUsContent,
    problems,
  };
}

export type FinancingTerm = "MEDIUM_TERM" | "LONG_TERM";

export const TERM_LABELS: Readonly<Record<FinancingTerm, string>> = { MEDIUM_TERM: "Medium-term", LONG_TERM: "Long-term" };

/** Medium-term: up to $25M and 1-7 years (config); anything larger or longer is long-term. */
export function financingTerm(amountCents: bigint, repaymentYears: number, rules: FinancingRules): FinancingTerm {
  return amountCents <= rules["financing.mediumTermMaxAmountCents"] && repaymentYears <= rules["financing.mediumTermMaxRepaymentYears"]
    ? "MEDIUM_TERM"
    : "LONG_TERM";
}

const PRODUCTS_FOR_TERM: Record<FinancingTerm, readonly FinancingProduct[]> = {
  // This program: medium-term deals use insurance or guarantees; long-term deals direct loans or guarantees.
  MEDIUM_TERM: ["EXPORT_CREDIT_INSURANCE", "LOAN_GUARANTEE"],
  LONG_TERM: ["DIRECT_LOAN", "LOAN_GUARANTEE"],
};

export function allowedProducts(term: FinancingTerm): readonly FinancingProduct[] {
  return PRODUCTS_FOR_TERM[term];
}

/** What a decision or an ask commits to: the amount, the product and the tenor, taken together. */
export type FinancingTerms = { amountCents: bigint; product: FinancingProduct; repaymentYears: number };

/** Limits that only apply at a decision (or to an approval of less than the ask). */
export type DecisionLimits = { requestedAmountCents?: bigint; capHeadroomCents?: bigint };

/**
 * Every rule the terms break, against the package's figures. Submission, the
 * estimator and every decision call this one function, so an approval can never
 * pass what the ask could not (an approved $20M of a $30M direct loan over five
 * years becomes a medium-term direct loan, which the program does not offer).
 */
export function financingProblems(
  terms: FinancingTerms,
  figures: FinancingFigures,
  rules: FinancingRules,
  limits: DecisionLimits = {},
): Problem[] {
  const problems: Problem[] = [...figures.problems];
  const { amountCents, repaymentYears } = terms;
  if (amountCents <= 0n) problems.push({ field: "amount", message: "The financed amount must be more than zero." });
  if (limits.requestedAmountCents !== undefined && amountCents > limits.requestedAmountCents) {
    problems.push({ field: "amount", message: `The amount exceeds the ${formatCents(limits.requestedAmountCents)} the consortium requested.` });
  }
  if (amountCents > figures.maximumFinancedCents) {
    const limit =
      figures.bindingLimit === "usContent"
        ? "100% of US content"
        : `${formatBasisPoints(rules["financing.maxCoverOfNetContractPriceBasisPoints"])} of the net contract price; the buyer pays at least ${formatCents(figures.minimumCashPaymentCents)} in cash`;
    const local = figures.supportedLocalCostsCents > 0n ? `, plus ${formatCents(figures.supportedLocalCostsCents)} of local costs` : "";
    problems.push({
      field: "amount",
      message: `${formatCents(amountCents)} is more than EXIM may finance for this package: ${formatCents(figures.maximumFinancedCents)} (${limit}${local}).`,
    });
  }
  if (figures.exportValueCents > 0n && !figures.meetsUsContent) {
    problems.push({
      field: "usContent",
      message: `US content is ${formatBasisPoints(figures.usContentShareBasisPoints)} of the export value; AI exports need at least ${formatBasisPoints(rules["financing.minUsContentBasisPoints"])}.`,
    });
  }
  const term = financingTerm(amountCents, repaymentYears, rules);
  const minYears = rules["financing.minRepaymentYears"];
  const maxYears = term === "MEDIUM_TERM" ? rules["financing.mediumTermMaxRepaymentYears"] : rules["financing.longTermMaxRepaymentYears"];
  if (repaymentYears < minYears || repaymentYears > maxYears) {
    problems.push({
      field: "repaymentYears",
      message: `${TERM_LABELS[term]} financing is repaid over ${minYears} to ${maxYears} years; ${repaymentYears} years is outside that.`,
    });
  }
  if (!PRODUCTS_FOR_TERM[term].includes(terms.product)) {
    problems.push({
      field: "product",
      message:
        term === "LONG_TERM"
          ? `Long-term financing (above ${formatCents(rules["financing.mediumTermMaxAmountCents"])} or over ${rules["financing.mediumTermMaxRepaymentYears"]} years) uses a direct loan or a loan guarantee.`
          : `Medium-term financing (up to ${formatCents(rules["financing.mediumTermMaxAmountCents"])} and ${rules["financing.mediumTermMaxRepaymentYears"]} years) uses export credit insurance or a loan guarantee.`,
    });
  }
  if (limits.capHeadroomCents !== undefined && amountCents > limits.capHeadroomCents) {
    problems.push({ field: "amount", message: `The amount exceeds the exposure cap's remaining headroom of ${formatCents(limits.capHeadroomCents)}.` });
  }
  return problems;
}

/** The most an officer may approve: the lesser of the ask, the cover limit and the cap's headroom. */
export function approvableAmount(requestedAmountCents: bigint, figures: FinancingFigures, capHeadroomCents: bigint): bigint {
  return [requestedAmountCents, figures.maximumFinancedCents, capHeadroomCents].reduce((least, amount) => (amount < least ? amount : least));
}
