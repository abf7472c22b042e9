// The export-control rules as versions: which version is in force at a moment,
// the determination under a given version, what a change says in words, and the
// administrators' forms.
import { describe, expect, it } from "vitest";
import { determineLicenses, type ItemForDetermination } from "@/lib/licensing/determination";
import { countryUnder, describeRuleChanges, exportControlRulesSchema, withCountryGroups, type ExportControlRules } from "@/lib/licensing/rules";
import { countryGroupsChangeSchema, determinationRulesChangeSchema } from "@/lib/schemas/export-controls";
import { versionInForce } from "@/lib/versions";
import { seededRules } from "./support/reference";

describe("the version in force at a moment", () => {
  const versions = [
    { number: 1, effectiveFrom: "2026-11-01T09:00:00.000Z" },
    { number: 2, effectiveFrom: "2026-11-20T14:30:00.000Z" },
    { number: 3, effectiveFrom: "2026-11-20T14:30:00.000Z" },
    { number: 4, effectiveFrom: "2026-11-28T08:00:00.000Z" },
  ];

  it.each([
    ["2026-10-31T23:59:59.999Z", null],
    ["2026-11-01T09:00:00.000Z", 1],
    ["2026-11-20T14:29:59.999Z", 1],
    ["2026-11-20T14:30:00.000Z", 3], // two effective at once: the later one
    ["2026-11-27T23:59:59.999Z", 3],
    ["2026-11-30T12:00:00.000Z", 4],
  ])("at %s: version %s", (at, expected) => {
    expect(versionInForce(versions, at)?.number ?? null).toBe(expected);
  });

  it("reads dates and date-times alike, whatever the list's order", () => {
    const byDate = [
      { effectiveFrom: "2026-11-15", data: "November" },
      { effectiveFrom: "2026-10-15", data: "October" },
    ];
    expect(versionInForce(byDate, "2026-11-14")!.data).toBe("October");
    expect(versionInForce(byDate, "2026-11-15")!.data).toBe("November");
  });
});

const accelerator: ItemForDetermination = { id: "gpu", description: "Accelerators", eccn: "3A090.a", totalProcessingPerformance: 4800, performanceDensity: 6 };
const switchItem: ItemForDetermination = { id: "switch", description: "Encrypted switches", eccn: "5A992.c", totalProcessingPerformance: null, performanceDensity: null };
const under = (rules: ExportControlRules, code: string, name: string) => countryUnder(rules, { code, name });

describe("the determination under a given version", () => {
  const v1 = seededRules;
  const v2 = withCountryGroups(v1, "MY", ["D:1"]);
  const v3: ExportControlRules = { ...v2, "licensing.controlledEccns": [...v2["licensing.controlledEccns"], "5A992"], "licensing.advancedChipTppThreshold": 5000 };

  it("a country's groups come from the version: Malaysia needs no license under version 1, a license once it is placed in D:1", () => {
    expect(determineLicenses([accelerator], [under(v1, "MY", "Malaysia")], v1)[0]).toMatchObject({ licenseRequired: false });
    expect(determineLicenses([accelerator], [under(v2, "MY", "Malaysia")], v2)[0]).toMatchObject({
      licenseRequired: true,
      reasons: [expect.stringContaining("Malaysia is in country group D:1")],
    });
  });

  it("the controlled ECCNs and thresholds come from the version", () => {
    expect(determineLicenses([switchItem], [under(v2, "AE", "United Arab Emirates")], v2)[0]!.licenseRequired).toBe(false);
    expect(determineLicenses([switchItem], [under(v3, "AE", "United Arab Emirates")], v3)[0]!.licenseRequired).toBe(true);
    const unclassified = { ...accelerator, eccn: null, performanceDensity: 1 };
    expect(determineLicenses([unclassified], [under(v2, "AE", "United Arab Emirates")], v2)[0]!.licenseRequired).toBe(true);
    expect(determineLicenses([unclassified], [under(v3, "AE", "United Arab Emirates")], v3)[0]!.licenseRequired).toBe(false);
  });

  it("the worldwide rule reads the party's country groups under the version", () => {
    const v4 = withCountryGroups(v1, "VN", ["D:1"]); // Vietnam taken out of D:5
    const party = (rules: ExportControlRules) => ({ role: "END_USER" as const, name: "Hanoi Compute JSC", headquartersCountry: under(rules, "VN", "Vietnam"), parentName: null, parentCountry: null });
    expect(determineLicenses([accelerator], [under(v1, "JP", "Japan")], v1, [party(v1)])[0]!.licenseRequired).toBe(true);
    expect(determineLicenses([accelerator], [under(v4, "JP", "Japan")], v4, [party(v4)])[0]!.licenseRequired).toBe(false);
  });
});

