// EXIM's cash-payment and cover rules, in integer cents: NCP = US content + eligible
// foreign content; the buyer pays at least 15% of NCP in cash; EXIM finances at most
// the lesser of 85% of NCP and 100% of US content, plus supported local costs; AI
// exports need 51% US content. One function judges the ask, the estimate and every decision.
import { describe, expect, it } from "vitest";
import {
  approvableAmount,
  allowedProducts,
  financingFigures,
  financingProblems,
  financingTerm,
  packageValue,
  proposalSplit,
  type ContractSplit,
  type FinancingRules,
  type FinancingTerms,
} from "@/lib/financing/rules";
import { seededSettings } from "./support/reference";

const rules: FinancingRules = seededSettings;
/** Whole dollars as cents, for readability: $(68_000_000) is $68M. */
const $ = (dollars: number): bigint => BigInt(dollars) * 100n;
const OTHER = [{ isHighIncomeOecd: false }];
const OECD = [{ isHighIncomeOecd: true }];

const split = (contract: number, us: number, eligibleForeign: number, local = 0): ContractSplit => ({
  contractPriceCents: $(contract),
  usContentCents: $(us),
  eligibleForeignContentCents: $(eligibleForeign),
  localCostsCents: $(local),
});
const figures = (s: ContractSplit, destinations = OTHER, r = rules) => financingFigures(s, destinations, r);
const terms = (product: FinancingTerms["product"], dollars: number | bigint, repaymentYears: number): FinancingTerms => ({
  product,
  amountCents: typeof dollars === "bigint" ? dollars : $(dollars),
  repaymentYears,
});
const messages = (problems: { message: string }[]) => problems.map((p) => p.message);

describe("the configured financing rules", () => {
  it("are 85% cover, 15% cash, 51% US content, local costs 40% / 50%, terms of 1-7 and up to 15 years", () => {
    expect(rules["financing.maxCoverOfNetContractPriceBasisPoints"]).toBe(8500);
    expect(rules["financing.minCashPaymentBasisPoints"]).toBe(1500);
    expect(rules["financing.minUsContentBasisPoints"]).toBe(5100);
    expect(rules["financing.localCostsHighIncomeOecdBasisPoints"]).toBe(4000);
    expect(rules["financing.localCostsOtherBasisPoints"]).toBe(5000);
    expect(rules["financing.mediumTermMaxAmountCents"]).toBe($(25_000_000));
    expect(rules["financing.minRepaymentYears"]).toBe(1);
    expect(rules["financing.mediumTermMaxRepaymentYears"]).toBe(7);
    expect(rules["financing.longTermMaxRepaymentYears"]).toBe(15);
  });
});

describe("package value", () => {
  it("multiplies quantity by unit price, keeps the US content exactly and rounds the displayed cents down", () => {
    expect(
      packageValue([
        { quantity: 8, unitPriceCents: 31_250_000n, usContentBasisPoints: 6550 },
        { quantity: 1, unitPriceCents: 333n, usContentBasisPoints: 3333 },
      ]),
    ).toEqual({ contractPriceCents: 250_000_333n, usContentCents: 163_750_110n, usContentCentBasisPoints: 1_637_501_109_889n });
  });
});

