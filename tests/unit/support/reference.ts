// The program's rules and countries exactly as the seed configures them, so unit
// tests exercise the configured rules rather than copies of them.
import { exportControlRulesSchema } from "@/lib/licensing/rules";
import { parseSettings } from "@/lib/settings";
import { COUNTRIES, DEFAULT_SETTINGS, INITIAL_LICENSING_RULES } from "@/prisma/seed/reference-data";

export const seededSettings = parseSettings(Object.entries(DEFAULT_SETTINGS).map(([key, { value }]) => ({ key, value })));

/** Version 1 of the export-control rules, as the seed writes it. */
export const seededRules = exportControlRulesSchema.parse({
  ...INITIAL_LICENSING_RULES,
  countryGroups: Object.fromEntries(COUNTRIES.filter(([, , groups]) => groups.length > 0).map(([code, , groups]) => [code, [...groups].sort()])),
});

/** A country as the reference data seeds it. */
export function seededCountry(code: string) {
  const row = COUNTRIES.find(([c]) => c === code);
  if (!row) throw new Error(`No reference country ${code}`);
  const [, name, groups, flags = {}] = row;
  return { code, name, isCountryOfConcern: flags.concern ?? false, countryGroups: groups };
}
