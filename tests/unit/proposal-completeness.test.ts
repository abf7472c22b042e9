// What a proposal must have before it can be submitted, and what sends it to
// manual review without blocking it.
import { describe, expect, it } from "vitest";
import type { StackLayer } from "@/lib/generated/prisma/enums";
import { reviewFlags, submissionGaps, type ProposalForCompleteness } from "@/lib/proposals/completeness";
import { seededSettings } from "./support/reference";

const settings = seededSettings;

type Line = ProposalForCompleteness["lineItems"][number];
const line = (layer: StackLayer, unitPriceCents = 10_000_000n, usContentBasisPoints = 10_000, quantity = 1): Line => ({
  layer,
  quantity,
  unitPriceCents,
  usContentBasisPoints,
});

const complete: ProposalForCompleteness = {
  title: "Gulf sovereign AI cloud",
  summary: "A full-stack AI data center for the UAE.",
  targetCountryCodes: ["AE"],
  lineItems: [line("HARDWARE"), line("STORAGE"), line("CLOUD_NETWORKING"), line("APPLICATION_SOFTWARE")],
  hasFinancingRequest: true,
  partyRoles: ["PURCHASER", "ULTIMATE_CONSIGNEE", "END_USER"],
  specificEndUse: "Sovereign government AI services.",
};

const LAYER_GAPS = {
  HARDWARE: { code: "layer:HARDWARE", message: "Add at least one line item in the Hardware (AI chips, accelerators, servers) layer." },
  STORAGE: { code: "layer:STORAGE", message: "Add at least one line item in the Data-center storage layer." },
  CLOUD_NETWORKING: { code: "layer:CLOUD_NETWORKING", message: "Add at least one line item in the Cloud services and networking layer." },
  APPLICATION_SOFTWARE: { code: "layer:APPLICATION_SOFTWARE", message: "Add at least one line item in the Application software layer." },
};

describe("the required layers come from settings", () => {
  it("are hardware, storage, cloud and networking, and application software", () => {
    expect(settings["proposals.requiredLayers"]).toEqual(["HARDWARE", "STORAGE", "CLOUD_NETWORKING", "APPLICATION_SOFTWARE"]);
  });
});

describe("what blocks submission (submissionGaps)", () => {
  it("a complete proposal has no gaps", () => {
    expect(submissionGaps(complete, settings)).toEqual([]);
  });

  it("optional layers (data pipelines, AI models, security) are never required", () => {
    const withExtras = {
      ...complete,
      lineItems: [...complete.lineItems, line("DATA_PIPELINES"), line("AI_MODELS"), line("SECURITY")],
    };
    expect(submissionGaps(withExtras, settings)).toEqual([]);
  });

  it("an empty draft lists every gap at once, each required layer by name", () => {
    const empty: ProposalForCompleteness = { title: "", summary: "", targetCountryCodes: [], lineItems: [], hasFinancingRequest: false, partyRoles: [], specificEndUse: null };
    expect(submissionGaps(empty, settings)).toEqual([
      { code: "title", message: "Give the proposal a title." },
      { code: "summary", message: "Write a summary of the package." },
      { code: "targetCountries", message: "Name at least one destination country." },
      LAYER_GAPS.HARDWARE,
      LAYER_GAPS.STORAGE,
      LAYER_GAPS.CLOUD_NETWORKING,
      LAYER_GAPS.APPLICATION_SOFTWARE,
      { code: "party:PURCHASER", message: "Name the purchaser on the parties step." },
      { code: "party:ULTIMATE_CONSIGNEE", message: "Name the ultimate consignee on the parties step." },
      { code: "party:END_USER", message: "Name the end user on the parties step." },
      { code: "specificEndUse", message: "Describe the specific end use on the parties step." },
      { code: "financing", message: "State the financing you ask EXIM for." },
    ]);
  });

  it("each required party role and the specific end use are gaps until named (setting)", () => {
    expect(submissionGaps({ ...complete, partyRoles: ["PURCHASER", "END_USER"], specificEndUse: "  " }, settings)).toEqual([
      { code: "party:ULTIMATE_CONSIGNEE", message: "Name the ultimate consignee on the parties step." },
      { code: "specificEndUse", message: "Describe the specific end use on the parties step." },
    ]);
    expect(submissionGaps({ ...complete, partyRoles: ["END_USER"] }, { ...settings, "proposals.requiredPartyRoles": ["END_USER"] })).toEqual([]);
  });

  it("a title or summary of only spaces counts as missing", () => {
    expect(submissionGaps({ ...complete, title: "   ", summary: "\n\t" }, settings).map((g) => g.code)).toEqual(["title", "summary"]);
  });

  it("a missing destination is a gap", () => {
    expect(submissionGaps({ ...complete, targetCountryCodes: [] }, settings)).toEqual([
      { code: "targetCountries", message: "Name at least one destination country." },
    ]);
  });

  it("a missing financing request is a gap", () => {
    expect(submissionGaps({ ...complete, hasFinancingRequest: false }, settings)).toEqual([
      { code: "financing", message: "State the financing you ask EXIM for." },
    ]);
  });

  it.each(["HARDWARE", "STORAGE", "CLOUD_NETWORKING", "APPLICATION_SOFTWARE"] as const)("a package without %s names that layer", (missing) => {
    const lineItems = complete.lineItems.filter((item) => item.layer !== missing);
    expect(submissionGaps({ ...complete, lineItems }, settings)).toEqual([LAYER_GAPS[missing]]);
  });

  it("a package of hardware only misses the three other layers", () => {
    const lineItems = [line("HARDWARE"), line("HARDWARE"), line("AI_MODELS")];
    expect(submissionGaps({ ...complete, lineItems }, settings)).toEqual([
      LAYER_GAPS.STORAGE,
      LAYER_GAPS.CLOUD_NETWORKING,
      LAYER_GAPS.APPLICATION_SOFTWARE,
    ]);
  });

  it("follows the setting: requiring security as well makes it a gap", () => {
    const stricter = { ...settings, "proposals.requiredLayers": [...settings["proposals.requiredLayers"], "SECURITY" as const] };
    expect(submissionGaps(complete, stricter)).toEqual([
      { code: "layer:SECURITY", message: "Add at least one line item in the Security and cybersecurity layer." },
    ]);
    expect(submissionGaps(complete, { ...settings, "proposals.requiredLayers": ["HARDWARE"] })).toEqual([]);
  });
});