describe("a change in words", () => {
  it("names each rule and each country that changed, and nothing else", () => {
    const after: ExportControlRules = { ...withCountryGroups(withCountryGroups(seededRules, "MY", ["D:1"]), "VN", ["D:1"]), "licensing.advancedChipTppThreshold": 5000 };
    const names: Record<string, string> = { MY: "Malaysia", VN: "Vietnam" };
    expect(describeRuleChanges(seededRules, after, (code) => names[code] ?? code)).toEqual([
      "Total processing performance threshold: 4800 -> 5000",
      "Country groups of Malaysia: none -> D:1",
      "Country groups of Vietnam: D:1, D:5 -> D:1",
    ]);
    expect(describeRuleChanges(seededRules, { ...seededRules, "licensing.exemptingCountryGroups": ["A:6", "A:5"] })).toEqual([]);
  });

  it("a country placed in no group leaves the map; the rule set stays valid", () => {
    const after = withCountryGroups(seededRules, "IL", []);
    expect(after.countryGroups.IL).toBeUndefined();
    expect(exportControlRulesSchema.safeParse(after).success).toBe(true);
  });
});

describe("the administrators' forms", () => {
  it("reads a country's groups from its ticked boxes", () => {
    const parsed = countryGroupsChangeSchema.parse({ baseVersion: "3", countryCode: "MY", "group-D1": "on", "group-A5": "on", "group-E9x": "on", reason: "Notice." });
    expect(parsed).toEqual({ baseVersion: 3, countryCode: "MY", groups: ["A:5", "D:1"], reason: "Notice." });
  });

  it("requires a reason", () => {
    const result = countryGroupsChangeSchema.safeParse({ baseVersion: "3", countryCode: "MY", reason: "  " });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ path: ["reason"], message: "Enter the reason for the change." });
  });

  const rulesForm = {
    baseVersion: "3",
    controlledEccns: "3A090, 4a090.b",
    controlledEccnSuffixes: ".Z",
    advancedChipTppThreshold: "4,800",
    advancedChipDensityTppThreshold: "1600",
    advancedChipPerformanceDensityThreshold: "5.92",
    licenseRequiredCountryGroups: "d:1, D:4 D:5",
    exemptingCountryGroups: "A:5, A:6",
    worldwideRuleCountryGroups: "D:5",
    worldwideRuleCountries: "mo",
    reason: "Notice.",
  };

  it("reads ECCNs by their grammar and lists typed with commas or spaces", () => {
    expect(determinationRulesChangeSchema.parse(rulesForm)).toMatchObject({
      controlledEccns: ["3A090", "4A090.b"],
      controlledEccnSuffixes: [".z"],
      advancedChipTppThreshold: 4800,
      licenseRequiredCountryGroups: ["D:1", "D:4", "D:5"],
      worldwideRuleCountries: ["MO"],
    });
  });

  it.each([
    ["controlledEccns", "3A0901", /3A0901/],
    ["controlledEccns", "EAR99", /EAR99 items are never controlled/],
    ["controlledEccns", "", /at least one controlled ECCN/],
    ["advancedChipTppThreshold", "-5", /above zero/],
    ["advancedChipPerformanceDensityThreshold", "five", /above zero/],
    ["licenseRequiredCountryGroups", "D5", /D5 is not a country group/],
    ["worldwideRuleCountries", "MAC", /MAC is not a two-letter country code/],
  ])("refuses %s = %j beside the field", (field, value, message) => {
    const result = determinationRulesChangeSchema.safeParse({ ...rulesForm, [field]: value });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual([field]);
    expect(result.error!.issues[0]!.message).toMatch(message);
  });
});
