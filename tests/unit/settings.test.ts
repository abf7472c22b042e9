// The program settings an administrator can change: every key the portal reads,
// seeded by DEFAULT_SETTINGS and validated by parseSettings.
import { describe, expect, it } from "vitest";
import { parseSettings, settingsSchema, valueInForce } from "@/lib/settings";
import { DEFAULT_SETTINGS } from "@/prisma/seed/reference-data";

const rows = Object.entries(DEFAULT_SETTINGS).map(([key, { value }]) => ({ key, value }));

const KEYS = [
  "exposureCap.statutoryLimitCents",
  "exposureCap.drawnAtStartCents",
  "exposureCap.lockWaitMilliseconds",
  "financing.maxCoverOfNetContractPriceBasisPoints",
  "financing.minCashPaymentBasisPoints",
  "financing.minUsContentBasisPoints",
  "financing.mediumTermMaxAmountCents",
  "financing.mediumTermMaxRepaymentYears",
  "financing.longTermMaxRepaymentYears",
  "financing.minRepaymentYears",
  "financing.localCostsHighIncomeOecdBasisPoints",
  "financing.localCostsOtherBasisPoints",
  "financing.officerAuthorityMaxCents",
  "financing.congressionalNotificationAboveCents",
  "financing.congressionalNotificationDays",
  "exposureCap.reservedBasisPoints",
  "exposureCap.proposedStatutoryLimitCents",
  "program.regions",
  "proposals.requiredLayers",
  "proposals.hardwareUsContentThresholdBasisPoints",
  "proposals.ineligibleDestinationCountryGroups",
  "proposals.requiredPartyRoles",
  "licensing.reviewTargetDays",
  "licensing.validityYears",
  "licensing.conditionTemplates",
  "screening.matchThreshold",
  "screening.apiRequestsPerMinute",
  "screening.apiMaxNames",
  "sessions.governmentIdleTimeoutMinutes",
  "sessions.consortiumIdleTimeoutMinutes",
  "sessions.absoluteLifetimeHours",
  "sessions.idleWarningSeconds",
  "signIn.maxFailuresPerAccount",
  "signIn.maxFailuresPerClientAddress",
  "signIn.failureWindowMinutes",
  "signIn.lockoutMinutes",
  "secondFactor.requiredRoles",
  "invitations.validityDays",
  "attachments.maxBytes",
];

describe("the settings keys", () => {
  it("the schema reads exactly these keys", () => {
    expect(Object.keys(settingsSchema.shape).sort()).toEqual([...KEYS].sort());
  });

  it("the seed configures every one of them, and nothing else", () => {
    expect(Object.keys(DEFAULT_SETTINGS).sort()).toEqual([...KEYS].sort());
  });

  it("every seeded setting is described for the administrator", () => {
    for (const { description } of Object.values(DEFAULT_SETTINGS)) expect(description.trim()).not.toBe("");
  });
});

describe("the seeded values, parsed", () => {
  const settings = parseSettings(rows);

  it("are the program's rules of 2025-2026", () => {
    expect(settings).toEqual({
      "exposureCap.statutoryLimitCents": 13_500_000_000_000n,
      "exposureCap.drawnAtStartCents": 3_410_000_000_000n,
      "exposureCap.lockWaitMilliseconds": 5000,
      "financing.maxCoverOfNetContractPriceBasisPoints": 8500,
      "financing.minCashPaymentBasisPoints": 1500,
      "financing.minUsContentBasisPoints": 5100,
      "financing.mediumTermMaxAmountCents": 2_500_000_000n,
      "financing.mediumTermMaxRepaymentYears": 7,
      "financing.longTermMaxRepaymentYears": 15,
      "financing.minRepaymentYears": 1,
      "financing.localCostsHighIncomeOecdBasisPoints": 4000,
      "financing.localCostsOtherBasisPoints": 5000,
      "financing.officerAuthorityMaxCents": 2_500_000_000n,
      "financing.congressionalNotificationAboveCents": 10_000_000_000n,
      "financing.congressionalNotificationDays": 35,
      "exposureCap.reservedBasisPoints": 2000,
      "exposureCap.proposedStatutoryLimitCents": 20_500_000_000_000n,
      "program.regions": {
        Gulf: ["AE", "SA", "QA", "KW", "BH", "OM"],
        "Asia-Pacific": ["SG", "JP", "KR", "MY", "VN", "IN", "ID", "TH", "PH", "AU", "NZ", "TW"],
      },
      "proposals.requiredLayers": ["HARDWARE", "STORAGE", "CLOUD_NETWORKING", "APPLICATION_SOFTWARE"],
      "proposals.hardwareUsContentThresholdBasisPoints": 5100,
      "proposals.ineligibleDestinationCountryGroups": ["E:1", "E:2"],
      "proposals.requiredPartyRoles": ["PURCHASER", "ULTIMATE_CONSIGNEE", "END_USER"],
      "licensing.reviewTargetDays": 90,
      "licensing.validityYears": 4,
      "licensing.conditionTemplates": [
        expect.objectContaining({ kind: "reporting" }),
        expect.objectContaining({ kind: "security" }),
        expect.objectContaining({ kind: "no-re-export" }),
      ],
      "screening.matchThreshold": 80,
      "screening.apiRequestsPerMinute": 30,
      "screening.apiMaxNames": 50,
      "sessions.governmentIdleTimeoutMinutes": 15,
      "sessions.consortiumIdleTimeoutMinutes": 30,
      "sessions.absoluteLifetimeHours": 12,
      "sessions.idleWarningSeconds": 120,
      "signIn.maxFailuresPerAccount": 5,
      "signIn.maxFailuresPerClientAddress": 50,
      "signIn.failureWindowMinutes": 15,
      "signIn.lockoutMinutes": 15,
      "secondFactor.requiredRoles": ["COMMERCE_REVIEWER", "EXIM_OFFICER", "ADMINISTRATOR"],
      "invitations.validityDays": 7,
      "attachments.maxBytes": 26_214_400,
    });
  });
});

