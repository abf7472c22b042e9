// The reference countries: every ISO 3166-1 country, the program's with their
// export-control country groups (15 CFR 740 supplement 1).
import { describe, expect, it } from "vitest";
import { COUNTRIES, COUNTRY_GROUPS, isoCountryNames } from "@/prisma/seed/reference-data";

describe("reference countries", () => {
  const iso = isoCountryNames();

  it("cover every ISO 3166-1 country (about 250)", () => {
    expect(Object.keys(iso).length).toBeGreaterThanOrEqual(249);
    expect(iso.FJ).toBe("Fiji");
  });

  it("the configured rows are ISO codes, each once, in known groups", () => {
    const codes = COUNTRIES.map(([code]) => code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const [code, , groups] of COUNTRIES) {
      expect(iso[code], code).toBeDefined();
      for (const group of groups) expect(COUNTRY_GROUPS[group], `${code} ${group}`).toBeDefined();
    }
  });

  it("D:5 holds the arms-embargoed countries the worldwide rule looks at", () => {
    const d5 = COUNTRIES.filter(([, , groups]) => groups.includes("D:5")).map(([code]) => code);
    expect(d5).toEqual(expect.arrayContaining(["CN", "MO", "HK", "RU", "IR", "KP", "VN", "BY", "MM", "VE"]));
  });
});
