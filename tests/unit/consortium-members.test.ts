// Member organizations: identifiers checked for their format, and members from
// countries of concern flagged with the reason.
import { describe, expect, it } from "vitest";
import { memberIneligibility } from "@/lib/consortia/eligibility";
import { createConsortiumSchema, memberSchema } from "@/lib/schemas/consortium";
import { fieldErrorsOf } from "@/lib/forms";

const CONCERN = new Map([
  ["CN", "China"],
  ["HK", "Hong Kong"],
  ["MO", "Macau"],
]);
const member = (overrides: Partial<Parameters<typeof memberIneligibility>[0]> = {}) => ({
  legalName: "Example Systems Inc.",
  countryOfIncorporationCode: "US",
  headquartersCountryCode: "US",
  ultimateParentName: null,
  ultimateParentCountryCode: null,
  ...overrides,
});

describe("a member from a country of concern", () => {
  it("is eligible when nothing ties it to a country of concern", () => {
    expect(memberIneligibility(member({ ultimateParentName: "Example Holdings", ultimateParentCountryCode: "JP" }), CONCERN)).toBeNull();
  });
  it.each([
    [{ headquartersCountryCode: "CN" }, "headquartered in China"],
    [{ countryOfIncorporationCode: "HK" }, "incorporated in Hong Kong"],
    [{ ultimateParentName: "Parent Group", ultimateParentCountryCode: "MO" }, "owned or controlled from Macau: its ultimate parent, Parent Group, is in a country of concern"],
  ])("is flagged with the reason: %o", (overrides, reason) => {
    expect(memberIneligibility(member(overrides), CONCERN)).toContain(reason);
  });
});

const base = { consortiumId: "c1", legalName: "Example Systems Inc.", countryOfIncorporationCode: "US", headquartersCountryCode: "US" };

describe("organization identifiers", () => {
  it.each(["J7M9HPTGJ1S9", "j7m9hptgj1s9", "ATLASCMP0001"])("accepts the UEI %s", (uei) => {
    expect(memberSchema.safeParse({ ...base, uei }).success).toBe(true);
  });
  it.each(["J7M9HPTGJ1S", "J7M9HPTGJ1S99", "O7M9HPTGJ1S9", "J7M9HPTGI1S9", "07M9HPTGJ1S9", "J7M9-PTGJ1S9"])("refuses the UEI %s with a message for the field", (uei) => {
    const parsed = memberSchema.safeParse({ ...base, uei });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(fieldErrorsOf(parsed.error).uei).toMatch(/12 letters and digits, without the letters O and I/);
  });
  it.each([
    ["12-3456789", "12-3456789"],
    ["123456789", "12-3456789"],
  ])("accepts the EIN %s as %s", (ein, stored) => {
    const parsed = memberSchema.safeParse({ ...base, ein });
    expect(parsed.success && parsed.data.ein).toBe(stored);
  });
  it.each(["12-345678", "1-23456789", "AB-CDEFGHI", "12 3456789"])("refuses the EIN %s", (ein) => {
    const parsed = memberSchema.safeParse({ ...base, ein });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(fieldErrorsOf(parsed.error).ein).toMatch(/NN-NNNNNNN/);
  });
  it("takes no identifier at all", () => {
    const parsed = memberSchema.safeParse(base);
    expect(parsed.success && [parsed.data.uei, parsed.data.ein]).toEqual([null, null]);
  });
});

describe("the layers a member supplies", () => {
  it("come from the ticked checkboxes", () => {
    const parsed = createConsortiumSchema.safeParse({ ...base, name: "A consortium", "layer:HARDWARE": "on", "layer:AI_MODELS": "on" });
    expect(parsed.success && parsed.data.layersSupplied).toEqual(["HARDWARE", "AI_MODELS"]);
  });
  it("refuse a layer that doesn't exist", () => {
    expect(memberSchema.safeParse({ ...base, "layer:QUANTUM": "on" }).success).toBe(false);
  });
});
