// License determination for advanced-computing items (15 CFR 742.6, 744.23):
// pure, driven by one version of the export-control rules (lib/licensing/rules.ts):
// country groups, controlled ECCNs, thresholds, the groups of the worldwide rule.
import type { PartyRole } from "@/lib/generated/prisma/enums";
import { eccnWithin, parseEccn, type ParsedEccn } from "./eccn";
import type { LicensingRules } from "./rules";

export { LICENSING_RULE_KEYS, type LicensingRules } from "./rules";

export type ItemForDetermination = {
  id: string;
  description: string;
  eccn: string | null;
  totalProcessingPerformance: number | null;
  performanceDensity: number | null;
};

export type CountryForDetermination = {
  code: string;
  name: string;
  countryGroups: readonly string[];
};

export type DestinationForDetermination = CountryForDetermination;

/** A party to the export with the countries it answers to. */
export type PartyForDetermination = {
  role: PartyRole;
  name: string;
  headquartersCountry: CountryForDetermination | null;
  parentName: string | null;
  parentCountry: CountryForDetermination | null;
};

export type ControlledItem = { id: string; reason: string };

export type DestinationDetermination = {
  countryCode: string;
  licenseRequired: boolean;
  /** In words, for the applicant and the reviewer: every reason, joined. */
  reason: string;
  reasons: string[];
  controlledItemIds: string[];
};

export const PARTY_ROLE_LABELS: Readonly<Record<PartyRole, string>> = {
  PURCHASER: "purchaser",
  INTERMEDIATE_CONSIGNEE: "intermediate consignee",
  ULTIMATE_CONSIGNEE: "ultimate consignee",
  END_USER: "end user",
  DATA_CENTER_BUILDER: "data-center builder",
  DATA_CENTER_OWNER: "data-center owner",
  DATA_CENTER_OPERATOR: "data-center operator",
  LENDER: "lender",
  GUARANTOR: "guarantor",
};

function parsedEntries(entries: readonly string[]): ParsedEccn[] {
  return entries.flatMap((entry) => {
    const parsed = parseEccn(entry);
    return parsed.ok ? [parsed.eccn] : [];
  });
}

/** Why an item is an advanced-computing item, or null when it is not one. */
export function controlReason(item: ItemForDetermination, rules: LicensingRules): string | null {
  const parsed = item.eccn ? parseEccn(item.eccn) : null;
  if (parsed?.ok) {
    const eccn = parsed.eccn;
    if (parsedEntries(rules["licensing.controlledEccns"]).some((entry) => eccnWithin(eccn, entry))) {
      return `classified ${eccn.normalized}`;
    }
    // Configured as ".z": the item's last paragraph.
    const suffix = rules["licensing.controlledEccnSuffixes"].find(
      (s) => eccn.paragraphs.length > 0 && eccn.paragraphs.at(-1) === s.replace(/^\./, "").toLowerCase(),
    );
    if (suffix) return `classified ${eccn.normalized} (${suffix.toLowerCase()} item meeting the advanced-computing parameters)`;
  }
  const tpp = item.totalProcessingPerformance;
  const density = item.performanceDensity;
  if (tpp !== null && tpp >= rules["licensing.advancedChipTppThreshold"]) {
    return `total processing performance ${tpp} meets the ${rules["licensing.advancedChipTppThreshold"]} threshold`;
  }
  if (
    tpp !== null &&
    density !== null &&
    tpp >= rules["licensing.advancedChipDensityTppThreshold"] &&
    density >= rules["licensing.advancedChipPerformanceDensityThreshold"]
  ) {
    return `total processing performance ${tpp} with performance density ${density} meets the density thresholds`;
  }
  return null;
}

export function controlledItems(items: readonly ItemForDetermination[], rules: LicensingRules): ControlledItem[] {
  return items.flatMap((item) => {
    const reason = controlReason(item, rules);
    return reason ? [{ id: item.id, reason }] : [];
  });
}

function worldwideTrigger(country: CountryForDetermination | null, rules: LicensingRules): string | null {
  if (!country) return null;
  const groups = country.countryGroups.filter((g) => rules["licensing.worldwideRuleCountryGroups"].includes(g));
  if (groups.length > 0) return `${country.name} (country group ${groups.join(", ")})`;
  if (rules["licensing.worldwideRuleCountries"].includes(country.code)) return country.name;
  return null;
}

/**
 * The worldwide rule (15 CFR 744.23): an end user or consignee headquartered in,
 * or whose ultimate parent is in, a listed group or country makes every
 * advanced-computing item need a license at every destination. One reason per party.
 */
export function worldwideRuleReasons(parties: readonly PartyForDetermination[], rules: LicensingRules): string[] {
  return parties.flatMap((party) => {
    if (!rules["licensing.worldwideRulePartyRoles"].includes(party.role)) return [];
    const role = PARTY_ROLE_LABELS[party.role];
    const headquarters = worldwideTrigger(party.headquartersCountry, rules);
    if (headquarters) return [`The ${role} ${party.name} is headquartered in ${headquarters}: every advanced-computing item needs a license at every destination.`];
    const parent = worldwideTrigger(party.parentCountry, rules);
    if (parent) {
      const owner = party.parentName ? `${party.parentName}, in ${parent}` : `in ${parent}`;
      return [`The ${role} ${party.name} has its ultimate parent ${owner}: every advanced-computing item needs a license at every destination.`];
    }
    return [];
  });
}

/** For each destination: does the package need a license there, and why. */
export function determineLicenses(
  items: readonly ItemForDetermination[],
  destinations: readonly DestinationForDetermination[],
  rules: LicensingRules,
  parties: readonly PartyForDetermination[] = [],
): DestinationDetermination[] {
  const controlled = controlledItems(items, rules);
  const worldwide = controlled.length > 0 ? worldwideRuleReasons(parties, rules) : [];
  const ids = controlled.map((c) => c.id);
  const count = `${controlled.length} advanced-computing item(s) need a license`;
  return destinations.map((destination) => {
    const answer = (licenseRequired: boolean, reasons: string[]): DestinationDetermination => ({
      countryCode: destination.code,
      licenseRequired,
      reason: reasons.join(" "),
      reasons,
      controlledItemIds: ids,
    });
    if (controlled.length === 0) {
      return answer(false, ["No advanced-computing items in the package: no license required (NLR)."]);
    }
    const exempting = destination.countryGroups.filter((g) => rules["licensing.exemptingCountryGroups"].includes(g));
    const requiring = destination.countryGroups.filter((g) => rules["licensing.licenseRequiredCountryGroups"].includes(g));
    if (requiring.length > 0 && exempting.length === 0) {
      return answer(true, [
        `${destination.name} is in country group ${requiring.join(", ")} and not in ${rules["licensing.exemptingCountryGroups"].join(" or ")}; ${count}.`,
        ...worldwide,
      ]);
    }
    if (worldwide.length > 0) return answer(true, [...worldwide, `${count} to ${destination.name}.`]);
    return answer(false, [
      exempting.length > 0
        ? `${destination.name} is in country group ${exempting.join(", ")}: no license required (NLR).`
        : `${destination.name} is not in country group ${rules["licensing.licenseRequiredCountryGroups"].join(", ")}: no license required (NLR).`,
    ]);
  });
}
