// The builder's steps: each step's completeness over a loaded proposal, the
// checklist's gaps and where each one links, and the two strengths of the step
// schemas (loose on save, strict on submit).
import { describe, expect, it } from "vitest";
import type { StackLayer } from "@/lib/generated/prisma/enums";
import { BUILDER_STEPS, builderGaps, firstIncompleteStep, gapHref, packageTotals, regionOf, stepStatuses, type BuilderProposal } from "@/lib/proposals/builder";
import { lineItemLooseSchema, operationsLooseSchema, overviewLooseSchema, overviewStrictSchema } from "@/lib/schemas/builder";
import { seededSettings } from "./support/reference";

const settings = seededSettings;
const PROPOSAL = "cabcdefghijklmnopqrstuvw";

const item = (layer: StackLayer, extra: Partial<BuilderProposal["lineItems"][number]> = {}): BuilderProposal["lineItems"][number] => ({
  id: `item-${layer}`,
  layer,
  description: `${layer} item`,
  supplierOrganizationId: "org-1",
  eccn: layer === "HARDWARE" ? "4A090" : null,
  quantity: 1,
  unitPriceCents: 10_000_000_000n,
  usContentBasisPoints: 8_000,
  ...extra,
});

const complete: BuilderProposal = {
  id: PROPOSAL,
  title: "Gulf sovereign AI cloud",
  summary: "A full-stack AI data center.",
  destinations: [
    { code: "AE", isHighIncomeOecd: false },
    { code: "SA", isHighIncomeOecd: false },
  ],
  lineItems: [item("HARDWARE"), item("STORAGE"), item("CLOUD_NETWORKING"), item("APPLICATION_SOFTWARE")],
  partyRoles: ["PURCHASER", "ULTIMATE_CONSIGNEE", "END_USER", "DATA_CENTER_BUILDER", "DATA_CENTER_OWNER", "DATA_CENTER_OPERATOR"],
  specificEndUse: "Government AI services.",
  securityPlan: "Guarded perimeter; weights encrypted at rest.",
  financing: { product: "DIRECT_LOAN", requestedAmountCents: 20_000_000_000n, eligibleForeignContentCents: 0n, localCostsCents: 0n, repaymentYears: 10 },
};

const fresh: BuilderProposal = { ...complete, summary: "", destinations: [], lineItems: [], partyRoles: [], specificEndUse: null, securityPlan: null, financing: null };

const byKey = (p: BuilderProposal) => Object.fromEntries(stepStatuses(p, settings).map((s) => [s.key, s.completeness]));

describe("the steps", () => {
  it("are defined once, in order, each with its own URL under the proposal", () => {
    expect(BUILDER_STEPS.map((s) => s.label)).toEqual(["Overview", "Package", "Operations and security", "Parties and end use", "Financing", "Attachments", "Review and submit"]);
    expect(stepStatuses(complete, settings).map((s) => s.href)).toEqual(
      ["overview", "package", "operations", "parties", "financing", "attachments", "review"].map((path) => `/proposals/${PROPOSAL}/${path}`),
    );
  });

  it("of a complete proposal are all complete; attachments stay optional", () => {
    expect(builderGaps(complete, settings)).toEqual([]);
    expect(byKey(complete)).toEqual({ overview: "complete", package: "complete", operations: "complete", parties: "complete", financing: "complete", attachments: "optional", review: "complete" });
  });

  it("of a fresh draft are not started, except the overview (it has a title) and review (which lists every gap)", () => {
    expect(byKey(fresh)).toEqual({ overview: "gaps", package: "not-started", operations: "not-started", parties: "not-started", financing: "not-started", attachments: "optional", review: "gaps" });
    expect(firstIncompleteStep(stepStatuses(fresh, settings)).key).toBe("overview");
  });

  it("say 'has gaps' once something is there but not everything", () => {
    const partial: BuilderProposal = { ...complete, securityPlan: null, lineItems: [item("HARDWARE", { supplierOrganizationId: null })] };
    const statuses = byKey(partial);
    expect(statuses.operations).toBe("gaps");
    expect(statuses.package).toBe("gaps");
    expect(firstIncompleteStep(stepStatuses(partial, settings)).key).toBe("package");
  });
});

