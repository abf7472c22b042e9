// Money is integer cents (BigInt) end to end; these are the only conversions.
import { describe, expect, it } from "vitest";
import { formatBasisPoints, formatCents, formatCentsCompact, parseDollarsToCents, shareOf, shareOfRoundedUp } from "@/lib/money";

describe("reading a dollar amount a person typed", () => {
  it.each([
    ["1,234.56", 123_456n],
    ["$1234.5", 123_450n],
    ["0.01", 1n],
    ["1000000000", 100_000_000_000n],
    ["1,000,000,000", 100_000_000_000n],
    ["$1,250,000.00", 125_000_000n],
    [" $ 68,000,000 ", 6_800_000_000n],
    ["0", 0n],
    ["7", 700n],
    ["999.9", 99_990n],
    // Beyond 2^53 cents, still exact.
    ["90,071,992,547,409.93", 9_007_199_254_740_993n],
  ])("%j is %s cents", (input, cents) => {
    expect(parseDollarsToCents(input)).toBe(cents);
  });

  it.each([
    ["1.234", "three decimals"],
    ["abc", "not a number"],
    ["-5", "negative"],
    ["1,23,4", "misplaced thousands separators"],
    ["12,34", "a short thousands group"],
    ["1,2345", "a long thousands group"],
    ["", "empty"],
    ["   ", "blank"],
    ["$", "a bare dollar sign"],
    [".5", "no whole part"],
    ["12.", "a dangling decimal point"],
    ["1e6", "scientific notation"],
    ["1 000", "spaces as separators"],
    ["USD 5", "a currency code"],
  ])("%j is refused (%s)", (input) => {
    expect(parseDollarsToCents(input)).toBeNull();
  });
});

describe("showing cents as US dollars", () => {
  it.each([
    [0n, "$0.00"],
    [1n, "$0.01"],
    [99n, "$0.99"],
    [100n, "$1.00"],
    [123_456n, "$1,234.56"],
    [6_800_000_000n, "$68,000,000.00"],
    [13_500_000_000_000n, "$135,000,000,000.00"],
    [-5n, "-$0.05"],
    [-123_456n, "-$1,234.56"],
  ])("%s cents is %s", (cents, text) => {
    expect(formatCents(cents)).toBe(text);
  });

  it("is exact above 2^53 cents, where a float would round", () => {
    // 2^53 + 1 = 9,007,199,254,740,993: as a Number it would read ...992
    expect(formatCents(9_007_199_254_740_993n)).toBe("$90,071,992,547,409.93");
    expect(formatCents(123_456_789_012_345_678_901n)).toBe("$1,234,567,890,123,456,789.01");
    expect(formatCents(-9_007_199_254_740_993n)).toBe("-$90,071,992,547,409.93");
  });

  it("round-trips with parsing", () => {
    for (const cents of [1n, 10n, 123_456n, 100_000_000_000n, 9_007_199_254_740_993n]) {
      expect(parseDollarsToCents(formatCents(cents))).toBe(cents);
    }
  });
});

describe("the compact form on dashboards", () => {
  it.each([
    [13_500_000_000_000n, "$135.0B"], // the statutory cap
    [3_410_000_000_000n, "$34.1B"], // drawn at start
    [10_090_000_000_000n, "$100.9B"], // headroom
    [20_500_000_000_000n, "$205.0B"],
    [6_800_000_000n, "$68.0M"],
    [2_500_000_000n, "$25.0M"],
    [150_000_000_000_000n, "$1.5T"],
    [100_000n, "$1.0K"], // $1,000
    [125_000n, "$1.3K"], // $1,250: half rounds up
    [124_999n, "$1.2K"],
    [3_415_000_000_000n, "$34.2B"], // $34.15B rounds up
    [3_414_999_999_999n, "$34.1B"],
    [-3_410_000_000_000n, "-$34.1B"],
    [-3_415_000_000_000n, "-$34.2B"],
  ])("%s cents is %s", (cents, text) => {
    expect(formatCentsCompact(cents)).toBe(text);
  });

  it("amounts under $1,000 are shown exactly", () => {
    expect(formatCentsCompact(0n)).toBe("$0.00");
    expect(formatCentsCompact(99_999n)).toBe("$999.99");
    expect(formatCentsCompact(-99_999n)).toBe("-$999.99");
  });

  it("rounding up into the next unit shows that unit, never 1000.0 of the smaller one", () => {
    expect(formatCentsCompact(99_995_000_000n)).toBe("$1.0B"); // $999.95M
    expect(formatCentsCompact(99_994_999_999n)).toBe("$999.9M"); // just under $999.95M
    expect(formatCentsCompact(99_995_000n)).toBe("$1.0M"); // $999,950
    expect(formatCentsCompact(99_999_999n)).toBe("$1.0M"); // $999,999.99
    expect(formatCentsCompact(99_994_999n)).toBe("$999.9K");
    expect(formatCentsCompact(99_995_000_000_000n)).toBe("$1.0T"); // $999.95B
    expect(formatCentsCompact(-99_995_000_000n)).toBe("-$1.0B");
  });
});

describe("basis-point shares of an amount", () => {
  it("shareOf rounds down", () => {
    expect(shareOf(100n, 3333)).toBe(33n); // 33.33 cents
    expect(shareOf(1n, 9999)).toBe(0n);
    expect(shareOf(8_000_000_000n, 8500)).toBe(6_800_000_000n);
    expect(shareOf(123n, 10_000)).toBe(123n);
    expect(shareOf(123n, 0)).toBe(0n);
  });

  it("shareOfRoundedUp rounds up, and only when there is a remainder", () => {
    expect(shareOfRoundedUp(100n, 3333)).toBe(34n);
    expect(shareOfRoundedUp(1n, 1)).toBe(1n);
    expect(shareOfRoundedUp(8_000_000_000n, 1500)).toBe(1_200_000_000n);
    expect(shareOfRoundedUp(123n, 10_000)).toBe(123n);
    expect(shareOfRoundedUp(123n, 0)).toBe(0n);
  });

  it("both stay exact far beyond 2^53", () => {
    // 15% and 85% of 12,345,678,901,234,567,891 cents
    expect(shareOfRoundedUp(12_345_678_901_234_567_891n, 1500)).toBe(1_851_851_835_185_185_184n); // ...183.65 up
    expect(shareOf(12_345_678_901_234_567_891n, 8500)).toBe(10_493_827_066_049_382_707n); // ...707.35 down
  });
});

describe("basis points as a percentage", () => {
  it.each([
    [8500, "85%"],
    [5100, "51%"],
    [5099, "50.99%"],
    [6550, "65.50%"],
    [1, "0.01%"],
    [0, "0%"],
    [10_000, "100%"],
  ])("%s bp is %s", (bp, text) => {
    expect(formatBasisPoints(bp)).toBe(text);
  });
});
