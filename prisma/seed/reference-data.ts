// Reference data and program settings. Idempotent: safe on every start; an
// administrator's later change to a setting is never overwritten.
import { createRequire } from "node:module";
import isoCountries from "i18n-iso-countries";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { CirrTable, ExposureFeeGrid } from "../../lib/financing/reference";
import type { LicensingRules } from "../../lib/licensing/rules";

// Every ISO 3166-1 country, named in English, from a maintained package; the rows
// below add the export-control country groups and program flags where they apply.
isoCountries.registerLocale(createRequire(import.meta.url)("i18n-iso-countries/langs/en.json"));

/** Every ISO 3166-1 alpha-2 code with its English name. */
export function isoCountryNames(): Record<string, string> {
  return isoCountries.getNames("en", { select: "alias" });
}

/** Export-control country groups, 15 CFR part 740 supplement 1 (subset relevant to the program). */
export const COUNTRY_GROUPS: Record<string, string> = {
  "A:5": "Close allies: license exceptions broadly available",
  "A:6": "Close partners: license exceptions with conditions",
  "D:1": "National security concerns",
  "D:4": "Missile technology concerns",
  "D:5": "US arms embargoed countries",
  "E:1": "Terrorist supporting countries",
  "E:2": "Unilateral embargo",
};

type CountryRow = [code: string, name: string, groups: string[], flags?: { concern?: boolean; highIncomeOecd?: boolean; risk?: number }];

export const COUNTRIES: CountryRow[] = [
  ["US", "United States", [], { highIncomeOecd: true, risk: 0 }],
  ["AE", "United Arab Emirates", ["D:4"], { risk: 2 }],
  ["SA", "Saudi Arabia", ["D:4"], { risk: 2 }],
  ["QA", "Qatar", ["D:4"], { risk: 3 }],
  ["KW", "Kuwait", ["D:4"], { risk: 2 }],
  ["BH", "Bahrain", ["D:4"], { risk: 5 }],
  ["OM", "Oman", ["D:4"], { risk: 4 }],
  ["EG", "Egypt", ["D:4"], { risk: 6 }],
  ["JO", "Jordan", ["D:4"], { risk: 5 }],
  ["IL", "Israel", ["A:6", "D:4"], { highIncomeOecd: true, risk: 2 }],
  ["VN", "Vietnam", ["D:1", "D:5"], { risk: 4 }],
  ["SG", "Singapore", ["A:6"], { risk: 0 }],
  ["JP", "Japan", ["A:5"], { highIncomeOecd: true, risk: 0 }],
  ["KR", "South Korea", ["A:5"], { highIncomeOecd: true, risk: 0 }],
  ["TW", "Taiwan", ["A:6"], { risk: 1 }],
  ["MY", "Malaysia", [], { risk: 2 }],
  ["ID", "Indonesia", [], { risk: 3 }],
  ["TH", "Thailand", [], { risk: 3 }],
  ["PH", "Philippines", [], { risk: 3 }],
  ["IN", "India", ["A:5"], { risk: 3 }],
  ["AU", "Australia", ["A:5"], { highIncomeOecd: true, risk: 0 }],
  ["NZ", "New Zealand", ["A:5"], { highIncomeOecd: true, risk: 0 }],
  ["CA", "Canada", ["A:5"], { highIncomeOecd: true, risk: 0 }],
  ["GB", "United Kingdom", ["A:5"], { highIncomeOecd: true, risk: 0 }],
  ["DE", "Germany", ["A:5"], { highIncomeOecd: true, risk: 0 }],
  ["FR", "France", ["A:5"], { highIncomeOecd: true, risk: 0 }],
  ["IT", "Italy", ["A:5"], { highIncomeOecd: true, risk: 0 }],
  ["ES", "Spain", ["A:5"], { highIncomeOecd: true, risk: 0 }],
  ["PL", "Poland", ["A:5"], { highIncomeOecd: true, risk: 0 }],
  ["TR", "Turkey", ["A:5"], { risk: 5 }],
  ["BR", "Brazil", [], { risk: 4 }],
  ["MX", "Mexico", [], { risk: 3 }],
  ["KE", "Kenya", [], { risk: 6 }],
  ["NG", "Nigeria", [], { risk: 6 }],
  ["ZA", "South Africa", ["A:6"], { risk: 4 }],
  ["CY", "Cyprus", ["A:6", "D:5"], { risk: 3 }],
  ["KZ", "Kazakhstan", ["D:1"], { risk: 5 }],
  ["PK", "Pakistan", ["D:4"], { risk: 7 }],
  // Further arms-embargoed (D:5) and national-security (D:1) destinations of
  // supplement 1 to part 740, so the worldwide rule knows where parties are owned from.
  ["AF", "Afghanistan", ["D:1", "D:5"], { risk: 7 }],
  ["BY", "Belarus", ["D:1", "D:5"], { risk: 7 }],
  ["MM", "Burma (Myanmar)", ["D:1", "D:5"], { risk: 7 }],
  ["KH", "Cambodia", ["D:1", "D:5"], { risk: 6 }],
  ["CF", "Central African Republic", ["D:5"], { risk: 7 }],
  ["CD", "Congo, Democratic Republic of the", ["D:5"], { risk: 7 }],
  ["ER", "Eritrea", ["D:5"], { risk: 7 }],
  ["HT", "Haiti", ["D:5"], { risk: 7 }],
  ["IQ", "Iraq", ["D:1", "D:5"], { risk: 7 }],
  ["LB", "Lebanon", ["D:5"], { risk: 7 }],
  ["LY", "Libya", ["D:1", "D:4", "D:5"], { risk: 7 }],
  ["NI", "Nicaragua", ["D:5"], { risk: 7 }],
  ["SO", "Somalia", ["D:5"], { risk: 7 }],
  ["SS", "South Sudan", ["D:5"], { risk: 7 }],
  ["SD", "Sudan", ["D:5"], { risk: 7 }],
  ["VE", "Venezuela", ["D:1", "D:5"], { risk: 7 }],
  ["ZW", "Zimbabwe", ["D:5"], { risk: 7 }],
  ["CN", "China", ["D:1", "D:4", "D:5"], { concern: true, risk: 2 }],
  ["HK", "Hong Kong", ["D:1", "D:4", "D:5"], { concern: true, risk: 2 }],
  ["MO", "Macau", ["D:1", "D:4", "D:5"], { concern: true, risk: 3 }],
  ["RU", "Russia", ["D:1", "D:4", "D:5"], { risk: 7 }],
  ["IR", "Iran", ["D:1", "D:4", "D:5", "E:1"], { risk: 7 }],
  ["KP", "North Korea", ["D:1", "D:4", "D:5", "E:1"], { risk: 7 }],
  ["SY", "Syria", ["D:4", "D:5", "E:1"], { risk: 7 }],
  ["CU", "Cuba", ["D:5", "E:2"], { risk: 7 }],
];