describe("parseSettings refuses a configuration it can't trust", () => {
  it.each([
    "proposals.ineligibleDestinationCountryGroups",
    "financing.mediumTermMaxAmountCents",
    "financing.mediumTermMaxRepaymentYears",
    "financing.longTermMaxRepaymentYears",
  ])("a database without %s is a configuration error naming the key", (missing) => {
    expect(() => parseSettings(rows.filter((row) => row.key !== missing))).toThrow(
      `Program settings are incomplete or invalid: ${missing}:`,
    );
  });

  it.each([
    ["financing.mediumTermMaxAmountCents", 2_500_000_000],
    ["financing.mediumTermMaxAmountCents", "25,000,000"],
    ["financing.mediumTermMaxRepaymentYears", 0],
    ["financing.mediumTermMaxRepaymentYears", 7.5],
    ["financing.longTermMaxRepaymentYears", "15"],
    ["proposals.ineligibleDestinationCountryGroups", "E:1"],
    ["proposals.ineligibleDestinationCountryGroups", [""]],
  ])("%s set to %j is refused", (key, value) => {
    const changed = rows.map((row) => (row.key === key ? { key, value } : row));
    expect(() => parseSettings(changed)).toThrow(`Program settings are incomplete or invalid: ${key}`);
  });

  it("no embargoed groups at all is a valid choice", () => {
    const changed = rows.map((row) => (row.key === "proposals.ineligibleDestinationCountryGroups" ? { ...row, value: [] } : row));
    expect(parseSettings(changed)["proposals.ineligibleDestinationCountryGroups"]).toEqual([]);
  });
});

describe("dated settings (the cap, the baseline and the reservation)", () => {
  const schedule = [
    { from: "2019-12-20", value: "13500000000000" },
    { from: "2026-10-01", value: "20500000000000" },
  ];

  it("the value in force is the latest on or before the date", () => {
    expect(valueInForce(schedule, "2019-12-19")).toBeNull();
    expect(valueInForce(schedule, "2026-09-30")).toBe("13500000000000");
    expect(valueInForce(schedule, "2026-10-01")).toBe("20500000000000");
  });

  it("a schedule parses to today's value; a plain value still parses; a schedule entirely in the future is refused", () => {
    const withSchedule = rows.map((row) => (row.key === "exposureCap.statutoryLimitCents" ? { ...row, value: [{ from: "2000-01-01", value: "100" }, { from: "2999-01-01", value: "200" }] } : row));
    expect(parseSettings(withSchedule)["exposureCap.statutoryLimitCents"]).toBe(100n);
    const plain = rows.map((row) => (row.key === "exposureCap.reservedBasisPoints" ? { ...row, value: 1500 } : row));
    expect(parseSettings(plain)["exposureCap.reservedBasisPoints"]).toBe(1500);
    const future = rows.map((row) => (row.key === "exposureCap.drawnAtStartCents" ? { ...row, value: [{ from: "2999-01-01", value: "1" }] } : row));
    expect(() => parseSettings(future)).toThrow(/exposureCap.drawnAtStartCents/);
  });
});
