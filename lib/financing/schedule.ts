// Repayment schedules, pure: equal semi-annual principal installments, the first
// six months after the starting point (shipment or project completion), interest
// on the outstanding balance at the rate that applies. Cents add up exactly.
import { addMonths, formatISO } from "date-fns";
import { UTCDate } from "@date-fns/utc";
import { formatCents } from "@/lib/money";

export type Installment = {
  number: number;
  /** Calendar date, yyyy-mm-dd. */
  dueDate: string;
  principalCents: bigint;
  interestCents: bigint;
  /** Outstanding after this installment is paid. */
  balanceAfterCents: bigint;
};

export const INSTALLMENTS_PER_YEAR = 2;
const MONTHS_BETWEEN_INSTALLMENTS = 12 / INSTALLMENTS_PER_YEAR;

/** Half-up division of non-negative bigints. */
const divideRounded = (numerator: bigint, denominator: bigint) => (numerator * 2n + denominator) / (denominator * 2n);

/**
 * The schedule for `principalCents` over `repaymentYears`, from `startingPoint`
 * (yyyy-mm-dd). Principal splits evenly; the cents that don't divide go one each
 * to the first installments, so the installments sum to the principal exactly.
 * `annualRateBasisPoints` null leaves interest at zero (rate not known yet).
 */
export function repaymentSchedule(
  principalCents: bigint,
  repaymentYears: number,
  startingPoint: string,
  annualRateBasisPoints: number | null,
): Installment[] {
  if (principalCents <= 0n || !Number.isInteger(repaymentYears) || repaymentYears <= 0) return [];
  const count = repaymentYears * INSTALLMENTS_PER_YEAR;
  const even = principalCents / BigInt(count);
  const remainder = Number(principalCents % BigInt(count));
  const start = new UTCDate(`${startingPoint}T00:00:00Z`);
  if (Number.isNaN(start.getTime())) return [];
  const rate = BigInt(annualRateBasisPoints ?? 0);
  const installments: Installment[] = [];
  let outstanding = principalCents;
  for (let i = 0; i < count; i++) {
    const principal = even + (i < remainder ? 1n : 0n);
    // Half a year's interest on what is outstanding before this payment.
    const interest = divideRounded(outstanding * rate, 10_000n * BigInt(INSTALLMENTS_PER_YEAR));
    outstanding -= principal;
    installments.push({
      number: i + 1,
      dueDate: formatISO(addMonths(start, MONTHS_BETWEEN_INSTALLMENTS * (i + 1)), { representation: "date" }),
      principalCents: principal,
      interestCents: interest,
      balanceAfterCents: outstanding,
    });
  }
  return installments;
}

/** Dollars with two decimals and no grouping, for CSV and JSON. */
export function centsToDecimal(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? "-" : ""}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}

export const SCHEDULE_CSV_HEADER = ["installment", "due_date", "principal_usd", "interest_usd", "balance_after_usd"] as const;

export function scheduleRows(schedule: readonly Installment[]): string[][] {
  return schedule.map((row) => [
    String(row.number),
    row.dueDate,
    centsToDecimal(row.principalCents),
    centsToDecimal(row.interestCents),
    centsToDecimal(row.balanceAfterCents),
  ]);
}

export function scheduleSummary(schedule: readonly Installment[]): string {
  const total = schedule.reduce((sum, row) => sum + row.principalCents, 0n);
  return `${schedule.length} semi-annual installments totalling ${formatCents(total)}`;
}
