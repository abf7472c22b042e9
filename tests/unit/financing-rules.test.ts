// EXIM's cash-payment and cover rules, in integer cents: NCP = US content + eligible
// foreign content; the buyer pays at least 15% of NCP in cash; EXIM finances at most
// the lesser of 85% of NCP and 100% of US content; AI exports need 51% US content.
import { describe, expect, it } from "vitest";
import {
  approvalViolations,
  financingAskProblems,
  financingLimits,
  financingTerm,
  packageValue,
  type FinancingAsk,
  type FinancingLimits,
  type FinancingRules,
} from "@/lib/financing/rules";
import { seededSettings } from "./support/reference";

const settings = seededSettings;
const rules: FinancingRules = settings;
/** The cover rules plus the medium-/long-term rules, as financingAskProblems takes them. */
type AskRules = Parameters<typeof financingAskProblems>[2];
const askRules: AskRules = settings;

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

describe("the configured financing terms", () => {
  it("are medium-term up to $25M and 7 years, long-term up to 15 years", () => {
    expect(askRules["financing.mediumTermMaxAmountCents"]).toBe(2_500_000_000n);
    expect(askRules["financing.mediumTermMaxRepaymentYears"]).toBe(7);
    expect(askRules["financing.longTermMaxRepaymentYears"]).toBe(15);
  });
});

describe("medium-term or long-term (financingTerm)", () => {
  it.each([
    ["$1 over 1 year", 100n, 1, "MEDIUM_TERM"],
    ["$20M over 5 years", $(20_000_000), 5, "MEDIUM_TERM"],
    ["exactly $25M over exactly 7 years", $(25_000_000), 7, "MEDIUM_TERM"],
    ["$25,000,000.01 over 7 years", $(25_000_000) + 1n, 7, "LONG_TERM"],
    ["$25M over 8 years", $(25_000_000), 8, "LONG_TERM"],
    ["$20M over 8 years", $(20_000_000), 8, "LONG_TERM"],
    ["$60M over 3 years", $(60_000_000), 3, "LONG_TERM"],
    ["$60M over 10 years", $(60_000_000), 10, "LONG_TERM"],
  ] as const)("%s is %s", (_label, amountCents, years, term) => {
    expect(financingTerm(amountCents, years, askRules)).toBe(term);
  });

  it("follows the settings: a $30M, 5-year medium-term ceiling", () => {
    const changed: AskRules = {
      ...askRules,
      "financing.mediumTermMaxAmountCents": $(30_000_000),
      "financing.mediumTermMaxRepaymentYears": 5,
    };
    expect(financingTerm($(28_000_000), 5, changed)).toBe("MEDIUM_TERM");
    expect(financingTerm($(28_000_000), 6, changed)).toBe("LONG_TERM");
    expect(financingTerm($(20_000_000), 6, changed)).toBe("LONG_TERM");
    expect(financingTerm($(28_000_000), 5, askRules)).toBe("LONG_TERM");
  });
});

