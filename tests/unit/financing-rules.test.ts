// EXIM's cash-payment and cover rules, in integer cents: NCP = US content + eligible
// foreign content; the buyer pays at least 15% of NCP in cash; EXIM finances at most
// the lesser of 85% of NCP and 100% of US content; AI exports need 51% US content.
import { describe, expect, it } from "vitest";
import {
  approvalViolations,
  financingLimits,
  packageValue,
  type FinancingLimits,
  type FinancingRules,
} from "@/lib/financing/rules";
import { parseSettings } from "@/lib/settings";
import { DEFAULT_SETTINGS } from "@/prisma/seed/reference-data";

const rules: FinancingRules = parseSettings(Object.entries(DEFAULT_SETTINGS).map(([key, { value }]) => ({ key, value })));

/** Whole dollars as cents, for readability: $(68_000_000) is $68M. */
const $ = (dollars: number): bigint => BigInt(dollars) * 100n;
const HEADROOM = 10_090_000_000_000n; // $100.9B, the cap's headroom at the program's start

describe("the configured financing rules", () => {
  it("are 85% cover, 15% cash and 51% US content", () => {
    expect(rules["financing.maxCoverOfNetContractPriceBasisPoints"]).toBe(8500);
    expect(rules["financing.minCashPaymentBasisPoints"]).toBe(1500);
    expect(rules["financing.minUsContentBasisPoints"]).toBe(5100);
  });
});

describe("package value (contract price and US content of the line items)", () => {
  it("is zero for an empty package", () => {
    expect(packageValue([])).toEqual({ contractPriceCents: 0n, usContentCents: 0n });
  });

  it("multiplies quantity by unit price and takes each item's US share, rounding each share down", () => {
    expect(
      packageValue([
        // 8 servers at $312,500.00, 65.5% US: $2,500,000.00, of which $1,637,500.00 US
        { quantity: 8, unitPriceCents: 31_250_000n, usContentBasisPoints: 6550 },
        // 3 licenses at $1,000.01, all US: $3,000.03
        { quantity: 3, unitPriceCents: 100_001n, usContentBasisPoints: 10_000 },
        // 1 part at $3.33, 33.33% US: 110.9889 cents of US content, rounded down to 110
        { quantity: 1, unitPriceCents: 333n, usContentBasisPoints: 3333 },
      ]),
    ).toEqual({ contractPriceCents: 250_300_336n, usContentCents: 164_050_113n });
  });

  it("stays exact beyond 2^53 cents", () => {
    // 9,999,999 units at $999,999,999,999.99 with 33.33% US content
    expect(packageValue([{ quantity: 9_999_999, unitPriceCents: 99_999_999_999_999n, usContentBasisPoints: 3333 }])).toEqual({
      contractPriceCents: 999_999_899_999_990_000_001n,
      usContentCents: 333_299_966_669_996_667_000n,
    });
  });
});