/** Program settings as first configured; values come from domain rules of 2025-2026. */
export const DEFAULT_SETTINGS: Record<string, { value: unknown; description: string }> = {
  "exposureCap.statutoryLimitCents": {
    value: [{ from: "2019-12-20", value: "13500000000000" }],
    description: "EXIM's statutory exposure cap ($135B), dated: add { from, value } entries ahead of a change (reauthorization).",
  },
  "exposureCap.drawnAtStartCents": {
    value: [{ from: "2025-07-23", value: "3410000000000" }],
    description: "Exposure outstanding outside this program's ledger (about $34.1B), dated.",
  },
  "exposureCap.lockWaitMilliseconds": { value: 5000, description: "How long an approval waits for its turn on the exposure cap before the portal answers that it is busy (milliseconds)." },
  "financing.maxCoverOfNetContractPriceBasisPoints": { value: 8500, description: "EXIM finances at most this share of the net contract price." },
  "financing.minCashPaymentBasisPoints": { value: 1500, description: "The buyer pays at least this share of the net contract price in cash." },
  "financing.minUsContentBasisPoints": { value: 5100, description: "Minimum US content for transformational exports." },
  "proposals.requiredLayers": { value: ["HARDWARE", "STORAGE", "CLOUD_NETWORKING", "APPLICATION_SOFTWARE"], description: "Stack layers every proposal must include." },
  "proposals.hardwareUsContentThresholdBasisPoints": { value: 5100, description: "Hardware US content below this share is flagged for manual review." },
  "proposals.ineligibleDestinationCountryGroups": { value: ["E:1", "E:2"], description: "Embargoed destinations (country groups) that no proposal may target." },
  "proposals.requiredPartyRoles": { value: ["PURCHASER", "ULTIMATE_CONSIGNEE", "END_USER"], description: "Parties every proposal must name before it is submitted." },
  "financing.mediumTermMaxAmountCents": { value: "2500000000", description: "Medium-term financing: financed amount up to this ($25M)." },
  "financing.mediumTermMaxRepaymentYears": { value: 7, description: "Medium-term financing: repayment of 1 to this many years." },
  "financing.longTermMaxRepaymentYears": { value: 15, description: "Long-term financing: repayment up to this many years (2023 OECD rules)." },
  "financing.minRepaymentYears": { value: 1, description: "Repayment of at least this many years, medium- or long-term." },
  "financing.localCostsHighIncomeOecdBasisPoints": { value: 4000, description: "Local costs EXIM supports, as a share of the export value, for high-income OECD destinations." },
  "financing.localCostsOtherBasisPoints": { value: 5000, description: "Local costs EXIM supports, as a share of the export value, for other destinations." },
  "financing.officerAuthorityMaxCents": { value: "2500000000", description: "An EXIM officer decides final commitments up to this amount ($25M); above it the board decides." },
  "financing.congressionalNotificationAboveCents": { value: "10000000000", description: "Final commitments above this amount ($100M) wait for the congressional notification period." },
  "financing.congressionalNotificationDays": { value: 35, description: "Days the congressional notification period lasts before a final commitment." },
  "exposureCap.reservedBasisPoints": { value: [{ from: "2019-12-20", value: 2000 }], description: "Share of the cap's authority reserved for China-and-transformational-exports work (20%)." },
  "program.regions": {
    value: { Gulf: ["AE", "SA", "QA", "KW", "BH", "OM"], "Asia-Pacific": ["SG", "JP", "KR", "MY", "VN", "IN", "ID", "TH", "PH", "AU", "NZ", "TW"] },
    description: "Regions the program dashboard reports by (destination country codes); everything else is \"Other\".",
  },
  "exposureCap.proposedStatutoryLimitCents": { value: "20500000000000", description: "The cap proposed at reauthorization ($205B), for the what-if view." },
  "licensing.conditionTemplates": {
    value: [
      { kind: "reporting", label: "Reporting", text: "The licensee reports the installed location, quantity and end users of the licensed items to Commerce every six months." },
      { kind: "security", label: "Security", text: "The licensed items are installed only in data centers meeting the security plan filed with the proposal, with physical and cyber access controls and no remote access from country group D:5." },
      { kind: "no-re-export", label: "No re-export", text: "The licensed items may not be re-exported, transferred in-country or made available as a service to any party other than the named end users without Commerce's prior authorization." },
    ],
    description: "Templates a reviewer picks binding license conditions from (kind, label, text).",
  },
  "screening.matchThreshold": { value: 80, description: "Restricted-party screening: a name scoring at least this (0-100) against the Consolidated Screening List is a possible match." },
  "screening.apiRequestsPerMinute": { value: 30, description: "Public screening API: requests allowed per client address per minute." },
  "screening.apiMaxNames": { value: 50, description: "Public screening API: names allowed in one request." },
  "licensing.reviewTargetDays": { value: 90, description: "Commerce aims to decide within this many days of registration." },
  "licensing.validityYears": { value: 4, description: "An export license is valid this many years." },
  "sessions.governmentIdleTimeoutMinutes": { value: 15, description: "Commerce, EXIM and administrator sessions end after this many minutes without activity." },
  "sessions.consortiumIdleTimeoutMinutes": { value: 30, description: "Consortium staff sessions end after this many minutes without activity." },
  "sessions.absoluteLifetimeHours": { value: 12, description: "Every session ends this many hours after sign-in, whatever the activity." },
  "sessions.idleWarningSeconds": { value: 120, description: "Users are warned this many seconds before an idle session ends." },
  "signIn.maxFailuresPerAccount": { value: 5, description: "Wrong passwords or codes allowed per account within the failure window." },
  "signIn.maxFailuresPerClientAddress": { value: 50, description: "Failed sign-ins allowed per client address within the failure window." },
  "signIn.failureWindowMinutes": { value: 15, description: "The window in which failed sign-ins are counted." },
  "signIn.lockoutMinutes": { value: 15, description: "How long sign-in is refused once the failures are used up." },
  "invitations.validityDays": { value: 7, description: "An invitation into a consortium's workspace works for this many days." },
  "attachments.maxBytes": { value: 25 * 1024 * 1024, description: "The largest file a consortium may attach to a proposal, in bytes (26214400 is 25 MB)." },
  "secondFactor.requiredRoles": { value: ["COMMERCE_REVIEWER", "EXIM_OFFICER", "ADMINISTRATOR"], description: "Roles that must sign in with an authenticator app as a second factor." },
};