describe("the submission checklist", () => {
  it("links every gap to its step and field, and a line item's gap to the item's own page", () => {
    const proposal: BuilderProposal = { ...complete, destinations: [], lineItems: [item("HARDWARE", { supplierOrganizationId: null, eccn: null }), item("STORAGE")], securityPlan: " " };
    const gaps = builderGaps(proposal, settings);
    const links = Object.fromEntries(gaps.map((gap) => [gap.message, gapHref(PROPOSAL, gap)]));
    expect(links).toEqual({
      "Name at least one destination country.": `/proposals/${PROPOSAL}/overview#field-destination0`,
      "Add at least one line item in the Cloud services and networking layer.": `/proposals/${PROPOSAL}/package#field-add-cloud_networking`,
      "Add at least one line item in the Application software layer.": `/proposals/${PROPOSAL}/package#field-add-application_software`,
      "Name the member that supplies “HARDWARE item”.": `/proposals/${PROPOSAL}/package/items/item-HARDWARE#field-supplierOrganizationId`,
      "Enter the export classification (ECCN) of “HARDWARE item”.": `/proposals/${PROPOSAL}/package/items/item-HARDWARE#field-eccn`,
      "Describe the security and cybersecurity plan.": `/proposals/${PROPOSAL}/operations#field-securityPlan`,
    });
  });

  it("checks the ask against the cover rules once the package is whole", () => {
    const tooMuch: BuilderProposal = { ...complete, financing: { ...complete.financing!, requestedAmountCents: 100_000_000_000_000n } };
    const gaps = builderGaps(tooMuch, settings);
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ step: "financing", field: "requestedAmount" });
    expect(gaps[0]!.message).toContain("more than EXIM may finance");
  });
});

describe("overview schemas", () => {
  const form = { proposalId: PROPOSAL, expectedVersion: "3", title: "Compute", summary: "" };

  it("loose: saves a draft without a summary or destinations, and reads the destination selects in order, skipping empty ones", () => {
    const parsed = overviewLooseSchema.parse({ ...form, destination1: "SA", destination0: "AE", destination2: "" });
    expect(parsed).toEqual({ proposalId: PROPOSAL, expectedVersion: 3, title: "Compute", summary: "", destinationCountryCodes: ["AE", "SA"] });
    expect(overviewLooseSchema.parse({ ...form, destination0: "" }).destinationCountryCodes).toEqual([]);
  });

  it("loose: still refuses what can't be stored, beside the field", () => {
    const result = overviewLooseSchema.safeParse({ ...form, title: " ", destination0: "AE", destination1: "AE", destination2: "Narnia" });
    expect(result.success).toBe(false);
    expect(Object.fromEntries(result.error!.issues.map((i) => [String(i.path[0]), i.message]))).toEqual({
      title: "Enter a title.",
      destination1: "This country is already a destination; choose another or leave it empty.",
      destination2: "Choose a destination country from the list.",
    });
  });

  it("strict: needs a summary and at least one destination", () => {
    const result = overviewStrictSchema.safeParse({ title: "Compute", summary: "", destinationCountryCodes: [] });
    expect(result.error?.issues.map((i) => i.message)).toEqual(["Write a summary of the package.", "Name at least one destination country."]);
  });
});

describe("line item and operations schemas", () => {
  const line = { proposalId: PROPOSAL, layer: "STORAGE", description: "Arrays", quantity: "2", unitPrice: "1,000.00", usContent: "80" };

  it("loose: a line item may be saved before its supplying member is named", () => {
    expect(lineItemLooseSchema.parse(line).supplierOrganizationId).toBeNull();
    expect(lineItemLooseSchema.parse({ ...line, supplierOrganizationId: "corg0000000000000000000a" }).supplierOrganizationId).toBe("corg0000000000000000000a");
  });

  it("loose: hardware still needs its ECCN to be saved (the license determination reads it)", () => {
    const result = lineItemLooseSchema.safeParse({ ...line, layer: "HARDWARE" });
    expect(result.error?.issues.map((i) => i.path[0])).toEqual(["eccn"]);
  });

  it("loose: operations may be partial, but a name needs its country and a country its name", () => {
    expect(operationsLooseSchema.safeParse({ proposalId: PROPOSAL, expectedVersion: "1" }).success).toBe(true);
    const result = operationsLooseSchema.safeParse({ proposalId: PROPOSAL, expectedVersion: "1", builderName: "Builder LLC", ownerCountryCode: "AE" });
    expect(Object.fromEntries(result.error!.issues.map((i) => [String(i.path[0]), i.message]))).toEqual({
      builderCountryCode: "Choose the country of the data-center builder.",
      ownerName: "Enter the data-center owner's legal name, or clear its country.",
    });
  });
});

describe("package figures", () => {
  it("total each layer and the package, and give the US share exactly, rounded down", () => {
    const totals = packageTotals([
      item("HARDWARE", { quantity: 3, unitPriceCents: 100n, usContentBasisPoints: 5_100 }),
      item("STORAGE", { quantity: 1, unitPriceCents: 200n, usContentBasisPoints: 5_000 }),
    ]);
    expect(totals.layers.get("HARDWARE")!.contractPriceCents).toBe(300n);
    expect(totals.total.contractPriceCents).toBe(500n);
    // (300 x 51% + 200 x 50%) / 500 = 50.6%
    expect(totals.usShareBasisPoints).toBe(5_060);
    expect(totals.hardwareShareBasisPoints).toBe(5_100);
  });

  it("name each destination's region from the settings", () => {
    expect(regionOf("AE", { "Middle East": ["AE", "SA"], Asia: ["JP"] })).toBe("Middle East");
    expect(regionOf("BR", { "Middle East": ["AE", "SA"] })).toBe("Other");
  });
});
