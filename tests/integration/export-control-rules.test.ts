// The export-control rules as versioned reference data on a real PostgreSQL: an
// administrator's change is a new numbered version with who and why, audited in
// the same transaction; nobody else may change them; a license request records
// the version it was derived with, and one derived before a change keeps the old.
import { readFileSync } from "node:fs";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { ForbiddenError, RuleViolationError } from "@/lib/errors";
import { determineForApi } from "@/lib/licensing/api";
import { changeCountryGroups, changeDeterminationRules, rulesInForce, rulesVersionNumberInForce } from "@/lib/licensing/rules-versions";
import type { Actor } from "@/lib/policy";
import { submitProposal } from "@/lib/proposals/service";
import { determinationRequestSchema } from "@/lib/schemas/api";
import { countryGroupsChangeSchema, determinationRulesChangeSchema } from "@/lib/schemas/export-controls";
import { INITIAL_LICENSING_RULES } from "@/prisma/seed/reference-data";
import { freshDatabase } from "./support/database";
import { createCompleteDraft, createConsortiumMember, createUser } from "./support/fixtures";

let client: Db;
let admin: Actor;

beforeAll(async () => {
  ({ client } = await freshDatabase());
  admin = await createUser(client, "ADMINISTRATOR", "Ada Admin");
});

const groupsChange = (baseVersion: number, countryCode: string, groups: string[], reason = "Federal Register notice 2026-1234.") =>
  countryGroupsChangeSchema.parse({ baseVersion: String(baseVersion), countryCode, reason, ...Object.fromEntries(groups.map((g) => [`group-${g.replace(":", "")}`, "on"])) });

async function submittedTo(destination: string) {
  const { actor } = await createConsortiumMember(client);
  const draft = await createCompleteDraft(client, actor, { destination });
  await submitProposal(client, actor, { proposalId: draft.id, expectedVersion: draft.version });
  return client.licenseRequest.findMany({ where: { proposalId: draft.id }, include: { rulesVersion: { include: { createdBy: true } } } });
}