/**
 * The export-control rules as first loaded (version 1 of the rules, with the
 * country groups above); administrators change them at /admin/export-controls.
 */
export const INITIAL_LICENSING_RULES: LicensingRules = {
  "licensing.controlledEccns": ["3A090", "4A090"],
  "licensing.controlledEccnSuffixes": [".z"],
  "licensing.licenseRequiredCountryGroups": ["D:1", "D:4", "D:5"],
  "licensing.exemptingCountryGroups": ["A:5", "A:6"],
  "licensing.advancedChipTppThreshold": 4800,
  "licensing.advancedChipDensityTppThreshold": 1600,
  "licensing.advancedChipPerformanceDensityThreshold": 5.92,
  "licensing.worldwideRuleCountryGroups": ["D:5"],
  "licensing.worldwideRuleCountries": ["MO"],
  "licensing.worldwideRulePartyRoles": ["END_USER", "ULTIMATE_CONSIGNEE", "INTERMEDIATE_CONSIGNEE"],
};

/**
 * EXIM's reference tables as first loaded: a CIRR table banded by repayment term
 * (rates of the kind published monthly, valid from the 15th) and an exposure-fee
 * grid by OECD country risk category and tenor. Administrators add newer versions.
 */
export const CIRR_VERSIONS: Array<{ effectiveFrom: string; data: CirrTable }> = [
  {
    effectiveFrom: "2026-11-15",
    data: {
      bands: [
        { maxRepaymentYears: 5, rateBasisPoints: 452 },
        { maxRepaymentYears: 8.5, rateBasisPoints: 467 },
        { maxRepaymentYears: 11, rateBasisPoints: 481 },
        { maxRepaymentYears: null, rateBasisPoints: 495 },
      ],
    },
  },
];