describe("financing figures", () => {
  it("EXIM's worked example: contract $150M, US content $70M, eligible foreign $10M -> NCP $80M, cash $12M, at most $68M", () => {
    const f = figures(split(150_000_000, 70_000_000, 10_000_000));
    expect(f).toMatchObject({
      exportValueCents: $(150_000_000),
      foreignContentCents: $(80_000_000),
      netContractPriceCents: $(80_000_000),
      minimumCashPaymentCents: $(12_000_000),
      maximumFinancedCents: $(68_000_000),
      bindingLimit: "netContractPrice",
      usContentShareBasisPoints: 4666,
      meetsUsContent: false,
      problems: [],
    });
  });

  it("with zero foreign content, NCP is the US content and 85% of it binds", () => {
    const f = figures(split(10_000_000, 10_000_000, 0));
    expect(f).toMatchObject({
      foreignContentCents: 0n,
      netContractPriceCents: $(10_000_000),
      minimumCashPaymentCents: $(1_500_000),
      maximumFinancedCents: $(8_500_000),
      bindingLimit: "netContractPrice",
      usContentShareBasisPoints: 10_000,
      meetsUsContent: true,
    });
  });

  it("100% of US content binds when it is below 85% of NCP", () => {
    // US $60M + eligible foreign $20M = NCP $80M; 85% = $68M > $60M
    const f = figures(split(100_000_000, 60_000_000, 20_000_000));
    expect(f.maximumFinancedCents).toBe($(60_000_000));
    expect(f.bindingLimit).toBe("usContent");
  });

  it("refuses eligible foreign content above the foreign content in the contract, and never counts it", () => {
    // An all-US $100M contract claiming $40M eligible foreign content.
    const f = figures(split(100_000_000, 100_000_000, 40_000_000));
    expect(f.eligibleForeignContentCents).toBe(0n);
    expect(f.netContractPriceCents).toBe($(100_000_000));
    expect(f.maximumFinancedCents).toBe($(85_000_000));
    expect(f.problems).toEqual([
      { field: "eligibleForeignContent", message: "Eligible foreign content of $40,000,000.00 is more than the foreign content in the contract, $0.00." },
    ]);
    // Exactly the foreign content is fine.
    expect(figures(split(100_000_000, 60_000_000, 40_000_000)).problems).toEqual([]);
  });

  it("refuses US content above the export value", () => {
    expect(messages(figures(split(100_000_000, 100_000_001, 0)).problems)).toEqual([
      "US content of $100,000,001.00 is more than the export value (contract price less local costs) of $100,000,000.00.",
    ]);
  });

  it("supports local costs up to 50% of the export value, or 40% for a high-income OECD destination", () => {
    // Contract $160M = $100M export (all US) + $60M local costs.
    const s = split(160_000_000, 100_000_000, 0, 60_000_000);
    expect(figures(s, OTHER)).toMatchObject({ exportValueCents: $(100_000_000), supportedLocalCostsCents: $(50_000_000), maximumFinancedCents: $(135_000_000) });
    expect(figures(s, OECD)).toMatchObject({ supportedLocalCostsCents: $(40_000_000), maximumFinancedCents: $(125_000_000) });
    // Any high-income OECD destination among several sets the stricter share.
    expect(figures(s, [...OTHER, ...OECD]).localCostsShareBasisPoints).toBe(4000);
    // Below the share, all of them.
    expect(figures(split(110_000_000, 100_000_000, 0, 10_000_000)).supportedLocalCostsCents).toBe($(10_000_000));
  });

  it("exactly 51.00% US content passes: 1 x $100.01 at 51% is not rounded down to 50.99%", () => {
    const items = [{ quantity: 1, unitPriceCents: 10_001n, usContentBasisPoints: 5100 }];
    const f = figures(proposalSplit(items, null));
    expect(f.usContentShareBasisPoints).toBe(5100);
    expect(f.meetsUsContent).toBe(true);
    const below = figures(proposalSplit([{ quantity: 1, unitPriceCents: 10_001n, usContentBasisPoints: 5099 }], null));
    expect(below.meetsUsContent).toBe(false);
  });

  it("cash rounds up and cover rounds down, and they meet exactly above 2^53 cents", () => {
    const f = figures({ contractPriceCents: 12_345_678_901_234_567n, usContentCents: 12_345_678_901_234_567n, eligibleForeignContentCents: 0n, localCostsCents: 0n });
    expect(f.minimumCashPaymentCents + f.maximumFinancedCents).toBe(f.netContractPriceCents);
    expect(f.minimumCashPaymentCents).toBe(1_851_851_835_185_186n);
  });

  it("follows the settings: 80% cover and 20% cash give $64M on the worked example", () => {
    const changed = { ...rules, "financing.maxCoverOfNetContractPriceBasisPoints": 8000, "financing.minCashPaymentBasisPoints": 2000 };
    const f = figures(split(150_000_000, 70_000_000, 10_000_000), OTHER, changed);
    expect(f.maximumFinancedCents).toBe($(64_000_000));
    expect(f.minimumCashPaymentCents).toBe($(16_000_000));
  });
});