describe("financing limits", () => {
  it("the worked example: contract $150M, US content $70M, eligible foreign $10M", () => {
    const value = packageValue([
      { quantity: 1, unitPriceCents: $(70_000_000), usContentBasisPoints: 10_000 },
      { quantity: 1, unitPriceCents: $(80_000_000), usContentBasisPoints: 0 },
    ]);
    expect(value).toEqual({ contractPriceCents: $(150_000_000), usContentCents: $(70_000_000) });
    expect(financingLimits(value, $(10_000_000), rules)).toEqual({
      contractPriceCents: $(150_000_000),
      usContentCents: $(70_000_000),
      netContractPriceCents: $(80_000_000),
      minimumCashPaymentCents: $(12_000_000),
      maximumFinancedCents: $(68_000_000),
      bindingLimit: "netContractPrice",
      usContentShareBasisPoints: 4666, // 70/150 = 46.67%, rounded down
    });
  });

  it("100% of US content binds when US content is below 85% of NCP", () => {
    // contract $100M, US content $60M, eligible foreign $20M: NCP $80M, 85% of it $68M > $60M
    const limits = financingLimits({ contractPriceCents: $(100_000_000), usContentCents: $(60_000_000) }, $(20_000_000), rules);
    expect(limits).toEqual({
      contractPriceCents: $(100_000_000),
      usContentCents: $(60_000_000),
      netContractPriceCents: $(80_000_000),
      minimumCashPaymentCents: $(12_000_000),
      maximumFinancedCents: $(60_000_000),
      bindingLimit: "usContent",
      usContentShareBasisPoints: 6000,
    });
  });

  it("85% of NCP binds when US content equals it exactly", () => {
    // NCP $80M, 85% = $68M, US content $68M: neither limit is lower; the cap is $68M either way
    const limits = financingLimits({ contractPriceCents: $(80_000_000), usContentCents: $(68_000_000) }, $(12_000_000), rules);
    expect(limits.maximumFinancedCents).toBe($(68_000_000));
    expect(limits.bindingLimit).toBe("netContractPrice");
  });

  it("with no eligible foreign content, NCP is the US content and 85% of it binds", () => {
    const limits = financingLimits({ contractPriceCents: $(10_000_000), usContentCents: $(10_000_000) }, 0n, rules);
    expect(limits.netContractPriceCents).toBe($(10_000_000));
    expect(limits.maximumFinancedCents).toBe($(8_500_000));
    expect(limits.minimumCashPaymentCents).toBe($(1_500_000));
    expect(limits.usContentShareBasisPoints).toBe(10_000);
  });

  it("an empty package has a US content share of 0, not a division by zero", () => {
    expect(financingLimits({ contractPriceCents: 0n, usContentCents: 0n }, 0n, rules)).toEqual({
      contractPriceCents: 0n,
      usContentCents: 0n,
      netContractPriceCents: 0n,
      minimumCashPaymentCents: 0n,
      maximumFinancedCents: 0n,
      bindingLimit: "netContractPrice",
      usContentShareBasisPoints: 0,
    });
  });

  describe("in exact integer cents: cash rounds up, cover rounds down", () => {
    it("on a $4,000,000,000.01 package", () => {
      // 15% of 400,000,000,001 cents = 60,000,000,000.15 -> 60,000,000,001
      // 85% of 400,000,000,001 cents = 340,000,000,000.85 -> 340,000,000,000
      const limits = financingLimits({ contractPriceCents: 400_000_000_001n, usContentCents: 400_000_000_001n }, 0n, rules);
      expect(limits.minimumCashPaymentCents).toBe(60_000_000_001n);
      expect(limits.maximumFinancedCents).toBe(340_000_000_000n);
      // The two meet exactly: nothing is lost or double-counted to rounding.
      expect(limits.minimumCashPaymentCents + limits.maximumFinancedCents).toBe(limits.netContractPriceCents);
    });

    it("on an NCP above 2^53 cents", () => {
      // NCP 12,345,678,901,234,567 cents (2^53 = 9,007,199,254,740,992)
      // 15%: 1,851,851,835,185,185.05 -> 1,851,851,835,185,186; 85%: 10,493,827,066,049,381.95 -> ...381
      const limits = financingLimits(
        { contractPriceCents: 12_345_678_901_234_567n, usContentCents: 12_000_000_000_000_001n },
        345_678_901_234_566n,
        rules,
      );
      expect(limits.netContractPriceCents).toBe(12_345_678_901_234_567n);
      expect(limits.minimumCashPaymentCents).toBe(1_851_851_835_185_186n);
      expect(limits.maximumFinancedCents).toBe(10_493_827_066_049_381n);
      expect(limits.bindingLimit).toBe("netContractPrice");
      expect(limits.usContentShareBasisPoints).toBe(9720);
    });

    it("a 1-cent NCP still needs a 1-cent cash payment and allows no cover", () => {
      const limits = financingLimits({ contractPriceCents: 1n, usContentCents: 1n }, 0n, rules);
      expect(limits.minimumCashPaymentCents).toBe(1n);
      expect(limits.maximumFinancedCents).toBe(0n);
    });
  });

  it("follows the settings: an 80% cover and 20% cash rule gives $64M on the worked example", () => {
    const changed: FinancingRules = {
      ...rules,
      "financing.maxCoverOfNetContractPriceBasisPoints": 8000,
      "financing.minCashPaymentBasisPoints": 2000,
    };
    const limits = financingLimits({ contractPriceCents: $(150_000_000), usContentCents: $(70_000_000) }, $(10_000_000), changed);
    expect(limits.maximumFinancedCents).toBe($(64_000_000));
    expect(limits.minimumCashPaymentCents).toBe($(16_000_000));
  });
});

