// EXIM cash-payment and cover rules, pure and in integer cents.
// NCP = US content + eligible foreign content; the buyer pays >= 15% of NCP in
// cash; EXIM finances at most the lesser of 85% of NCP and 100% of US content.
import { shareOf, shareOfRoundedUp, formatCents, formatBasisPoints } from "@/lib/money";
import type { FinancingProduct } from "@/lib/generated/prisma/enums";
import type { ProgramSettings } from "@/lib/settings";

export type FinancingRules = Pick<
  ProgramSettings,
  | "financing.maxCoverOfNetContractPriceBasisPoints"
  | "financing.minCashPaymentBasisPoints"
  | "financing.minUsContentBasisPoints"
>;

export type PricedItem = { quantity: number; unitPriceCents: bigint; usContentBasisPoints: number };

export type PackageValue = { contractPriceCents: bigint; usContentCents: bigint };

export function packageValue(items: readonly PricedItem[]): PackageValue {
  let contractPriceCents = 0n;
  let usContentCents = 0n;
  for (const item of items) {
    const value = item.unitPriceCents * BigInt(item.quantity);
    contractPriceCents += value;
    usContentCents += shareOf(value, item.usContentBasisPoints);
  }
  return { contractPriceCents, usContentCents };
}

export type FinancingLimits = {
  contractPriceCents: bigint;
  usContentCents: bigint;
  netContractPriceCents: bigint;
  minimumCashPaymentCents: bigint;
  maximumFinancedCents: bigint;
  /** Which limit binds: 85% of NCP or 100% of US content. */
  bindingLimit: "netContractPrice" | "usContent";
  usContentShareBasisPoints: number;
};

export function financingLimits(
  value: PackageValue,
  eligibleForeignContentCents: bigint,
  rules: FinancingRules,
): FinancingLimits {
  const netContractPriceCents = value.usContentCents + eligibleForeignContentCents;
  const coverOfNcp = shareOf(netContractPriceCents, rules["financing.maxCoverOfNetContractPriceBasisPoints"]);
  const bindingLimit = value.usContentCents < coverOfNcp ? "usContent" : "netContractPrice";
  return {
    contractPriceCents: value.contractPriceCents,
    usContentCents: value.usContentCents,
    netContractPriceCents,
    minimumCashPaymentCents: shareOfRoundedUp(netContractPriceCents, rules["financing.minCashPaymentBasisPoints"]),
    maximumFinancedCents: bindingLimit === "usContent" ? value.usContentCents : coverOfNcp,
    bindingLimit,
    usContentShareBasisPoints:
      value.contractPriceCents === 0n ? 0 : Number((value.usContentCents * 10_000n) / value.contractPriceCents),
  };
}

export type ApprovalCheck = {
  amountCents: bigint;
  requestedAmountCents: bigint;
  limits: FinancingLimits;
  capHeadroomCents: bigint;
};

/** The most an officer may approve: the lesser of the ask, the cover limit and the cap's headroom. */
export function approvableAmount(requestedAmountCents: bigint, limits: FinancingLimits, capHeadroomCents: bigint): bigint {
  return [requestedAmountCents, limits.maximumFinancedCents, capHeadroomCents].reduce((least, amount) => (amount < least ? amount : least));
}

