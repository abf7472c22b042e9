// The worldwide rule (15 CFR 744.23) beside the destination rule: an end user or
// consignee headquartered in, or owned from, country group D:5 or Macau makes every
// advanced-computing item need a license at every destination. Table-driven over
// the program's markets and the configured rules and country groups.
import { describe, expect, it } from "vitest";
import {
  determineLicenses,
  worldwideRuleReasons,
  type CountryForDetermination,
  type ItemForDetermination,
  type LicensingRules,
  type PartyForDetermination,
} from "@/lib/licensing/determination";
import type { PartyRole } from "@/lib/generated/prisma/enums";
import { seededCountry, seededRules } from "./support/reference";

const rules: LicensingRules = seededRules;

function country(code: string): CountryForDetermination {
  const { name, countryGroups } = seededCountry(code);
  return { code, name, countryGroups };
}

function item(eccn: string): ItemForDetermination {
  return { id: `item-${eccn}`, description: `An item classified ${eccn}`, eccn, totalProcessingPerformance: null, performanceDensity: null };
}

function party(role: PartyRole, name: string, headquarters: string | null, parent: string | null = null, parentName: string | null = null): PartyForDetermination {
  return { role, name, headquartersCountry: headquarters ? country(headquarters) : null, parentName, parentCountry: parent ? country(parent) : null };
}

const DESTINATIONS = ["AE", "SA", "SG", "JP", "VN", "IN", "DE", "CN"] as const;
const ADVANCED = ["3A090", "3A090.a", "4A090", "4A090.b", "5A992.z"] as const;

/** The destination rule alone: D:1, D:4 or D:5 and not A:5 or A:6. */
const DESTINATION_NEEDS_LICENSE: Record<(typeof DESTINATIONS)[number], boolean> = {
  AE: true, // D:4
  SA: true, // D:4
  SG: false, // A:6
  JP: false, // A:5
  VN: true, // D:1, D:5
  IN: false, // A:5
  DE: false, // A:5
  CN: true, // D:1, D:4, D:5
};

const PARTY_CASES: Array<[label: string, parties: PartyForDetermination[], worldwide: boolean]> = [
  ["no parties named", [], false],
  ["an end user headquartered in Japan", [party("END_USER", "Kanto Research Cloud KK", "JP")], false],
  ["an end user headquartered in China (D:5)", [party("END_USER", "Pearl River Compute Co.", "CN")], true],
  ["an end user in Singapore headquartered in China (D:5)", [party("END_USER", "Lion City AI Pte. Ltd.", "CN")], true],
  ["an ultimate consignee whose parent is in China (D:5)", [party("ULTIMATE_CONSIGNEE", "Gulf Data Halls LLC", "AE", "CN", "Dragon Holdings")], true],
  ["an intermediate consignee headquartered in Macau", [party("INTERMEDIATE_CONSIGNEE", "Cotai Logistics Ltd", "MO")], true],
  ["an end user owned from Vietnam (D:5)", [party("END_USER", "Mekong Analytics JSC", "SG", "VN")], true],
  ["a purchaser headquartered in China (the rule looks at end users and consignees only)", [party("PURCHASER", "Pearl River Trading", "CN")], false],
  ["an end user with no headquarters country given", [party("END_USER", "Unknown Operator", null)], false],
];

describe.each(PARTY_CASES)("with %s", (_label, parties, worldwide) => {
  describe.each(DESTINATIONS)("to %s", (code) => {
    it.each(ADVANCED)("a %s item needs a license exactly when the destination or the worldwide rule says so", (eccn) => {
      const [result] = determineLicenses([item(eccn)], [country(code)], rules, parties);
      const expected = DESTINATION_NEEDS_LICENSE[code] || worldwide;
      expect(result?.licenseRequired).toBe(expected);
      expect(result?.controlledItemIds).toEqual([`item-${eccn}`]);
      if (worldwide) {
        expect(result?.reasons.some((r) => r.includes(parties[0]!.name) && r.includes("every advanced-computing item needs a license at every destination"))).toBe(true);
      }
    });

    it("an EAR99 item never needs one", () => {
      const [result] = determineLicenses([item("EAR99")], [country(code)], rules, parties);
      expect(result).toMatchObject({ licenseRequired: false, reasons: ["No advanced-computing items in the package: no license required (NLR)."], controlledItemIds: [] });
    });
  });
});

describe("the worldwide rule in words", () => {
  it("names the party, its role and the country group at Singapore", () => {
    const [result] = determineLicenses([item("3A090.a")], [country("SG")], rules, [party("END_USER", "Lion City AI Pte. Ltd.", "CN")]);
    expect(result).toEqual({
      countryCode: "SG",
      licenseRequired: true,
      reason:
        "The end user Lion City AI Pte. Ltd. is headquartered in China (country group D:5): every advanced-computing item needs a license at every destination. 1 advanced-computing item(s) need a license to Singapore.",
      reasons: [
        "The end user Lion City AI Pte. Ltd. is headquartered in China (country group D:5): every advanced-computing item needs a license at every destination.",
        "1 advanced-computing item(s) need a license to Singapore.",
      ],
      controlledItemIds: ["item-3A090.a"],
    });
  });

  it("names the parent and its country", () => {
    expect(worldwideRuleReasons([party("ULTIMATE_CONSIGNEE", "Gulf Data Halls LLC", "AE", "CN", "Dragon Holdings")], rules)).toEqual([
      "The ultimate consignee Gulf Data Halls LLC has its ultimate parent Dragon Holdings, in China (country group D:5): every advanced-computing item needs a license at every destination.",
    ]);
  });

  it("adds the party's reason to a destination that needs a license anyway", () => {
    const [result] = determineLicenses([item("4A090")], [country("AE")], rules, [party("END_USER", "Pearl River Compute Co.", "CN")]);
    expect(result?.reasons).toEqual([
      "United Arab Emirates is in country group D:4 and not in A:5 or A:6; 1 advanced-computing item(s) need a license.",
      "The end user Pearl River Compute Co. is headquartered in China (country group D:5): every advanced-computing item needs a license at every destination.",
    ]);
  });

  it("Macau counts by name even when it is not in a listed group (setting)", () => {
    const noGroups: LicensingRules = { ...rules, "licensing.worldwideRuleCountryGroups": [] };
    expect(worldwideRuleReasons([party("END_USER", "Cotai Compute", "MO")], noGroups)).toEqual([
      "The end user Cotai Compute is headquartered in Macau: every advanced-computing item needs a license at every destination.",
    ]);
    expect(worldwideRuleReasons([party("END_USER", "Pearl River Compute Co.", "CN")], noGroups)).toEqual([]);
  });

  it("the parties it looks at are a setting", () => {
    const withPurchasers: LicensingRules = { ...rules, "licensing.worldwideRulePartyRoles": ["PURCHASER"] };
    const [result] = determineLicenses([item("3A090")], [country("DE")], withPurchasers, [party("PURCHASER", "Pearl River Trading", "CN")]);
    expect(result?.licenseRequired).toBe(true);
  });
});
