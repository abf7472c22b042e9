// License determination for advanced-computing items, driven by the program's
// configured rules (DEFAULT_SETTINGS) and country groups (COUNTRIES reference data).
import { describe, expect, it } from "vitest";
import {
  controlledItems,
  controlReason,
  determineLicenses,
  type DestinationForDetermination,
  type ItemForDetermination,
  type LicensingRules,
} from "@/lib/licensing/determination";
import { COUNTRIES } from "@/prisma/seed/reference-data";
import { seededCountry, seededRules } from "./support/reference";

const rules: LicensingRules = seededRules;

function destination(code: string): DestinationForDetermination {
  const { name, countryGroups } = seededCountry(code);
  return { code, name, countryGroups };
}

let nextId = 0;
function item(eccn: string | null, tpp: number | null = null, density: number | null = null): ItemForDetermination {
  nextId += 1;
  return { id: `item-${nextId}`, description: `Item ${nextId}`, eccn, totalProcessingPerformance: tpp, performanceDensity: density };
}

const UAE = destination("AE");
const SAUDI = destination("SA");
const VIETNAM = destination("VN");
const ISRAEL = destination("IL");
const JAPAN = destination("JP");
const MALAYSIA = destination("MY");

describe("the configured rules and reference data the tests rely on", () => {
  it("uses the program's 3A090.a figures and country-group rules", () => {
    expect(rules["licensing.controlledEccns"]).toMatchObject(["3A090", "4A090"]);
    expect(rules["licensing.controlledEccnSuffixes"]).toMatchObject([".z"]);
    expect(rules["licensing.licenseRequiredCountryGroups"]).toMatchObject(["D:1", "D:4", "D:5"]);
    expect(rules["licensing.exemptingCountryGroups"]).toMatchObject(["A:5", "A:6"]);
    expect(rules["licensing.advancedChipTppThreshold"]).toBe(4800);
    expect(rules["licensing.advancedChipDensityTppThreshold"]).toBe(1600);
    expect(rules["licensing.advancedChipPerformanceDensityThreshold"]).toBe(5.92);
  });

  it("places the destinations in their 15 CFR 740 country groups", () => {
    expect(UAE.countryGroups).toMatchObject(["D:4"]);
    expect(SAUDI.countryGroups).toMatchObject(["D:4"]);
    expect(VIETNAM.countryGroups).toMatchObject(["D:1", "D:5"]);
    expect(ISRAEL.countryGroups).toMatchObject(["A:6", "D:4"]);
    expect(JAPAN.countryGroups).toMatchObject(["A:5"]);
    expect(MALAYSIA.countryGroups).toMatchObject([]);
  });
});

