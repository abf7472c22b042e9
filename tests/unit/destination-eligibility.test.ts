// Which countries a proposal may name as destinations: not the United States, not a
// country of concern (China, Hong Kong, Macau), not an embargoed country (the
// configured country groups, E:1 and E:2 today).
import { describe, expect, it } from "vitest";
import { destinationIneligibility, type DestinationCandidate } from "@/lib/proposals/eligibility";
import { COUNTRIES } from "@/prisma/seed/reference-data";
import { seededCountry, seededSettings } from "./support/reference";

const settings = seededSettings;
type EligibilityRules = Parameters<typeof destinationIneligibility>[1];
const rules: EligibilityRules = settings;

const country = (code: string): DestinationCandidate => seededCountry(code);

const withGroups = (groups: string[]): EligibilityRules => ({ ...rules, "proposals.ineligibleDestinationCountryGroups": groups });

describe("the configured rules and reference data the tests rely on", () => {
  it("embargoes country groups E:1 and E:2", () => {
    expect(rules["proposals.ineligibleDestinationCountryGroups"]).toEqual(["E:1", "E:2"]);
  });

  it("flags China, Hong Kong and Macau as countries of concern, and places the embargoed countries in E:1 and E:2", () => {
    expect(COUNTRIES.filter(([, , , flags]) => flags?.concern).map(([code]) => code)).toEqual(["CN", "HK", "MO"]);
    expect(country("IR").countryGroups).toEqual(["D:1", "D:4", "D:5", "E:1"]);
    expect(country("KP").countryGroups).toEqual(["D:1", "D:4", "D:5", "E:1"]);
    expect(country("SY").countryGroups).toEqual(["D:4", "D:5", "E:1"]);
    expect(country("CU").countryGroups).toEqual(["D:5", "E:2"]);
  });
});

describe("which destinations are refused (destinationIneligibility)", () => {
  it("the United States is not an export destination", () => {
    expect(destinationIneligibility(country("US"), rules)).toBe("The United States is not an export destination.");
  });

  it.each([
    ["CN", "China is a country of concern and not an eligible destination."],
    ["HK", "Hong Kong is a country of concern and not an eligible destination."],
    ["MO", "Macau is a country of concern and not an eligible destination."],
  ])("%s, a country of concern, is refused: %s", (code, reason) => {
    expect(destinationIneligibility(country(code), rules)).toBe(reason);
  });

  it.each([
    ["IR", "Iran is in country group E:1 (embargoed) and not an eligible destination."],
    ["KP", "North Korea is in country group E:1 (embargoed) and not an eligible destination."],
    ["SY", "Syria is in country group E:1 (embargoed) and not an eligible destination."],
    ["CU", "Cuba is in country group E:2 (embargoed) and not an eligible destination."],
  ])("%s, embargoed, is refused with its group named: %s", (code, reason) => {
    expect(destinationIneligibility(country(code), rules)).toBe(reason);
  });

  it.each([
    ["AE", "the United Arab Emirates (D:4, needs a license for advanced chips)"],
    ["VN", "Vietnam (D:1, D:5)"],
    ["JP", "Japan (A:5)"],
    ["SA", "Saudi Arabia (D:4)"],
    ["MY", "Malaysia (in no group)"],
  ])("%s is eligible: %s", (code) => {
    expect(destinationIneligibility(country(code), rules)).toBeNull();
  });

  it("of the seeded countries, exactly the US, the countries of concern and E:1/E:2 are refused", () => {
    const refused = COUNTRIES.map(([code]) => code).filter((code) => destinationIneligibility(country(code), rules) !== null);
    expect(refused).toEqual(["US", "CN", "HK", "MO", "IR", "KP", "SY", "CU"]);
  });

  it("a country of concern that is also in an embargoed group is refused as a country of concern", () => {
    const candidate: DestinationCandidate = { code: "XX", name: "Testland", isCountryOfConcern: true, countryGroups: ["E:1"] };
    expect(destinationIneligibility(candidate, rules)).toBe("Testland is a country of concern and not an eligible destination.");
  });

  it("a country in several embargoed groups names them all, in the country's order", () => {
    const candidate: DestinationCandidate = { code: "XX", name: "Testland", isCountryOfConcern: false, countryGroups: ["D:5", "E:2", "E:1"] };
    expect(destinationIneligibility(candidate, rules)).toBe(
      "Testland is in country group E:2, E:1 (embargoed) and not an eligible destination.",
    );
  });
});

describe("the rules are data: changing the setting changes the outcome", () => {
  it("dropping E:2 makes Cuba eligible and leaves Iran refused", () => {
    const changed = withGroups(["E:1"]);
    expect(destinationIneligibility(country("CU"), changed)).toBeNull();
    expect(destinationIneligibility(country("IR"), changed)).toBe(
      "Iran is in country group E:1 (embargoed) and not an eligible destination.",
    );
  });

  it("adding D:5 refuses Vietnam and names every embargoed group Iran is in", () => {
    const changed = withGroups(["D:5", "E:1", "E:2"]);
    expect(destinationIneligibility(country("VN"), changed)).toBe(
      "Vietnam is in country group D:5 (embargoed) and not an eligible destination.",
    );
    expect(destinationIneligibility(country("IR"), changed)).toBe(
      "Iran is in country group D:5, E:1 (embargoed) and not an eligible destination.",
    );
    expect(destinationIneligibility(country("AE"), changed)).toBeNull();
  });

  it("with no embargoed groups, Iran, North Korea, Syria and Cuba are no longer refused", () => {
    const changed = withGroups([]);
    for (const code of ["IR", "KP", "SY", "CU"]) expect(destinationIneligibility(country(code), changed)).toBeNull();
  });

  it("the United States and the countries of concern stay refused whatever the groups", () => {
    const changed = withGroups([]);
    expect(destinationIneligibility(country("US"), changed)).toBe("The United States is not an export destination.");
    expect(destinationIneligibility(country("CN"), changed)).toBe("China is a country of concern and not an eligible destination.");
    expect(destinationIneligibility(country("MO"), changed)).toBe("Macau is a country of concern and not an eligible destination.");
  });

  it("the country-of-concern flag is reference data: a country flagged as one is refused", () => {
    const flagged: DestinationCandidate = { ...country("MY"), isCountryOfConcern: true };
    expect(destinationIneligibility(flagged, rules)).toBe("Malaysia is a country of concern and not an eligible destination.");
  });
});
