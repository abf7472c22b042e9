// License determination for advanced-computing items (15 CFR 742.6, 744.23):
// pure, driven by reference data (country groups) and settings (ECCNs, thresholds).
import type { ProgramSettings } from "@/lib/settings";

export type LicensingRules = Pick<
  ProgramSettings,
  | "licensing.controlledEccns"
  | "licensing.controlledEccnSuffixes"
  | "licensing.licenseRequiredCountryGroups"
  | "licensing.exemptingCountryGroups"
  | "licensing.advancedChipTppThreshold"
  | "licensing.advancedChipDensityTppThreshold"
  | "licensing.advancedChipPerformanceDensityThreshold"
>;

export type ItemForDetermination = {
  id: string;
  description: string;
  eccn: string | null;
  totalProcessingPerformance: number | null;
  performanceDensity: number | null;
};

export type DestinationForDetermination = {
  code: string;
  name: string;
  countryGroups: readonly string[];
};

export type ControlledItem = { id: string; reason: string };

export type DestinationDetermination = {
  countryCode: string;
  licenseRequired: boolean;
  /** In words, for the applicant and the reviewer. */
  reason: string;
  controlledItemIds: string[];
};

/** Why an item is an advanced-computing item, or null when it is not one. */
export function controlReason(item: ItemForDetermination, rules: LicensingRules): string | null {
  const eccn = item.eccn?.trim() ?? "";
  // ECCNs compare without regard to case (3A090.a, 3A090.A); they are shown as written.
  const upper = eccn.toUpperCase();
  if (eccn) {
    if (rules["licensing.controlledEccns"].some((controlled) => upper.startsWith(controlled.toUpperCase()))) {
      return `classified ${eccn}`;
    }
    const suffix = rules["licensing.controlledEccnSuffixes"].find((s) => upper.endsWith(s.toUpperCase()));
    if (suffix) return `classified ${eccn} (${suffix} item meeting the advanced-computing parameters)`;
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

/** For each destination: does the package need a license there, and why. */
export function determineLicenses(
  items: readonly ItemForDetermination[],
  destinations: readonly DestinationForDetermination[],
  rules: LicensingRules,
): DestinationDetermination[] {
  const controlled = controlledItems(items, rules);
  return destinations.map((destination) => {
    if (controlled.length === 0) {
      return {
        countryCode: destination.code,
        licenseRequired: false,
        reason: "No advanced-computing items in the package: no license required (NLR).",
        controlledItemIds: [],
      };
    }
    const exempting = destination.countryGroups.filter((g) => rules["licensing.exemptingCountryGroups"].includes(g));
    const requiring = destination.countryGroups.filter((g) => rules["licensing.licenseRequiredCountryGroups"].includes(g));
    const ids = controlled.map((c) => c.id);
    if (requiring.length > 0 && exempting.length === 0) {
      return {
        countryCode: destination.code,
        licenseRequired: true,
        reason: `${destination.name} is in country group ${requiring.join(", ")} and not in ${rules["licensing.exemptingCountryGroups"].join(" or ")}; ${controlled.length} advanced-computing item(s) need a license.`,
        controlledItemIds: ids,
      };
    }
    return {
      countryCode: destination.code,
      licenseRequired: false,
      reason:
        exempting.length > 0
          ? `${destination.name} is in country group ${exempting.join(", ")}: no license required (NLR).`
          : `${destination.name} is not in country group ${rules["licensing.licenseRequiredCountryGroups"].join(", ")}: no license required (NLR).`,
      controlledItemIds: ids,
    };
  });
}