describe("which items are advanced-computing items", () => {
  it.each([
    ["3A090", "classified 3A090"],
    ["4A090", "classified 4A090"],
    ["4A090.A", "classified 4A090.a"],
    ["4A090.a", "classified 4A090.a"],
    ["4a090.a", "classified 4A090.a"],
    ["3a090", "classified 3A090"],
    [" 3A090.a ", "classified 3A090.a"],
    ["5A992.z", "classified 5A992.z (.z item meeting the advanced-computing parameters)"],
    ["5a992.z", "classified 5A992.z (.z item meeting the advanced-computing parameters)"],
    ["4A003.Z", "classified 4A003.z (.z item meeting the advanced-computing parameters)"],
    ["5D992.z", "classified 5D992.z (.z item meeting the advanced-computing parameters)"],
  ])("an item classified %j is controlled: %s", (eccn, reason) => {
    expect(controlReason(item(eccn), rules)).toBe(reason);
  });

  it("compares configured ECCNs and suffixes by their grammar, whatever their case, showing the item's ECCN normalized", () => {
    const upperSuffix: LicensingRules = { ...rules, "licensing.controlledEccnSuffixes": [".Z"] };
    expect(controlReason(item("5A992.z"), upperSuffix)).toBe("classified 5A992.z (.z item meeting the advanced-computing parameters)");
    const lowerEccns: LicensingRules = { ...rules, "licensing.controlledEccns": ["3a090", "4a090"] };
    expect(controlReason(item("3A090.a"), lowerEccns)).toBe("classified 3A090.a");
    expect(controlReason(item("4A090"), lowerEccns)).toBe("classified 4A090");
  });

  it.each(["EAR99", "5A992.c", "5D992.c", "3A001", "", "3A0901", "5A992.z1", "5A992.zz", "3A001.z.a", "4A0900"])("an item classified %j without chip figures is not", (eccn) => {
    expect(controlReason(item(eccn), rules)).toBeNull();
  });

  it("an item with no classification and no figures is not", () => {
    expect(controlReason(item(null), rules)).toBeNull();
  });

  describe("chip figures meet 3A090.a whatever the item is classified as", () => {
    it("EAR99 with TPP 5000 is controlled (TPP at or above 4800)", () => {
      expect(controlReason(item("EAR99", 5000), rules)).toBe("total processing performance 5000 meets the 4800 threshold");
    });
    it("TPP exactly 4800 is controlled", () => {
      expect(controlReason(item(null, 4800), rules)).toBe("total processing performance 4800 meets the 4800 threshold");
    });
    it("TPP 4799 with no density is not", () => {
      expect(controlReason(item("EAR99", 4799), rules)).toBeNull();
    });
    it("TPP 1600 with performance density 5.92 is controlled", () => {
      expect(controlReason(item("EAR99", 1600, 5.92), rules)).toBe(
        "total processing performance 1600 with performance density 5.92 meets the density thresholds",
      );
    });
    it("TPP 1600 with performance density 5.91 is not", () => {
      expect(controlReason(item("EAR99", 1600, 5.91), rules)).toBeNull();
    });
    it("TPP 1599 with a high density is not", () => {
      expect(controlReason(item("EAR99", 1599, 40), rules)).toBeNull();
    });
    it("a density with no TPP is not", () => {
      expect(controlReason(item("EAR99", null, 40), rules)).toBeNull();
    });
  });

  it("controlledItems keeps only the controlled ones, with their reasons", () => {
    const chip = { ...item("3A090"), id: "chip" };
    const software = { ...item("EAR99"), id: "software" };
    const router = { ...item("5A992.c"), id: "router" };
    const server = { ...item("5A992.z"), id: "server" };
    expect(controlledItems([chip, software, router, server], rules)).toMatchObject([
      { id: "chip", reason: "classified 3A090" },
      { id: "server", reason: "classified 5A992.z (.z item meeting the advanced-computing parameters)" },
    ]);
  });
});

describe("license determination per destination", () => {
  const advancedItems = [item("3A090"), item("4A090"), item("4A090.A"), item("5A992.z")];
  const advancedIds = advancedItems.map((i) => i.id);
  const ordinary = [item("EAR99"), item("5A992.c")];

  describe.each([
    ["3A090", item("3A090")],
    ["4A090", item("4A090")],
    ["4A090.A", item("4A090.A")],
    ["5A992.z", item("5A992.z")],
  ])("a package with a %s item", (_eccn, controlled) => {
    it("needs a license to the United Arab Emirates (D:4)", () => {
      expect(determineLicenses([controlled], [UAE], rules)).toMatchObject([
        {
          countryCode: "AE",
          licenseRequired: true,
          reason: "United Arab Emirates is in country group D:4 and not in A:5 or A:6; 1 advanced-computing item(s) need a license.",
          controlledItemIds: [controlled.id],
        },
      ]);
    });
    it("needs a license to Vietnam (D:1, D:5)", () => {
      const [result] = determineLicenses([controlled], [VIETNAM], rules);
      expect(result).toMatchObject({
        countryCode: "VN",
        licenseRequired: true,
        reason: "Vietnam is in country group D:1, D:5 and not in A:5 or A:6; 1 advanced-computing item(s) need a license.",
        controlledItemIds: [controlled.id],
      });
    });
    it("needs a license to Saudi Arabia (D:4)", () => {
      const [result] = determineLicenses([controlled], [SAUDI], rules);
      expect(result?.licenseRequired).toBe(true);
      expect(result?.reason).toBe(
        "Saudi Arabia is in country group D:4 and not in A:5 or A:6; 1 advanced-computing item(s) need a license.",
      );
    });
    it("needs no license to Israel (A:6 as well as D:4)", () => {
      const [result] = determineLicenses([controlled], [ISRAEL], rules);
      expect(result).toMatchObject({
        countryCode: "IL",
        licenseRequired: false,
        reason: "Israel is in country group A:6: no license required (NLR).",
        controlledItemIds: [controlled.id],
      });
    });
    it("needs no license to Japan (A:5)", () => {
      const [result] = determineLicenses([controlled], [JAPAN], rules);
      expect(result?.licenseRequired).toBe(false);
      expect(result?.reason).toBe("Japan is in country group A:5: no license required (NLR).");
    });
    it("needs no license to Malaysia (in no controlling group)", () => {
      const [result] = determineLicenses([controlled], [MALAYSIA], rules);
      expect(result?.licenseRequired).toBe(false);
      expect(result?.reason).toBe("Malaysia is not in country group D:1, D:4, D:5: no license required (NLR).");
    });
  });

  it("decides each destination of a multi-country package on its own, in the order given", () => {
    const results = determineLicenses([...advancedItems, ...ordinary], [UAE, JAPAN, VIETNAM, MALAYSIA, ISRAEL, SAUDI], rules);
    expect(results.map((r) => [r.countryCode, r.licenseRequired])).toMatchObject([
      ["AE", true],
      ["JP", false],
      ["VN", true],
      ["MY", false],
      ["IL", false],
      ["SA", true],
    ]);
    expect(results[0]).toMatchObject({
      countryCode: "AE",
      licenseRequired: true,
      reason: "United Arab Emirates is in country group D:4 and not in A:5 or A:6; 4 advanced-computing item(s) need a license.",
      controlledItemIds: advancedIds,
    });
  });

  it("an EAR99 item whose figures meet 3A090.a makes the package need a license to the UAE", () => {
    const disguised = item("EAR99", 5000);
    const [result] = determineLicenses([disguised, ...ordinary], [UAE], rules);
    expect(result?.licenseRequired).toBe(true);
    expect(result?.controlledItemIds).toMatchObject([disguised.id]);
  });

  describe("a package of EAR99 and 5A992.c items only needs no license anywhere", () => {
    it.each(COUNTRIES.map(([code]) => code))("to %s", (code) => {
      const [result] = determineLicenses(ordinary, [destination(code)], rules);
      expect(result).toMatchObject({
        countryCode: code,
        licenseRequired: false,
        reason: "No advanced-computing items in the package: no license required (NLR).",
        controlledItemIds: [],
      });
    });
  });

  it("reasons name the country group in words a reviewer can read", () => {
    const [uae, israel, malaysia] = determineLicenses([item("3A090")], [UAE, ISRAEL, MALAYSIA], rules);
    expect(uae?.reason).toContain("country group D:4");
    expect(israel?.reason).toContain("country group A:6");
    expect(malaysia?.reason).toContain("no license required (NLR)");
  });
});