describe("what is wrong with a financing ask (financingAskProblems)", () => {
  // A sound package: contract $100M, 90% US; eligible foreign $10M -> NCP $100M, at most $85M financed.
  const sound: FinancingLimits = financingLimits({ contractPriceCents: $(100_000_000), usContentCents: $(90_000_000) }, $(10_000_000), rules);
  const ask = (product: FinancingAsk["product"], dollars: number, repaymentYears: number): FinancingAsk => ({
    product,
    requestedAmountCents: $(dollars),
    repaymentYears,
  });
  const LONG_TERM_PRODUCTS =
    "Long-term financing (above $25,000,000.00 or over 7 years) uses a direct loan or a loan guarantee.";
  const MEDIUM_TERM_PRODUCTS = "Medium-term financing uses export credit insurance or a loan guarantee.";

  it("the sound package's limits are what the tests assume", () => {
    expect(sound.maximumFinancedCents).toBe($(85_000_000));
    expect(sound.bindingLimit).toBe("netContractPrice");
    expect(sound.usContentShareBasisPoints).toBe(9000);
  });

  describe("the product must suit the term", () => {
    it.each([
      ["EXPORT_CREDIT_INSURANCE", 20_000_000, 5],
      ["LOAN_GUARANTEE", 20_000_000, 5],
      ["EXPORT_CREDIT_INSURANCE", 25_000_000, 7],
      ["DIRECT_LOAN", 60_000_000, 10],
      ["LOAN_GUARANTEE", 60_000_000, 10],
      ["DIRECT_LOAN", 20_000_000, 8],
      ["LOAN_GUARANTEE", 20_000_000, 8],
    ] as const)("%s for $%i over %i years is sound", (product, dollars, years) => {
      expect(financingAskProblems(ask(product, dollars, years), sound, askRules)).toEqual([]);
    });

    it("$60M of export credit insurance over 10 years is long-term, which insurance doesn't cover", () => {
      expect(financingAskProblems(ask("EXPORT_CREDIT_INSURANCE", 60_000_000, 10), sound, askRules)).toEqual([LONG_TERM_PRODUCTS]);
    });

    it("$20M of insurance over 8 years is long-term too", () => {
      expect(financingAskProblems(ask("EXPORT_CREDIT_INSURANCE", 20_000_000, 8), sound, askRules)).toEqual([LONG_TERM_PRODUCTS]);
    });

    it("$25,000,000.01 of insurance over 5 years is long-term by one cent", () => {
      const oneCentOver: FinancingAsk = { product: "EXPORT_CREDIT_INSURANCE", requestedAmountCents: $(25_000_000) + 1n, repaymentYears: 5 };
      expect(financingAskProblems(oneCentOver, sound, askRules)).toEqual([LONG_TERM_PRODUCTS]);
    });

    it("a $20M direct loan over 5 years is medium-term, which direct loans don't cover", () => {
      expect(financingAskProblems(ask("DIRECT_LOAN", 20_000_000, 5), sound, askRules)).toEqual([MEDIUM_TERM_PRODUCTS]);
    });
  });

  describe("the repayment term", () => {
    it("15 years is the longest long-term repayment", () => {
      expect(financingAskProblems(ask("DIRECT_LOAN", 60_000_000, 15), sound, askRules)).toEqual([]);
    });

    it("16 years is too long", () => {
      expect(financingAskProblems(ask("DIRECT_LOAN", 60_000_000, 16), sound, askRules)).toEqual(["Repayment can be at most 15 years."]);
      expect(financingAskProblems(ask("LOAN_GUARANTEE", 20_000_000, 16), sound, askRules)).toEqual([
        "Repayment can be at most 15 years.",
      ]);
    });
  });

  describe("the amount", () => {
    it("exactly the maximum financed is sound", () => {
      expect(financingAskProblems(ask("DIRECT_LOAN", 85_000_000, 10), sound, askRules)).toEqual([]);
    });

    it("one cent above 85% of the net contract price names both amounts", () => {
      const over: FinancingAsk = { product: "DIRECT_LOAN", requestedAmountCents: $(85_000_000) + 1n, repaymentYears: 10 };
      expect(financingAskProblems(over, sound, askRules)).toEqual([
        "You ask for $85,000,000.01, more than EXIM may finance for this package: $85,000,000.00 (85% of the net contract price).",
      ]);
    });

    it("above 100% of US content, when that binds, names both amounts", () => {
      // contract $100M, US content $60M, eligible foreign $20M: NCP $80M, 85% of it $68M > $60M
      const usBound = financingLimits({ contractPriceCents: $(100_000_000), usContentCents: $(60_000_000) }, $(20_000_000), rules);
      expect(financingAskProblems(ask("LOAN_GUARANTEE", 60_000_000, 10), usBound, askRules)).toEqual([]);
      expect(financingAskProblems(ask("LOAN_GUARANTEE", 65_000_000, 10), usBound, askRules)).toEqual([
        "You ask for $65,000,000.00, more than EXIM may finance for this package: $60,000,000.00 (100% of US content).",
      ]);
    });
  });

  describe("the US content", () => {
    it("below 51% is a problem; exactly 51% is not", () => {
      const below = financingLimits({ contractPriceCents: $(100_000_000), usContentCents: $(50_990_000) }, 0n, rules);
      expect(financingAskProblems(ask("EXPORT_CREDIT_INSURANCE", 20_000_000, 5), below, askRules)).toEqual([
        "US content is 50.99% of the contract price; AI exports need at least 51%.",
      ]);
      const atThreshold = financingLimits({ contractPriceCents: $(100_000_000), usContentCents: $(51_000_000) }, 0n, rules);
      expect(financingAskProblems(ask("EXPORT_CREDIT_INSURANCE", 20_000_000, 5), atThreshold, askRules)).toEqual([]);
    });

    it("the worked example (46.66% US content) fails the 51% rule, though $68M is within the cover", () => {
      const worked = financingLimits({ contractPriceCents: $(150_000_000), usContentCents: $(70_000_000) }, $(10_000_000), rules);
      expect(financingAskProblems(ask("DIRECT_LOAN", 68_000_000, 10), worked, askRules)).toEqual([
        "US content is 46.66% of the contract price; AI exports need at least 51%.",
      ]);
    });

    it("a package with no line items yet has no US-content problem, only the amount one", () => {
      const empty = financingLimits({ contractPriceCents: 0n, usContentCents: 0n }, 0n, rules);
      expect(financingAskProblems(ask("EXPORT_CREDIT_INSURANCE", 20_000_000, 5), empty, askRules)).toEqual([
        "You ask for $20,000,000.00, more than EXIM may finance for this package: $0.00 (85% of the net contract price).",
      ]);
    });
  });

  it("lists every problem at once, in order: amount, US content, repayment, product", () => {
    // contract $100M, US content $40M, no eligible foreign content: NCP $40M, at most $34M financed
    const weak = financingLimits({ contractPriceCents: $(100_000_000), usContentCents: $(40_000_000) }, 0n, rules);
    expect(financingAskProblems(ask("EXPORT_CREDIT_INSURANCE", 60_000_000, 16), weak, askRules)).toEqual([
      "You ask for $60,000,000.00, more than EXIM may finance for this package: $34,000,000.00 (85% of the net contract price).",
      "US content is 40% of the contract price; AI exports need at least 51%.",
      "Repayment can be at most 15 years.",
      LONG_TERM_PRODUCTS,
    ]);
  });

  describe("follows the settings", () => {
    it("a 5-year medium-term ceiling makes $20M of insurance over 6 years long-term, and says so", () => {
      const changed: AskRules = { ...askRules, "financing.mediumTermMaxRepaymentYears": 5 };
      expect(financingAskProblems(ask("EXPORT_CREDIT_INSURANCE", 20_000_000, 6), sound, changed)).toEqual([
        "Long-term financing (above $25,000,000.00 or over 5 years) uses a direct loan or a loan guarantee.",
      ]);
      expect(financingAskProblems(ask("EXPORT_CREDIT_INSURANCE", 20_000_000, 6), sound, askRules)).toEqual([]);
    });

    it("a $30M medium-term ceiling lets $28M of insurance over 5 years through", () => {
      const changed: AskRules = { ...askRules, "financing.mediumTermMaxAmountCents": $(30_000_000) };
      expect(financingAskProblems(ask("EXPORT_CREDIT_INSURANCE", 28_000_000, 5), sound, changed)).toEqual([]);
      expect(financingAskProblems(ask("EXPORT_CREDIT_INSURANCE", 28_000_000, 5), sound, askRules)).toEqual([LONG_TERM_PRODUCTS]);
    });

    it("a 10-year long-term ceiling refuses 12 years", () => {
      const changed: AskRules = { ...askRules, "financing.longTermMaxRepaymentYears": 10 };
      expect(financingAskProblems(ask("DIRECT_LOAN", 60_000_000, 12), sound, changed)).toEqual(["Repayment can be at most 10 years."]);
    });

    it("a 60% US-content rule refuses a 55% package", () => {
      const changed: AskRules = { ...askRules, "financing.minUsContentBasisPoints": 6000 };
      const share55 = financingLimits({ contractPriceCents: $(100_000_000), usContentCents: $(55_000_000) }, 0n, rules);
      expect(financingAskProblems(ask("DIRECT_LOAN", 40_000_000, 10), share55, changed)).toEqual([
        "US content is 55% of the contract price; AI exports need at least 60%.",
      ]);
    });
  });
});
