// The export-control rules the license determination applies, as one versioned
// whole (pure): every country's groups (15 CFR 740 supplement 1), the controlled
// ECCNs, the chip thresholds and the groups each rule looks at. An administrator's
// change makes a new version; this module validates a rule set and says in words
// what changed between two.
import { z } from "zod";
import { PartyRole } from "@/lib/generated/prisma/enums";
import { parseEccn } from "./eccn";

const groupCode = z.string().regex(/^[A-E]:\d$/, "a country group, like D:5");
const countryCode = z.string().regex(/^[A-Z]{2}$/, "an ISO 3166-1 alpha-2 code");
const eccnEntry = z.string().refine((value) => parseEccn(value).ok, { message: "not an ECCN" });

export const licensingRulesSchema = z.object({
  "licensing.controlledEccns": z.array(eccnEntry),
  "licensing.controlledEccnSuffixes": z.array(z.string().regex(/^\.[a-z]$/i, "a paragraph suffix, like .z")),
  "licensing.licenseRequiredCountryGroups": z.array(groupCode),
  "licensing.exemptingCountryGroups": z.array(groupCode),
  "licensing.advancedChipTppThreshold": z.number().positive(),
  "licensing.advancedChipDensityTppThreshold": z.number().positive(),
  "licensing.advancedChipPerformanceDensityThreshold": z.number().positive(),
  "licensing.worldwideRuleCountryGroups": z.array(groupCode),
  "licensing.worldwideRuleCountries": z.array(countryCode),
  "licensing.worldwideRulePartyRoles": z.array(z.enum(PartyRole)),
});

/** The rules of the determination (without the country groups, which it reads per country). */
export type LicensingRules = z.output<typeof licensingRulesSchema>;
export type LicensingRuleKey = keyof LicensingRules;
export const LICENSING_RULE_KEYS = Object.keys(licensingRulesSchema.shape) as LicensingRuleKey[];

/** One version's whole rule set: the determination's rules and every country's groups. */
export const exportControlRulesSchema = licensingRulesSchema.extend({
  /** Country code -> its export-control groups; a country in no group is absent. */
  countryGroups: z.record(countryCode, z.array(groupCode)),
});
export type ExportControlRules = z.output<typeof exportControlRulesSchema>;

/** A country's groups under a rule set, sorted. */
export function groupsOf(rules: Pick<ExportControlRules, "countryGroups">, code: string): string[] {
  return [...(rules.countryGroups[code] ?? [])].sort();
}

/** A country as the determination sees it under a rule set. */
export function countryUnder(rules: Pick<ExportControlRules, "countryGroups">, country: { code: string; name: string }) {
  return { code: country.code, name: country.name, countryGroups: groupsOf(rules, country.code) };
}

export const RULE_LABELS: Readonly<Record<LicensingRuleKey, string>> = {
  "licensing.controlledEccns": "Controlled ECCNs",
  "licensing.controlledEccnSuffixes": "Controlled ECCN paragraphs",
  "licensing.licenseRequiredCountryGroups": "Destinations needing a license (country groups)",
  "licensing.exemptingCountryGroups": "Country groups that exempt a destination",
  "licensing.advancedChipTppThreshold": "Total processing performance threshold",
  "licensing.advancedChipDensityTppThreshold": "Total processing performance threshold with the density test",
  "licensing.advancedChipPerformanceDensityThreshold": "Performance density threshold",
  "licensing.worldwideRuleCountryGroups": "Worldwide rule: country groups",
  "licensing.worldwideRuleCountries": "Worldwide rule: countries",
  "licensing.worldwideRulePartyRoles": "Worldwide rule: party roles",
};

const shown = (value: unknown) => (Array.isArray(value) ? (value.length ? value.join(", ") : "none") : String(value));
const same = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b) ? JSON.stringify([...a].sort()) === JSON.stringify([...b].sort()) : a === b;

/**
 * What changed from `before` to `after`, in words, one line per rule or country
 * ("Country groups of Vietnam: D:1, D:5 -> D:1"). Empty when nothing changed.
 * `countryName` names a country code.
 */
export function describeRuleChanges(before: ExportControlRules, after: ExportControlRules, countryName: (code: string) => string = (c) => c): string[] {
  const changes: string[] = [];
  for (const key of LICENSING_RULE_KEYS) {
    if (!same(before[key], after[key])) changes.push(`${RULE_LABELS[key]}: ${shown(before[key])} -> ${shown(after[key])}`);
  }
  const codes = [...new Set([...Object.keys(before.countryGroups), ...Object.keys(after.countryGroups)])].sort();
  for (const code of codes) {
    const [was, now] = [groupsOf(before, code), groupsOf(after, code)];
    if (!same(was, now)) changes.push(`Country groups of ${countryName(code)}: ${shown(was)} -> ${shown(now)}`);
  }
  return changes;
}

/** The rule set with one country's groups replaced (a country in no group drops out of the map). */
export function withCountryGroups(rules: ExportControlRules, code: string, groups: readonly string[]): ExportControlRules {
  const countryGroups = { ...rules.countryGroups };
  if (groups.length > 0) countryGroups[code] = [...new Set(groups)].sort();
  else delete countryGroups[code];
  return { ...rules, countryGroups };
}