describe("what sends a proposal to manual review (reviewFlags)", () => {
  it("the threshold is 51% US content in the hardware layer", () => {
    expect(settings["proposals.hardwareUsContentThresholdBasisPoints"]).toBe(5100);
  });

  it("hardware that is all US-made raises no flag", () => {
    expect(reviewFlags(complete, settings)).toEqual([]);
  });

  it("hardware at exactly 51% US content raises no flag", () => {
    expect(reviewFlags({ ...complete, lineItems: [line("HARDWARE", 1_000_000n, 5100)] }, settings)).toEqual([]);
  });

  it("hardware at 50.99% US content is flagged", () => {
    expect(reviewFlags({ ...complete, lineItems: [line("HARDWARE", 1_000_000n, 5099)] }, settings)).toEqual([
      "Hardware US content is 50.99%, below the 51% presumption: manual review.",
    ]);
  });

  it("weighs hardware items by value (quantity x unit price), ignoring other layers", () => {
    // 10 x $1,000 at 80% US = $8,000 US of $10,000; 1 x $30,000 at 20% = $6,000 US.
    // Hardware: $14,000 US of $40,000 = 35%. The all-US storage doesn't lift it.
    const lineItems = [
      line("HARDWARE", 100_000n, 8000, 10),
      line("HARDWARE", 3_000_000n, 2000, 1),
      line("STORAGE", 100_000_000n, 10_000, 1),
    ];
    expect(reviewFlags({ ...complete, lineItems }, settings)).toEqual([
      "Hardware US content is 35%, below the 51% presumption: manual review.",
    ]);
  });

  it("the share is taken over the whole hardware layer, not item by item", () => {
    // $90,000 at 55% US + $10,000 at 0% = $49,500 of $100,000 = 49.5%: flagged.
    // $90,000 at 60% US + $10,000 at 0% = $54,000 of $100,000 = 54%: not flagged.
    expect(
      reviewFlags({ ...complete, lineItems: [line("HARDWARE", 9_000_000n, 5500), line("HARDWARE", 1_000_000n, 0)] }, settings),
    ).toEqual(["Hardware US content is 49.50%, below the 51% presumption: manual review."]);
    expect(
      reviewFlags({ ...complete, lineItems: [line("HARDWARE", 9_000_000n, 6000), line("HARDWARE", 1_000_000n, 0)] }, settings),
    ).toEqual([]);
  });

  it("a package with no hardware raises no flag (the missing layer is a gap instead)", () => {
    expect(reviewFlags({ ...complete, lineItems: [line("STORAGE", 100n, 0)] }, settings)).toEqual([]);
  });

  it("follows the setting: a 60% threshold flags 54% US hardware", () => {
    const lineItems = [line("HARDWARE", 9_000_000n, 6000), line("HARDWARE", 1_000_000n, 0)];
    expect(reviewFlags({ ...complete, lineItems }, { "proposals.hardwareUsContentThresholdBasisPoints": 6000 })).toEqual([
      "Hardware US content is 54%, below the 60% presumption: manual review.",
    ]);
  });
});
