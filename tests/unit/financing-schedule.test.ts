// Repayment schedules and EXIM's reference tables (CIRR bands, exposure-fee grid).
import { describe, expect, it } from "vitest";
import { cirrRate, exposureFee, versionInForce, type CirrTable, type ExposureFeeGrid } from "@/lib/financing/reference";
import { repaymentSchedule } from "@/lib/financing/schedule";
import { CIRR_VERSIONS, EXPOSURE_FEE_VERSIONS } from "@/prisma/seed/reference-data";

const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);

describe("repayment schedule", () => {
  it("$68M over 10 years: 20 semi-annual installments of $3.4M, the first six months after the starting point", () => {
    const schedule = repaymentSchedule(6_800_000_000n, 10, "2027-01-15", null);
    expect(schedule).toHaveLength(20);
    expect(schedule[0]).toMatchObject({ number: 1, dueDate: "2027-07-15", principalCents: 340_000_000n, interestCents: 0n });
    expect(schedule[1]!.dueDate).toBe("2028-01-15");
    expect(schedule.at(-1)).toMatchObject({ number: 20, dueDate: "2037-01-15", balanceAfterCents: 0n });
    expect(sum(schedule.map((row) => row.principalCents))).toBe(6_800_000_000n);
  });

  it.each([
    [1n, 1],
    [99_999_999_999n, 7],
    [2_500_000_001n, 3],
    [123_456_789_012_345_678n, 15],
  ])("%s cents over %i years sum to the principal to the cent, installments differing by at most a cent", (principal, years) => {
    const schedule = repaymentSchedule(principal, years, "2026-03-31", 450);
    expect(schedule).toHaveLength(years * 2);
    expect(sum(schedule.map((row) => row.principalCents))).toBe(principal);
    const amounts = schedule.map((row) => row.principalCents);
    const spread = amounts.reduce((a, b) => (a > b ? a : b)) - amounts.reduce((a, b) => (a < b ? a : b));
    expect(spread <= 1n).toBe(true);
  });

  it("month ends stay month ends where the month allows: 31 August -> 28 February", () => {
    const schedule = repaymentSchedule(1_000_00n, 1, "2026-08-31", null);
    expect(schedule.map((row) => row.dueDate)).toEqual(["2027-02-28", "2027-08-31"]);
  });

  it("interest is half a year's on the outstanding balance, rounded half up", () => {
    // $10M at 4.50% over 1 year: $225,000.00 on $10M, then $112,500.00 on $5M.
    const schedule = repaymentSchedule(1_000_000_000n, 1, "2027-01-15", 450);
    expect(schedule.map((row) => row.interestCents)).toEqual([22_500_000n, 11_250_000n]);
    // 3 cents at 100%: half a year's interest is 1.5 cents, rounded half up to 2.
    expect(repaymentSchedule(3n, 1, "2027-01-15", 10_000)[0]!.interestCents).toBe(2n);
  });

  it("no principal or no term gives no schedule", () => {
    expect(repaymentSchedule(0n, 10, "2027-01-15", null)).toEqual([]);
    expect(repaymentSchedule(100n, 0, "2027-01-15", null)).toEqual([]);
    expect(repaymentSchedule(100n, 1, "not a date", null)).toEqual([]);
  });
});

describe("CIRR table", () => {
  const table: CirrTable = { bands: [{ maxRepaymentYears: 5, rateBasisPoints: 452 }, { maxRepaymentYears: 8.5, rateBasisPoints: 467 }, { maxRepaymentYears: null, rateBasisPoints: 481 }] };

  it("bands by repayment term, upper bound inclusive", () => {
    expect(cirrRate(table, 1)).toBe(452);
    expect(cirrRate(table, 5)).toBe(452);
    expect(cirrRate(table, 6)).toBe(467);
    expect(cirrRate(table, 8.5)).toBe(467);
    expect(cirrRate(table, 15)).toBe(481);
  });

  it("the version in force is the latest effective on or before the date", () => {
    const versions = [
      { effectiveFrom: "2026-10-15", data: "October" },
      { effectiveFrom: "2026-11-15", data: "November" },
    ];
    expect(versionInForce(versions, "2026-10-14")).toBeNull();
    expect(versionInForce(versions, "2026-11-14")!.data).toBe("October");
    expect(versionInForce(versions, "2026-11-15")!.data).toBe("November");
  });

  it("the seeded versions parse and cover every term up to 15 years", () => {
    for (const version of CIRR_VERSIONS) for (let years = 1; years <= 15; years++) expect(cirrRate(version.data, years)).toBeGreaterThan(0);
  });
});

describe("exposure-fee grid", () => {
  const grid: ExposureFeeGrid = {
    rows: [
      { riskCategory: 2, maxTenorYears: 5, upFrontBasisPoints: 150, asDrawnBasisPoints: 160 },
      { riskCategory: 2, maxTenorYears: null, upFrontBasisPoints: 300, asDrawnBasisPoints: 320 },
      { riskCategory: 0, maxTenorYears: null, upFrontBasisPoints: 40, asDrawnBasisPoints: 45 },
    ],
  };

  it("looks up the rate by country risk category and tenor, paid up front or as drawn", () => {
    expect(exposureFee(grid, { riskCategory: 2, tenorYears: 5, amountCents: 6_800_000_000n, payment: "UP_FRONT", financed: false })).toMatchObject({ rateBasisPoints: 150, feeCents: 102_000_000n });
    expect(exposureFee(grid, { riskCategory: 2, tenorYears: 10, amountCents: 6_800_000_000n, payment: "AS_DRAWN", financed: false })).toMatchObject({ rateBasisPoints: 320, feeCents: 217_600_000n });
    expect(exposureFee(grid, { riskCategory: 0, tenorYears: 10, amountCents: 100n, payment: "UP_FRONT", financed: false })!.feeCents).toBe(1n);
  });

  it("a financed fee is charged on the amount plus the fee", () => {
    // $68M at 3%: 68M x 0.03 / 0.97 = $2,103,092.78... -> rounded up to the cent
    const fee = exposureFee(grid, { riskCategory: 2, tenorYears: 10, amountCents: 6_800_000_000n, payment: "UP_FRONT", financed: true })!;
    expect(fee.feeCents).toBe(210_309_279n);
    expect((6_800_000_000n + fee.feeCents) * 300n / 10_000n <= fee.feeCents).toBe(true);
  });

  it("no row for the category gives no fee", () => {
    expect(exposureFee(grid, { riskCategory: 7, tenorYears: 5, amountCents: 100n, payment: "UP_FRONT", financed: false })).toBeNull();
  });

  it("the seeded grid has every category 0-7 for every tenor up to 15 years", () => {
    const [version] = EXPOSURE_FEE_VERSIONS;
    for (let category = 0; category <= 7; category++) {
      for (let years = 1; years <= 15; years++) {
        expect(exposureFee(version!.data, { riskCategory: category, tenorYears: years, amountCents: 100_00n, payment: "UP_FRONT", financed: false })).not.toBeNull();
      }
    }
  });
});
