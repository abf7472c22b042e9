// The export-control rules in the database: numbered, dated versions, added by
// administrators (who, when, why, audited in the same transaction), never edited.
//
// Reading the version in force costs one small indexed row per request (its id
// and number); the rule set itself is kept in this process by the version's id,
// which is safe because a version never changes once written. So every server
// process sees a new version on its next request (decision 0024), with no cache
// to expire.
import type { Db, Tx } from "@/lib/db";
import { auditSnapshot, recordAudit } from "@/lib/audit";
import { NotFoundError, RuleViolationError } from "@/lib/errors";
import { authorize, type Actor } from "@/lib/policy";
import { readKeysetPage, type PageRequest } from "@/lib/pagination";
import type { CountryGroupsChange, DeterminationRulesChange } from "@/lib/schemas/export-controls";
import { describeRuleChanges, exportControlRulesSchema, withCountryGroups, type ExportControlRules } from "./rules";

type Reader = Pick<Db | Tx, "exportControlRulesVersion">;

export type RulesVersion = { number: number; effectiveFrom: Date; rules: ExportControlRules };

const VERSION_KEY = { id: true, number: true, effectiveFrom: true } as const;
type VersionKey = { id: string; number: number; effectiveFrom: Date };

const byId = new Map<string, ExportControlRules>();
const MAX_KEPT = 200;