const FEE_TENORS = [5, 10, null] as const;
export const EXPOSURE_FEE_VERSIONS: Array<{ effectiveFrom: string; data: ExposureFeeGrid }> = [
  {
    effectiveFrom: "2026-01-01",
    data: {
      rows: [0, 1, 2, 3, 4, 5, 6, 7].flatMap((riskCategory) =>
        FEE_TENORS.map((maxTenorYears, band) => {
          // Grows with country risk and tenor; paying as drawn costs a little more.
          const upFront = 40 + riskCategory * 90 + band * (60 + riskCategory * 45);
          return { riskCategory, maxTenorYears, upFrontBasisPoints: upFront, asDrawnBasisPoints: Math.round(upFront * 1.08) };
        }),
      ),
    },
  },
];

export async function seedReferenceData(prisma: PrismaClient): Promise<void> {
  for (const [kind, versions] of [["CIRR", CIRR_VERSIONS], ["EXPOSURE_FEE", EXPOSURE_FEE_VERSIONS]] as const) {
    for (const version of versions) {
      const effectiveFrom = new Date(`${version.effectiveFrom}T00:00:00Z`);
      await prisma.referenceTableVersion.upsert({
        where: { kind_effectiveFrom: { kind, effectiveFrom } },
        create: { kind, effectiveFrom, data: version.data, note: "As first loaded." },
        update: {},
      });
    }
  }
  for (const [code, description] of Object.entries(COUNTRY_GROUPS)) {
    await prisma.countryGroup.upsert({ where: { code }, create: { code, description }, update: {} });
  }
  for (const [code, name, groups, flags = {}] of COUNTRIES) {
    await prisma.country.upsert({
      where: { code },
      create: {
        code,
        name,
        isCountryOfConcern: flags.concern ?? false,
        isHighIncomeOecd: flags.highIncomeOecd ?? false,
        oecdRiskCategory: flags.risk ?? null,
        groups: { create: groups.map((groupCode) => ({ groupCode })) },
      },
      update: {},
    });
  }
  // The rest of ISO 3166-1: in no country group the program configures.
  const curated = new Set(COUNTRIES.map(([code]) => code));
  const others = Object.entries(isoCountryNames()).filter(([code]) => !curated.has(code));
  await prisma.country.createMany({ data: others.map(([code, name]) => ({ code, name })), skipDuplicates: true });
  for (const [key, { value, description }] of Object.entries(DEFAULT_SETTINGS)) {
    await prisma.setting.upsert({ where: { key }, create: { key, value: value as never, description }, update: {} });
  }
  // Version 1 of the export-control rules: the groups above and the initial rules.
  // Later versions are an administrator's; the seed never adds one over them.
  if ((await prisma.exportControlRulesVersion.count()) === 0) {
    const countryGroups: Record<string, string[]> = {};
    for (const m of await prisma.countryGroupMembership.findMany({ orderBy: [{ countryCode: "asc" }, { groupCode: "asc" }] })) {
      (countryGroups[m.countryCode] ??= []).push(m.groupCode);
    }
    await prisma.exportControlRulesVersion.create({
      data: { number: 1, rules: { ...INITIAL_LICENSING_RULES, countryGroups }, reason: "The rules as first loaded." },
    });
  }
}
