// The program's rules and countries exactly as the seed configures them, so unit
// tests exercise the configured rules rather than copies of them.
import { parseSettings } from "@/lib/settings";
import { COUNTRIES, DEFAULT_SETTINGS } from "@/prisma/seed/reference-data";

export const seededSettings = parseSettings(Object.entries(DEFAULT_SETTINGS).map(([key, { value }]) => ({ key, value })));

/** A country as the reference data seeds it. */
export function seededCountry(code: string) {
  const row = COUNTRIES.find(([c]) => c === code);
  if (!row) throw new Error(`No reference country ${code}`);
  const [, name, groups, flags = {}] = row;
  return { code, name, isCountryOfConcern: flags.concern ?? false, countryGroups: groups };
}