async function withRules(client: Reader, key: VersionKey): Promise<RulesVersion> {
  let rules = byId.get(key.id);
  if (!rules) {
    const row = await client.exportControlRulesVersion.findUniqueOrThrow({ where: { id: key.id }, select: { rules: true } });
    const parsed = exportControlRulesSchema.safeParse(row.rules);
    if (!parsed.success) {
      throw new Error(`Export-control rules version ${key.number} is invalid: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    }
    rules = parsed.data;
    if (byId.size >= MAX_KEPT) byId.clear();
    byId.set(key.id, rules);
  }
  return { number: key.number, effectiveFrom: key.effectiveFrom, rules };
}

/** One version's rule set, validated (read once per process: versions never change). */
export async function rulesVersion(client: Reader, number: number): Promise<RulesVersion> {
  const key = await client.exportControlRulesVersion.findUnique({ where: { number }, select: VERSION_KEY });
  if (!key) throw new NotFoundError("Export-control rules version");
  return withRules(client, key);
}

async function versionKeyInForce(client: Reader, at: Date): Promise<VersionKey> {
  const key = await client.exportControlRulesVersion.findFirst({
    where: { effectiveFrom: { lte: at } },
    orderBy: [{ effectiveFrom: "desc" }, { number: "desc" }],
    select: VERSION_KEY,
  });
  if (!key) throw new Error("No export-control rules are in force: load the reference data (npm run db:seed).");
  return key;
}

/** The number of the version in force at `at`: the latest effective on or before it. */
export async function rulesVersionNumberInForce(client: Reader, at: Date = new Date()): Promise<number> {
  return (await versionKeyInForce(client, at)).number;
}

/** The version in force at `at`, with its rule set. */
export async function rulesInForce(client: Reader, at: Date = new Date()): Promise<RulesVersion> {
  return withRules(client, await versionKeyInForce(client, at));
}

/** What a reviewer reads about a version: number, date, who and why. */
export const RULES_VERSION_SUMMARY = {
  select: { number: true, effectiveFrom: true, reason: true, createdBy: { select: { name: true } } },
} as const;

const VERSION_LIST_ORDER = { key: "number", order: "desc", idOrder: "desc" } as const;

/** The versions, newest first, a page at a time. */
export async function listRulesVersions(client: Db, actor: Actor, request: PageRequest) {
  authorize(actor, "settings:manage");
  return readKeysetPage(
    VERSION_LIST_ORDER,
    request,
    (page) =>
      client.exportControlRulesVersion.findMany({
        where: page.where,
        orderBy: page.orderBy,
        take: page.take,
        select: { id: true, number: true, effectiveFrom: true, reason: true, changes: true, createdBy: { select: { name: true } } },
      }),
    (row) => row.number,
  );
}

/** Everything the administrators' page shows besides the list: the rules in force, the countries, the groups. */
export async function exportControlsOverview(client: Db, actor: Actor) {
  authorize(actor, "settings:manage");
  const [current, countries, groups] = await Promise.all([
    rulesInForce(client),
    client.country.findMany({ orderBy: { name: "asc" }, select: { code: true, name: true } }),
    client.countryGroup.findMany({ orderBy: { code: "asc" } }),
  ]);
  const summary = await client.exportControlRulesVersion.findUniqueOrThrow({ where: { number: current.number }, ...RULES_VERSION_SUMMARY });
  return { current, summary, countries, groups };
}

/** Rules versions are added one at a time, across every server process. */
const RULES_LOCK = "export-control-rules";

async function addVersion(client: Db, actor: Actor, baseVersion: number, change: (rules: ExportControlRules, tx: Tx) => Promise<ExportControlRules>, reason: string) {
  authorize(actor, "settings:manage");
  return client.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${RULES_LOCK}))`;
    const latest = await tx.exportControlRulesVersion.findFirst({ orderBy: { number: "desc" }, select: { number: true } });
    if (!latest) throw new Error("No export-control rules to change: load the reference data first.");
    if (latest.number !== baseVersion) {
      throw new RuleViolationError(`The rules changed since you opened this page (now version ${latest.number}). Reload the page, check the change, and make yours again.`);
    }
    const before = (await rulesVersion(tx, latest.number)).rules;
    const after = exportControlRulesSchema.parse(await change(before, tx));
    const names = new Map((await tx.country.findMany({ select: { code: true, name: true } })).map((c) => [c.code, c.name]));
    const changes = describeRuleChanges(before, after, (code) => names.get(code) ?? code);
    if (changes.length === 0) throw new RuleViolationError("Nothing changed: these are the rules in force already.");
    const version = await tx.exportControlRulesVersion.create({
      data: { number: latest.number + 1, rules: after, changes, reason, createdById: actor.userId },
    });
    // The membership table mirrors the groups in force, for the rest of the program (eligibility).
    for (const code of new Set([...Object.keys(before.countryGroups), ...Object.keys(after.countryGroups)])) {
      const [was, now] = [before.countryGroups[code] ?? [], after.countryGroups[code] ?? []];
      if (JSON.stringify([...was].sort()) === JSON.stringify([...now].sort())) continue;
      await tx.countryGroupMembership.deleteMany({ where: { countryCode: code } });
      await tx.countryGroupMembership.createMany({ data: now.map((groupCode) => ({ countryCode: code, groupCode })) });
    }
    await recordAudit(tx, actor, {
      action: "exportControls.rulesChanged",
      entityType: "ExportControlRulesVersion",
      entityId: version.id,
      before: auditSnapshot({ version: latest.number }),
      after: auditSnapshot({ version: version.number, changes, reason }),
    });
    return { number: version.number, changes };
  });
}

/** A new version with one country's export-control groups changed. */
export async function changeCountryGroups(client: Db, actor: Actor, input: CountryGroupsChange) {
  return addVersion(
    client,
    actor,
    input.baseVersion,
    async (rules, tx) => {
      const [country, known] = await Promise.all([
        tx.country.findUnique({ where: { code: input.countryCode }, select: { code: true } }),
        tx.countryGroup.findMany({ select: { code: true } }),
      ]);
      if (!country) throw new RuleViolationError("Choose a country the program knows.", [], "countryCode");
      const unknown = input.groups.filter((g) => !known.some((k) => k.code === g));
      if (unknown.length > 0) throw new RuleViolationError(`Unknown country group: ${unknown.join(", ")}.`);
      return withCountryGroups(rules, input.countryCode, input.groups);
    },
    input.reason,
  );
}

/** A new version with the determination's rules (ECCNs, thresholds, groups of each rule) as entered. */
export async function changeDeterminationRules(client: Db, actor: Actor, input: DeterminationRulesChange) {
  return addVersion(
    client,
    actor,
    input.baseVersion,
    async (rules, tx) => {
      const known = new Set((await tx.countryGroup.findMany({ select: { code: true } })).map((g) => g.code));
      const fields = ["licenseRequiredCountryGroups", "exemptingCountryGroups", "worldwideRuleCountryGroups"] as const;
      for (const field of fields) {
        const unknown = input[field].filter((g) => !known.has(g));
        if (unknown.length > 0) throw new RuleViolationError(`Unknown country group: ${unknown.join(", ")}.`, [], field);
      }
      const countries = await tx.country.findMany({ where: { code: { in: input.worldwideRuleCountries } }, select: { code: true } });
      const unknownCountries = input.worldwideRuleCountries.filter((c) => !countries.some((k) => k.code === c));
      if (unknownCountries.length > 0) throw new RuleViolationError(`Unknown country code: ${unknownCountries.join(", ")}.`, [], "worldwideRuleCountries");
      return {
        ...rules,
        "licensing.controlledEccns": input.controlledEccns,
        "licensing.controlledEccnSuffixes": input.controlledEccnSuffixes,
        "licensing.advancedChipTppThreshold": input.advancedChipTppThreshold,
        "licensing.advancedChipDensityTppThreshold": input.advancedChipDensityTppThreshold,
        "licensing.advancedChipPerformanceDensityThreshold": input.advancedChipPerformanceDensityThreshold,
        "licensing.licenseRequiredCountryGroups": input.licenseRequiredCountryGroups,
        "licensing.exemptingCountryGroups": input.exemptingCountryGroups,
        "licensing.worldwideRuleCountryGroups": input.worldwideRuleCountryGroups,
        "licensing.worldwideRuleCountries": input.worldwideRuleCountries,
      };
    },
    input.reason,
  );
}
