// The determination as a public service: the same pure rules the portal applies
// at submission, under the export-control rules version in force.
import type { Db } from "@/lib/db";
import { ApiProblem } from "@/lib/api/http";
import type { DeterminationRequest } from "@/lib/schemas/api";
import { determineLicenses, type CountryForDetermination } from "./determination";
import { countryUnder } from "./rules";
import { rulesInForce } from "./rules-versions";

export async function determineForApi(client: Db, input: DeterminationRequest) {
  const codes = new Set([...input.destinations, ...input.parties.flatMap((p) => [p.countryCode, p.headquartersCountryCode, p.parentCountryCode])].filter((c): c is string => !!c));
  const [version, rows] = await Promise.all([
    rulesInForce(client),
    client.country.findMany({ where: { code: { in: [...codes] } }, select: { code: true, name: true } }),
  ]);
  const countries = new Map<string, CountryForDetermination>(rows.map((c) => [c.code, countryUnder(version.rules, c)]));
  const unknown = [
    ...input.destinations.map((code, i) => [`destinations.${i}`, code] as const),
    ...input.parties.flatMap((p, i) => [
      [`parties.${i}.countryCode`, p.countryCode] as const,
      [`parties.${i}.headquartersCountryCode`, p.headquartersCountryCode] as const,
      [`parties.${i}.parentCountryCode`, p.parentCountryCode] as const,
    ]),
  ].filter(([, code]) => code && !countries.has(code));
  if (unknown.length > 0) {
    throw new ApiProblem(400, "The request has problems.", unknown.map(([field, code]) => ({ field, message: `${code} is not a country code the program knows.` })));
  }
  const country = (code: string | null | undefined) => (code ? countries.get(code)! : null);
  const destinations = [...new Set(input.destinations)].map((code) => countries.get(code)!);
  const determinations = determineLicenses(
    input.items.map((item, i) => ({
      id: `item-${i + 1}`,
      description: item.description ?? `item ${i + 1}`,
      eccn: item.eccn ?? null,
      totalProcessingPerformance: item.totalProcessingPerformance ?? null,
      performanceDensity: item.performanceDensity ?? null,
    })),
    destinations,
    version.rules,
    input.parties.map((p, i) => ({
      role: p.role,
      name: p.name ?? `#${i + 1}, located in ${countries.get(p.countryCode)!.name},`,
      // Without a headquarters country, the party is taken to be headquartered where it is.
      headquartersCountry: country(p.headquartersCountryCode ?? p.countryCode),
      parentName: null,
      parentCountry: country(p.parentCountryCode),
    })),
  );
  const ruleVersion = { ruleVersion: version.number, ruleVersionEffectiveFrom: version.effectiveFrom.toISOString() };
  return {
    determinations: determinations.map((d) => ({ countryCode: d.countryCode, licenseRequired: d.licenseRequired, reasons: d.reasons, ...ruleVersion })),
  };
}