describe("what stops an approval (approvalViolations)", () => {
  // A sound package: contract $100M, 90% US; eligible foreign $10M -> NCP $100M, at most $85M financed.
  const sound: FinancingLimits = financingLimits(
    packageValue([{ quantity: 1, unitPriceCents: $(100_000_000), usContentBasisPoints: 9000 }]),
    $(10_000_000),
    rules,
  );
  const check = (amountCents: bigint, overrides: { requested?: bigint; limits?: FinancingLimits; headroom?: bigint } = {}) =>
    approvalViolations(
      {
        amountCents,
        requestedAmountCents: overrides.requested ?? $(80_000_000),
        limits: overrides.limits ?? sound,
        capHeadroomCents: overrides.headroom ?? HEADROOM,
      },
      rules,
    );

  it("the sound package's limits are what the test assumes", () => {
    expect(sound.netContractPriceCents).toBe($(100_000_000));
    expect(sound.maximumFinancedCents).toBe($(85_000_000));
    expect(sound.minimumCashPaymentCents).toBe($(15_000_000));
    expect(sound.usContentShareBasisPoints).toBe(9000);
  });

  it("a sound amount has no violations", () => {
    expect(check($(80_000_000))).toEqual([]);
    expect(check(1n)).toEqual([]);
  });

  it("exactly the 85% cover, with that much requested, is sound", () => {
    expect(check($(85_000_000), { requested: $(90_000_000) })).toEqual([]);
  });

  it("refuses zero", () => {
    expect(check(0n)).toEqual(["The approved amount must be more than zero."]);
  });

  it("refuses a negative amount", () => {
    expect(check(-1n)).toEqual(["The approved amount must be more than zero."]);
  });

  it("refuses more than the consortium requested, by one cent", () => {
    expect(check($(80_000_000) + 1n)).toEqual(["The approved amount exceeds the $80,000,000.00 the consortium requested."]);
  });

  it("refuses more than 85% of the net contract price, by one cent", () => {
    expect(check($(85_000_000) + 1n, { requested: $(90_000_000) })).toEqual([
      "EXIM may finance at most 85% of the net contract price, $85,000,000.00; the buyer pays at least $15,000,000.00 in cash.",
    ]);
  });

  it("refuses more than 100% of US content when that binds", () => {
    const usBound = financingLimits({ contractPriceCents: $(100_000_000), usContentCents: $(60_000_000) }, $(20_000_000), rules);
    expect(check($(60_000_000), { limits: usBound, requested: $(70_000_000) })).toEqual([]);
    expect(check($(60_000_000) + 1n, { limits: usBound, requested: $(70_000_000) })).toEqual([
      "EXIM may finance at most 100% of US content, $60,000,000.00.",
    ]);
  });

  it("refuses a package below 51% US content, and accepts one at exactly 51%", () => {
    const below = financingLimits({ contractPriceCents: $(100_000_000), usContentCents: $(50_990_000) }, 0n, rules);
    expect(below.usContentShareBasisPoints).toBe(5099);
    expect(check($(40_000_000), { limits: below, requested: $(40_000_000) })).toEqual([
      "US content is 50.99% of the contract price; transformational exports need at least 51%.",
    ]);
    const atThreshold = financingLimits({ contractPriceCents: $(100_000_000), usContentCents: $(51_000_000) }, 0n, rules);
    expect(check($(40_000_000), { limits: atThreshold, requested: $(40_000_000) })).toEqual([]);
  });

  it("the worked example's package (46.66% US content) can't be approved under the 51% rule", () => {
    const worked = financingLimits({ contractPriceCents: $(150_000_000), usContentCents: $(70_000_000) }, $(10_000_000), rules);
    expect(check($(68_000_000), { limits: worked, requested: $(68_000_000) })).toEqual([
      "US content is 46.66% of the contract price; transformational exports need at least 51%.",
    ]);
  });

  it("refuses more than the exposure cap's headroom; exactly the headroom is fine", () => {
    expect(check($(50_000_000), { headroom: $(50_000_000) })).toEqual([]);
    expect(check($(50_000_000) + 1n, { headroom: $(50_000_000) })).toEqual([
      "The amount exceeds the exposure cap's remaining headroom of $50,000,000.00.",
    ]);
  });

  it("lists every violation at once", () => {
    expect(check($(90_000_000), { headroom: $(50_000_000) })).toEqual([
      "The approved amount exceeds the $80,000,000.00 the consortium requested.",
      "EXIM may finance at most 85% of the net contract price, $85,000,000.00; the buyer pays at least $15,000,000.00 in cash.",
      "The amount exceeds the exposure cap's remaining headroom of $50,000,000.00.",
    ]);
  });
});
