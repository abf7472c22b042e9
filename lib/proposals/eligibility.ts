// Which destinations a proposal may name. Pure: the rules are reference data
// (country flags and groups) and settings.
import type { ProgramSettings } from "@/lib/settings";

export type DestinationCandidate = { code: string; name: string; isCountryOfConcern: boolean; countryGroups: readonly string[] };

/** Why a country can't be a destination, or null when it can. */
export function destinationIneligibility(
  country: DestinationCandidate,
  settings: Pick<ProgramSettings, "proposals.ineligibleDestinationCountryGroups">,
): string | null {
  if (country.code === "US") return "The United States is not an export destination.";
  if (country.isCountryOfConcern) return `${country.name} is a country of concern and not an eligible destination.`;
  const embargoed = country.countryGroups.filter((g) => settings["proposals.ineligibleDestinationCountryGroups"].includes(g));
  if (embargoed.length > 0) return `${country.name} is in country group ${embargoed.join(", ")} (embargoed) and not an eligible destination.`;
  return null;
}