/** Every reason an approved amount breaks the program's rules; empty when it is sound. */
export function approvalViolations(check: ApprovalCheck, rules: FinancingRules): string[] {
  const { amountCents, limits } = check;
  const problems: string[] = [];
  if (amountCents <= 0n) problems.push("The approved amount must be more than zero.");
  if (amountCents > check.requestedAmountCents) {
    problems.push(`The approved amount exceeds the ${formatCents(check.requestedAmountCents)} the consortium requested.`);
  }
  if (amountCents > limits.maximumFinancedCents) {
    problems.push(
      limits.bindingLimit === "usContent"
        ? `EXIM may finance at most 100% of US content, ${formatCents(limits.usContentCents)}.`
        : `EXIM may finance at most ${formatBasisPoints(rules["financing.maxCoverOfNetContractPriceBasisPoints"])} of the net contract price, ${formatCents(limits.maximumFinancedCents)}; the buyer pays at least ${formatCents(limits.minimumCashPaymentCents)} in cash.`,
    );
  }
  if (limits.usContentShareBasisPoints < rules["financing.minUsContentBasisPoints"]) {
    problems.push(
      `US content is ${formatBasisPoints(limits.usContentShareBasisPoints)} of the contract price; transformational exports need at least ${formatBasisPoints(rules["financing.minUsContentBasisPoints"])}.`,
    );
  }
  if (amountCents > check.capHeadroomCents) {
    problems.push(`The amount exceeds the exposure cap's remaining headroom of ${formatCents(check.capHeadroomCents)}.`);
  }
  return problems;
}

export type FinancingTerm = "MEDIUM_TERM" | "LONG_TERM";

type TermRules = Pick<
  ProgramSettings,
  "financing.mediumTermMaxAmountCents" | "financing.mediumTermMaxRepaymentYears" | "financing.longTermMaxRepaymentYears"
>;

/** Medium-term: up to $25M and 1-7 years (config); anything larger or longer is long-term. */
export function financingTerm(amountCents: bigint, repaymentYears: number, rules: TermRules): FinancingTerm {
  return amountCents <= rules["financing.mediumTermMaxAmountCents"] && repaymentYears <= rules["financing.mediumTermMaxRepaymentYears"]
    ? "MEDIUM_TERM"
    : "LONG_TERM";
}

const PRODUCTS_FOR_TERM: Record<FinancingTerm, readonly FinancingProduct[]> = {
  // This program: medium-term deals use insurance or guarantees; long-term deals direct loans or guarantees.
  MEDIUM_TERM: ["EXPORT_CREDIT_INSURANCE", "LOAN_GUARANTEE"],
  LONG_TERM: ["DIRECT_LOAN", "LOAN_GUARANTEE"],
};

export type FinancingAsk = { product: FinancingProduct; requestedAmountCents: bigint; repaymentYears: number };

/** What is wrong with a consortium's financing ask, checked before submission. */
export function financingAskProblems(ask: FinancingAsk, limits: FinancingLimits, rules: FinancingRules & TermRules): string[] {
  const problems: string[] = [];
  if (ask.requestedAmountCents > limits.maximumFinancedCents) {
    problems.push(
      `You ask for ${formatCents(ask.requestedAmountCents)}, more than EXIM may finance for this package: ${formatCents(limits.maximumFinancedCents)} (${limits.bindingLimit === "usContent" ? "100% of US content" : `${formatBasisPoints(rules["financing.maxCoverOfNetContractPriceBasisPoints"])} of the net contract price`}).`,
    );
  }
  if (limits.contractPriceCents > 0n && limits.usContentShareBasisPoints < rules["financing.minUsContentBasisPoints"]) {
    problems.push(
      `US content is ${formatBasisPoints(limits.usContentShareBasisPoints)} of the contract price; AI exports need at least ${formatBasisPoints(rules["financing.minUsContentBasisPoints"])}.`,
    );
  }
  const term = financingTerm(ask.requestedAmountCents, ask.repaymentYears, rules);
  if (term === "LONG_TERM" && ask.repaymentYears > rules["financing.longTermMaxRepaymentYears"]) {
    problems.push(`Repayment can be at most ${rules["financing.longTermMaxRepaymentYears"]} years.`);
  }
  if (!PRODUCTS_FOR_TERM[term].includes(ask.product)) {
    problems.push(
      term === "LONG_TERM"
        ? `Long-term financing (above ${formatCents(rules["financing.mediumTermMaxAmountCents"])} or over ${rules["financing.mediumTermMaxRepaymentYears"]} years) uses a direct loan or a loan guarantee.`
        : "Medium-term financing uses export credit insurance or a loan guarantee.",
    );
  }
  return problems;
}
