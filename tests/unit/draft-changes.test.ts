// What a contributor is told when a save from an old copy of a draft is refused.
import { describe, expect, it } from "vitest";
import { changedFields, describeChange, netChanges, overwrittenBy, sameValue, type RecordedSave } from "@/lib/proposals/draft-changes";

const at = (time: string) => new Date(`2026-11-30T${time}:00Z`);
const describe_ = { labels: { title: "Title", summary: "Summary", targetCountries: "Target countries" }, formatTime: (d: Date) => d.toISOString().slice(11, 16) };

describe("changedFields", () => {
  it("names the fields whose value differs, ignoring surrounding spaces and list order", () => {
    expect(changedFields({ title: "A", summary: "S ", countries: ["JP", "AE"] }, { title: "B", summary: "S", countries: ["AE", "JP"] })).toEqual(["title"]);
  });

  it("treats a missing, null and empty value alike", () => {
    expect(sameValue(null, "")).toBe(true);
    expect(sameValue(undefined, [])).toBe(true);
    expect(sameValue("JP", ["JP"])).toBe(true);
  });
});

describe("netChanges", () => {
  const saves: RecordedSave[] = [
    { by: "Dana Lee", at: at("14:02"), version: 4, before: { title: "Old", summary: "S" }, after: { title: "Middle", summary: "S" } },
    { by: "Sam Ortiz", at: at("14:05"), version: 5, before: { title: "Middle", summary: "S" }, after: { title: "New", summary: "S2" } },
  ];

  it("keeps, per field, the value before the first change and after the last, with who made the last", () => {
    expect(netChanges([...saves].reverse())).toEqual([
      { field: "title", from: "Old", to: "New", by: "Sam Ortiz", at: at("14:05") },
      { field: "summary", from: "S", to: "S2", by: "Sam Ortiz", at: at("14:05") },
    ]);
  });

  it("drops a field changed and changed back", () => {
    const back: RecordedSave = { by: "Dana Lee", at: at("14:06"), version: 6, before: { summary: "S2" }, after: { summary: "S" } };
    expect(netChanges([...saves, back]).map((c) => c.field)).toEqual(["title"]);
  });
});

describe("overwrittenBy", () => {
  const changes = netChanges([{ by: "Dana Lee", at: at("14:02"), version: 4, before: { title: "Old", summary: "S" }, after: { title: "New", summary: "S2" } }]);

  it("lists the changes a save would undo, including fields the saver left as they were", () => {
    expect(overwrittenBy({ title: "Mine", summary: "S" }, changes).map((c) => c.field)).toEqual(["title", "summary"]);
  });

  it("is empty when the save agrees with every change, or is about other fields", () => {
    expect(overwrittenBy({ title: "New", summary: "S2" }, changes)).toEqual([]);
    expect(overwrittenBy({ securityPlan: "Plan" }, changes)).toEqual([]);
  });
});

describe("describeChange", () => {
  it("says what changed, by whom, when and to what", () => {
    expect(describeChange({ field: "title", from: "Old", to: "Solar campus", by: "Dana Lee", at: at("14:02") }, describe_)).toBe(
      "Title was changed by Dana Lee at 14:02 to “Solar campus”.",
    );
  });

  it("says a field was cleared, and shortens long text", () => {
    expect(describeChange({ field: "summary", from: "S", to: "", by: "Dana Lee", at: at("14:02") }, describe_)).toBe("Summary was cleared by Dana Lee at 14:02.");
    const long = describeChange({ field: "summary", from: "S", to: "x".repeat(500), by: "Dana Lee", at: at("14:02") }, describe_);
    expect(long.length).toBeLessThan(200);
    expect(long).toContain("…”");
  });

  it("shows list values the way the form names them", () => {
    const names: Record<string, string> = { AE: "United Arab Emirates", JP: "Japan" };
    const text = describeChange({ field: "targetCountries", from: ["JP"], to: ["JP", "AE"], by: "Dana Lee", at: at("14:02") }, { ...describe_, showValue: (_f, v) => names[v] ?? v });
    expect(text).toBe("Target countries were changed by Dana Lee at 14:02 to “Japan, United Arab Emirates”.");
  });
});