describe("the rules are data: another rules version, another outcome", () => {
  const chip = item("3A090");

  it("dropping D:4 from the license-required groups frees the UAE", () => {
    const changed: LicensingRules = { ...rules, "licensing.licenseRequiredCountryGroups": ["D:1", "D:5"] };
    const [result] = determineLicenses([chip], [UAE], changed);
    expect(result?.licenseRequired).toBe(false);
    expect(result?.reason).toBe("United Arab Emirates is not in country group D:1, D:5: no license required (NLR).");
    expect(determineLicenses([chip], [UAE], rules)[0]?.licenseRequired).toBe(true);
  });

  it("removing A:6 from the exempting groups makes Israel need a license", () => {
    const changed: LicensingRules = { ...rules, "licensing.exemptingCountryGroups": ["A:5"] };
    expect(determineLicenses([chip], [ISRAEL], changed)[0]).toMatchObject({
      countryCode: "IL",
      licenseRequired: true,
      reason: "Israel is in country group D:4 and not in A:5; 1 advanced-computing item(s) need a license.",
      controlledItemIds: [chip.id],
    });
  });

  it("raising the TPP threshold to 6000 releases a TPP 5000 chip", () => {
    const chip5000 = item("EAR99", 5000);
    const changed: LicensingRules = { ...rules, "licensing.advancedChipTppThreshold": 6000 };
    expect(controlReason(chip5000, changed)).toBeNull();
    expect(controlReason(item("EAR99", 6000), changed)).toBe("total processing performance 6000 meets the 6000 threshold");
  });

  it("lowering the density threshold to 5.5 catches a TPP 1600 chip at density 5.91", () => {
    const changed: LicensingRules = { ...rules, "licensing.advancedChipPerformanceDensityThreshold": 5.5 };
    expect(controlReason(item("EAR99", 1600, 5.91), changed)).toBe(
      "total processing performance 1600 with performance density 5.91 meets the density thresholds",
    );
  });

  it("adding 5A992 to the controlled ECCNs controls a 5A992.c item", () => {
    const changed: LicensingRules = { ...rules, "licensing.controlledEccns": ["3A090", "4A090", "5A992"] };
    expect(controlReason(item("5A992.c"), changed)).toBe("classified 5A992.c");
    expect(controlReason(item("5A992.c"), rules)).toBeNull();
  });
});
