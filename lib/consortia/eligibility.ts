// Who may be a member of a consortium. Pure: the countries of concern are
// reference data (Country.isCountryOfConcern), maintained by administrators.

export type MemberForEligibility = {
  legalName: string;
  countryOfIncorporationCode: string;
  headquartersCountryCode: string;
  ultimateParentName: string | null;
  ultimateParentCountryCode: string | null;
};

/** Countries of concern by code, with their names for the reason. */
export type CountriesOfConcern = ReadonlyMap<string, string>;

/**
 * Why a member makes the consortium ineligible, or null: an organization located
 * in, incorporated in, or owned or controlled from a country of concern.
 */
export function memberIneligibility(member: MemberForEligibility, concern: CountriesOfConcern): string | null {
  const where = (code: string | null) => (code ? concern.get(code) : undefined);
  const headquarters = where(member.headquartersCountryCode);
  if (headquarters) return `${member.legalName} is headquartered in ${headquarters}, a country of concern.`;
  const incorporated = where(member.countryOfIncorporationCode);
  if (incorporated) return `${member.legalName} is incorporated in ${incorporated}, a country of concern.`;
  const parent = where(member.ultimateParentCountryCode);
  if (parent) return `${member.legalName} is owned or controlled from ${parent}: its ultimate parent${member.ultimateParentName ? `, ${member.ultimateParentName},` : ""} is in a country of concern.`;
  return null;
}
