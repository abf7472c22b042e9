// EXIM's reference tables, pure: the CIRR (minimum fixed rates, banded by
// repayment term) and the exposure-fee grid (OECD country risk category 0-7 by
// tenor). Both are dated versions an administrator adds; the version in force on
// a date is the latest one effective on or before it.
import { z } from "zod";
import { formatBasisPoints } from "@/lib/money";

const basisPoints = z.number().int().min(0).max(10_000);
const years = z.number().positive().max(50);

export const cirrTableSchema = z.object({
  bands: z
    .array(z.object({ maxRepaymentYears: years.nullable(), rateBasisPoints: basisPoints }))
    .min(1, "Add at least one band.")
    .refine((bands) => bands.filter((b) => b.maxRepaymentYears === null).length <= 1, "Only the last band may be open-ended."),
});
export type CirrTable = z.output<typeof cirrTableSchema>;

export const exposureFeeGridSchema = z.object({
  rows: z
    .array(
      z.object({
        riskCategory: z.number().int().min(0).max(7),
        maxTenorYears: years.nullable(),
        upFrontBasisPoints: basisPoints,
        asDrawnBasisPoints: basisPoints,
      }),
    )
    .min(1, "Add at least one row."),
});
export type ExposureFeeGrid = z.output<typeof exposureFeeGridSchema>;

export type Dated<T> = { effectiveFrom: string; data: T };

export { versionInForce } from "@/lib/versions";

const byUpperBound = <T extends { bound: number | null }>(rows: T[]) =>
  [...rows].sort((a, b) => (a.bound ?? Infinity) - (b.bound ?? Infinity));

/** The CIRR band for a repayment term: the first band whose upper bound covers it. */
export function cirrRate(table: CirrTable, repaymentYears: number): number | null {
  const bands = byUpperBound(table.bands.map((band) => ({ ...band, bound: band.maxRepaymentYears })));
  return bands.find((band) => band.bound === null || repaymentYears <= band.bound)?.rateBasisPoints ?? null;
}

export type FeePayment = "UP_FRONT" | "AS_DRAWN";

export type ExposureFee = { rateBasisPoints: number; feeCents: bigint; financed: boolean; description: string };

/**
 * The exposure fee for a financed amount: the grid's rate for the country risk
 * category and tenor, paid up front or as drawn. A financed fee is itself
 * financed, so it is charged on the amount plus the fee: amount x r / (1 - r).
 */
export function exposureFee(
  grid: ExposureFeeGrid,
  input: { riskCategory: number; tenorYears: number; amountCents: bigint; payment: FeePayment; financed: boolean },
): ExposureFee | null {
  const rows = byUpperBound(grid.rows.filter((row) => row.riskCategory === input.riskCategory).map((row) => ({ ...row, bound: row.maxTenorYears })));
  const row = rows.find((r) => r.bound === null || input.tenorYears <= r.bound);
  if (!row) return null;
  const rate = input.payment === "UP_FRONT" ? row.upFrontBasisPoints : row.asDrawnBasisPoints;
  const r = BigInt(rate);
  const feeCents = input.financed
    ? rate >= 10_000
      ? 0n
      : (input.amountCents * r + (10_000n - r) - 1n) / (10_000n - r)
    : (input.amountCents * r + 9_999n) / 10_000n;
  return {
    rateBasisPoints: rate,
    feeCents,
    financed: input.financed,
    description: `${formatBasisPoints(rate)} ${input.payment === "UP_FRONT" ? "up front" : "as drawn"}, country risk category ${input.riskCategory}${input.financed ? ", financed" : ""}`,
  };
}
