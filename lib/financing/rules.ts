// EXIM cash-payment and cover rules, pure and in integer cents.
// NCP = US content + eligible foreign content; the buyer pays >= 15% of NCP in
// cash; EXIM finances at most the lesser of 85% of NCP and 100% of US content.
import { shareOf, shareOfRoundedUp, formatCents, formatBasisPoints } from "@/lib/money";
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