describe("the versions", () => {
  it("the reference data loads version 1 with every country's groups and the rules", async () => {
    const first = await client.exportControlRulesVersion.findUniqueOrThrow({ where: { number: 1 } });
    expect(first.reason).toBe("The rules as first loaded.");
    const { rules } = await rulesInForce(client, new Date(first.effectiveFrom.getTime() + 1));
    expect(rules.countryGroups.VN).toEqual(["D:1", "D:5"]);
    expect(rules["licensing.controlledEccns"]).toEqual(["3A090", "4A090"]);
    expect(rules["licensing.advancedChipTppThreshold"]).toBe(4800);
  });

  it("a change is a new version with who and why, its audit event and the groups mirrored, all in one transaction", async () => {
    const base = await rulesVersionNumberInForce(client);
    const result = await changeCountryGroups(client, admin, groupsChange(base, "MY", ["D:1"]));
    expect(result).toEqual({ number: base + 1, changes: ["Country groups of Malaysia: none -> D:1"] });

    const version = await client.exportControlRulesVersion.findUniqueOrThrow({ where: { number: base + 1 } });
    expect(version).toMatchObject({ createdById: admin.userId, reason: "Federal Register notice 2026-1234.", changes: ["Country groups of Malaysia: none -> D:1"] });
    const audit = await client.auditEvent.findFirstOrThrow({ where: { action: "exportControls.rulesChanged", entityId: version.id } });
    expect(audit).toMatchObject({ actorId: admin.userId, entityType: "ExportControlRulesVersion" });
    expect(audit.after).toMatchObject({ version: base + 1, reason: "Federal Register notice 2026-1234." });
    // Written by the same transaction: the version and its audit event carry the same commit time.
    const [{ same }] = await client.$queryRaw<[{ same: boolean }]>`
      SELECT (SELECT xmin FROM "ExportControlRulesVersion" WHERE id = ${version.id})::text = (SELECT xmin FROM "AuditEvent" WHERE id = ${audit.id})::text AS same`;
    expect(same).toBe(true);
    expect(await client.countryGroupMembership.findMany({ where: { countryCode: "MY" } })).toEqual([{ countryCode: "MY", groupCode: "D:1" }]);
    // The version before keeps its rules.
    expect((await rulesInForce(client, new Date(version.effectiveFrom.getTime() - 1))).rules.countryGroups.MY).toBeUndefined();
    expect((await rulesInForce(client)).rules.countryGroups.MY).toEqual(["D:1"]);
  });

  it("ECCNs and thresholds change the same way, the ECCNs read by their grammar", async () => {
    const base = await rulesVersionNumberInForce(client);
    const { rules } = await rulesInForce(client);
    const input = determinationRulesChangeSchema.parse({
      baseVersion: String(base),
      controlledEccns: "3A090, 4A090, 5a992",
      controlledEccnSuffixes: ".z",
      advancedChipTppThreshold: "4,800",
      advancedChipDensityTppThreshold: "1600",
      advancedChipPerformanceDensityThreshold: "5.92",
      licenseRequiredCountryGroups: rules["licensing.licenseRequiredCountryGroups"].join(", "),
      exemptingCountryGroups: "A:5 A:6",
      worldwideRuleCountryGroups: "D:5",
      worldwideRuleCountries: "mo",
      reason: "5A992 brought under control.",
    });
    const result = await changeDeterminationRules(client, admin, input);
    expect(result.changes).toEqual(["Controlled ECCNs: 3A090, 4A090 -> 3A090, 4A090, 5A992"]);
    expect((await rulesInForce(client)).rules["licensing.controlledEccns"]).toEqual(["3A090", "4A090", "5A992"]);
  });

  it("a change made on an older version, or one that changes nothing, is refused and writes nothing", async () => {
    const base = await rulesVersionNumberInForce(client);
    const before = await client.auditEvent.count({ where: { action: "exportControls.rulesChanged" } });
    await expect(changeCountryGroups(client, admin, groupsChange(base - 1, "TH", ["D:1"]))).rejects.toThrow(/changed since you opened this page/);
    await expect(changeCountryGroups(client, admin, groupsChange(base, "JP", ["A:5"]))).rejects.toThrow(RuleViolationError);
    expect(await rulesVersionNumberInForce(client)).toBe(base);
    expect(await client.auditEvent.count({ where: { action: "exportControls.rulesChanged" } })).toBe(before);
    expect(await client.countryGroupMembership.findMany({ where: { countryCode: "TH" } })).toEqual([]);
  });

  it("two administrators changing at once: one version is added, the other is told to reload", async () => {
    const base = await rulesVersionNumberInForce(client);
    const other = await createUser(client, "ADMINISTRATOR");
    const outcomes = await Promise.allSettled([
      changeCountryGroups(client, admin, groupsChange(base, "PH", ["D:1"])),
      changeCountryGroups(client, other, groupsChange(base, "ID", ["D:1"])),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(await rulesVersionNumberInForce(client)).toBe(base + 1);
  });

  it("only an administrator may change the rules", async () => {
    const base = await rulesVersionNumberInForce(client);
    for (const role of ["COMMERCE_REVIEWER", "EXIM_OFFICER"] as const) {
      const actor = await createUser(client, role);
      await expect(changeCountryGroups(client, actor, groupsChange(base, "TH", ["D:1"]))).rejects.toThrow(ForbiddenError);
    }
    const { actor: member } = await createConsortiumMember(client);
    await expect(changeCountryGroups(client, member, groupsChange(base, "TH", ["D:1"]))).rejects.toThrow(ForbiddenError);
    expect(await rulesVersionNumberInForce(client)).toBe(base);
  });
});

describe("license requests record the version they were derived with", () => {
  it("a request derived before a change keeps the old version; one after records the new, and the change decides the outcome", async () => {
    const [before] = await submittedTo("AE");
    const old = await rulesVersionNumberInForce(client);
    expect(before!.rulesVersionNumber).toBe(old);
    expect(await submittedTo("TH")).toEqual([]); // Thailand is in no group: no license.

    await changeCountryGroups(client, admin, groupsChange(old, "TH", ["D:1"], "Thailand added to D:1 for the test."));
    const [after] = await submittedTo("TH");
    expect(after).toMatchObject({ destinationCountryCode: "TH", rulesVersionNumber: old + 1 });
    expect(after!.rulesVersion).toMatchObject({ number: old + 1, reason: "Thailand added to D:1 for the test.", createdBy: { name: "Ada Admin" } });
    expect(after!.determinationReasons).toEqual([expect.stringContaining("Thailand is in country group D:1")]);
    expect((await client.licenseRequest.findUniqueOrThrow({ where: { id: before!.id } })).rulesVersionNumber).toBe(old);
  });

  it("the public determination answers with the number of the version in force", async () => {
    const answer = await determineForApi(client, determinationRequestSchema.parse({ items: [{ eccn: "3A090.a" }], destinations: ["TH", "JP"] }));
    const current = await rulesVersionNumberInForce(client);
    expect(answer.determinations).toEqual([
      expect.objectContaining({ countryCode: "TH", licenseRequired: true, ruleVersion: current }),
      expect.objectContaining({ countryCode: "JP", licenseRequired: false, ruleVersion: current }),
    ]);
  });
});

describe("a database from before the rules were versioned", () => {
  it("the migration makes version 1 from the settings and the groups as they were, and drops those settings", async () => {
    const { ownerUrl, client: app } = await freshDatabase();
    const owner = new pg.Client({ connectionString: ownerUrl });
    await owner.connect();
    try {
      // The state before: the rules as settings (one changed by an administrator), no versions.
      await owner.query(`DELETE FROM "ExportControlRulesVersion"`);
      for (const [key, value] of Object.entries({ ...INITIAL_LICENSING_RULES, "licensing.advancedChipTppThreshold": 5000 })) {
        await owner.query(`INSERT INTO "Setting" ("key", "value", "description", "updatedAt") VALUES ($1, $2, '', now())`, [key, JSON.stringify(value)]);
      }
      await owner.query(readFileSync("prisma/migrations/20261130145035_export_control_rules_first_version/migration.sql", "utf8"));
      const { rows } = await owner.query(`SELECT count(*)::int AS n FROM "Setting" WHERE "key" LIKE 'licensing.advancedChip%'`);
      expect(rows[0].n).toBe(0);
    } finally {
      await owner.end();
    }
    const { number, rules } = await rulesInForce(app);
    expect(number).toBe(1);
    expect(rules["licensing.advancedChipTppThreshold"]).toBe(5000);
    expect(rules["licensing.worldwideRulePartyRoles"]).toEqual(INITIAL_LICENSING_RULES["licensing.worldwideRulePartyRoles"]);
    expect(rules.countryGroups.VN).toEqual(["D:1", "D:5"]);
  });
});