describe("the term and the products it allows", () => {
  it.each([
    ["exactly $25M over exactly 7 years", $(25_000_000), 7, "MEDIUM_TERM"],
    ["$25,000,000.01 over 7 years", $(25_000_000) + 1n, 7, "LONG_TERM"],
    ["$25M over 8 years", $(25_000_000), 8, "LONG_TERM"],
    ["$1 over 1 year", 100n, 1, "MEDIUM_TERM"],
  ] as const)("%s is %s", (_label, amount, years, term) => {
    expect(financingTerm(amount, years, rules)).toBe(term);
  });

  it("medium-term uses insurance or a guarantee; long-term a direct loan or a guarantee", () => {
    expect(allowedProducts("MEDIUM_TERM")).toEqual(["EXPORT_CREDIT_INSURANCE", "LOAN_GUARANTEE"]);
    expect(allowedProducts("LONG_TERM")).toEqual(["DIRECT_LOAN", "LOAN_GUARANTEE"]);
  });
});

describe("every rule the terms break (financingProblems), for the ask and the decision alike", () => {
  const sound = figures(split(100_000_000, 90_000_000, 10_000_000)); // NCP $100M, at most $85M

  it("sound terms have no problems, up to exactly the maximum", () => {
    expect(financingProblems(terms("DIRECT_LOAN", 85_000_000, 10), sound, rules)).toEqual([]);
    expect(financingProblems(terms("EXPORT_CREDIT_INSURANCE", 25_000_000, 7), sound, rules)).toEqual([]);
  });

  it("one cent over the maximum names the binding limit", () => {
    expect(messages(financingProblems(terms("DIRECT_LOAN", $(85_000_000) + 1n, 10), sound, rules))).toEqual([
      "$85,000,000.01 is more than EXIM may finance for this package: $85,000,000.00 (85% of the net contract price; the buyer pays at least $15,000,000.00 in cash).",
    ]);
  });

  it("approving $20M of a $30M direct loan over 5 years would make a medium-term direct loan: refused", () => {
    expect(financingProblems(terms("DIRECT_LOAN", 30_000_000, 5), sound, rules)).toEqual([]);
    expect(financingProblems(terms("DIRECT_LOAN", 20_000_000, 5), sound, rules, { requestedAmountCents: $(30_000_000) })).toEqual([
      { field: "product", message: "Medium-term financing (up to $25,000,000.00 and 7 years) uses export credit insurance or a loan guarantee." },
    ]);
  });

  it("tenor limits by term: long-term up to 15 years, none under 1", () => {
    expect(financingProblems(terms("DIRECT_LOAN", 60_000_000, 15), sound, rules)).toEqual([]);
    expect(messages(financingProblems(terms("DIRECT_LOAN", 60_000_000, 16), sound, rules))).toEqual([
      "Long-term financing is repaid over 1 to 15 years; 16 years is outside that.",
    ]);
    expect(messages(financingProblems(terms("LOAN_GUARANTEE", 10_000_000, 0), sound, rules))).toEqual([
      "Medium-term financing is repaid over 1 to 7 years; 0 years is outside that.",
    ]);
  });

  it("US content below 51% of the export value is a problem; the worked example has one", () => {
    const worked = figures(split(150_000_000, 70_000_000, 10_000_000));
    expect(messages(financingProblems(terms("LOAN_GUARANTEE", 68_000_000, 10), worked, rules))).toEqual([
      "US content is 46.66% of the export value; AI exports need at least 51%.",
    ]);
  });

  it("at a decision: more than requested, and more than the cap's headroom", () => {
    expect(messages(financingProblems(terms("DIRECT_LOAN", 50_000_000, 10), sound, rules, { requestedAmountCents: $(40_000_000), capHeadroomCents: $(45_000_000) }))).toEqual([
      "The amount exceeds the $40,000,000.00 the consortium requested.",
      "The amount exceeds the exposure cap's remaining headroom of $45,000,000.00.",
    ]);
  });

  it("zero is refused; problems of the split come first", () => {
    const gamed = figures(split(100_000_000, 100_000_000, 40_000_000));
    expect(financingProblems(terms("LOAN_GUARANTEE", 0, 5), gamed, rules).map((p) => p.field)).toEqual(["eligibleForeignContent", "amount"]);
  });

  it("the approvable amount is the least of the ask, the cover and the headroom", () => {
    expect(approvableAmount($(90_000_000), sound, $(1_000_000_000))).toBe($(85_000_000));
    expect(approvableAmount($(90_000_000), sound, $(70_000_000))).toBe($(70_000_000));
    expect(approvableAmount($(60_000_000), sound, $(70_000_000))).toBe($(60_000_000));
  });
});
