// Approval authority: officer up to $25M, the board above it, and above $100M a
// congressional notification period of 35 days first.
import { describe, expect, it } from "vitest";
import { authorityLevel, authorityProblems } from "@/lib/financing/authority";
import { seededSettings } from "./support/reference";

const rules = seededSettings;
const $ = (dollars: number) => BigInt(dollars) * 100n;
const none = { boardDecidedAt: null, boardMinuteReference: null, congressNotifiedAt: null };
const board = { boardDecidedAt: new Date("2027-01-10T00:00:00Z"), boardMinuteReference: "BD-2027-004", congressNotifiedAt: null };
const today = new Date("2027-03-01T15:00:00Z");

describe("approval authority", () => {
  it.each([
    [$(25_000_000), "OFFICER"],
    [$(25_000_000) + 1n, "BOARD"],
    [$(100_000_000), "BOARD"],
    [$(100_000_000) + 1n, "BOARD_AND_CONGRESS"],
  ] as const)("%s cents: %s", (amount, level) => {
    expect(authorityLevel(amount, rules)).toBe(level);
  });

  it("an officer decides up to $25M with nothing else on record", () => {
    expect(authorityProblems($(25_000_000), none, today, rules)).toEqual([]);
  });

  it("above $25M the board's decision must be on record, with its minute reference", () => {
    expect(authorityProblems($(30_000_000), none, today, rules)).toEqual([
      "Above $25,000,000.00 EXIM's board decides: record the board's decision (its date and minute reference) before the final commitment.",
    ]);
    expect(authorityProblems($(30_000_000), { ...board, boardMinuteReference: null }, today, rules)).toHaveLength(1);
    expect(authorityProblems($(30_000_000), board, today, rules)).toEqual([]);
  });

  it("above $100M: the notification, then 35 days; the 35th day is the first allowed", () => {
    expect(authorityProblems($(150_000_000), board, today, rules)).toEqual([
      "Above $100,000,000.00 Congress must be notified 35 days before the final commitment: record the notification first.",
    ]);
    const notified = { ...board, congressNotifiedAt: new Date("2027-02-01T00:00:00Z") };
    // 2027-02-01 + 35 days = 2027-03-08
    expect(authorityProblems($(150_000_000), notified, new Date("2027-03-07T23:59:00Z"), rules)).toEqual([
      "The congressional notification period runs until 2027-03-08 (35 days from 2027-02-01); the final commitment can be given from that day.",
    ]);
    expect(authorityProblems($(150_000_000), notified, new Date("2027-03-08T00:00:00Z"), rules)).toEqual([]);
  });

  it("follows the settings", () => {
    const changed = { ...rules, "financing.officerAuthorityMaxCents": $(50_000_000), "financing.congressionalNotificationDays": 0 };
    expect(authorityLevel($(30_000_000), changed)).toBe("OFFICER");
    expect(authorityProblems($(150_000_000), { ...board, congressNotifiedAt: today }, today, changed)).toEqual([]);
  });
});
