import { describe, expect, it } from "vitest";
import { buildSnapshot, readSnapshot, SNAPSHOT_SCHEMA_VERSION, type ProposalSnapshot, type SnapshotLineItem, type SnapshotParty } from "@/lib/proposals/snapshot";
import { diffSnapshots } from "@/lib/proposals/snapshot-diff";

const server: SnapshotLineItem = {
  id: "item-servers",
  layer: "HARDWARE",
  description: "Accelerator servers",
  supplier: "Atlas Compute Systems",
  manufacturer: "Atlas",
  model: "AX-8800",
  quantity: 100,
  unitPriceCents: "40000000",
  usContentBasisPoints: 8000,
  eccn: "4A090",
  totalProcessingPerformance: 16000,
  performanceDensity: null,
  designedForDataCenter: true,
};
const storage: SnapshotLineItem = { ...server, id: "item-storage", layer: "STORAGE", description: "Storage arrays", eccn: null, totalProcessingPerformance: null, designedForDataCenter: null, quantity: 20, unitPriceCents: "100000000" };
const purchaser: SnapshotParty = { id: "party-1", role: "PURCHASER", name: "Emirates Compute PJSC", address: "Abu Dhabi", country: "United Arab Emirates", headquartersCountry: "United Arab Emirates", parentName: null, parentCountry: null };

const base: ProposalSnapshot = {
  schemaVersion: SNAPSHOT_SCHEMA_VERSION,
  reference: "AIE-2026-00001",
  title: "Sovereign compute campus",
  summary: "A full-stack package.",
  consortium: "Atlas AI Consortium",
  destinations: [{ code: "AE", name: "United Arab Emirates" }],
  lineItems: [server, storage],
  parties: [purchaser],
  specificEndUse: "Government services",
  securityPlan: null,
  complianceStatement: null,
  financing: { product: "LOAN_GUARANTEE", requestedAmountCents: "6000000000", eligibleForeignContentCents: "0", localCostsCents: "0", repaymentYears: 10, obligorSector: "SOVEREIGN" },
  attachments: [],
};

const change = (over: Partial<ProposalSnapshot>): ProposalSnapshot => ({ ...base, ...over });

describe("diffSnapshots", () => {
  it.each<[string, ProposalSnapshot, Partial<ReturnType<typeof diffSnapshots>> & { expectFields?: Array<[string, string, string]> }]>([
    ["nothing changed", base, { same: true, expectFields: [] }],
    ["the title", change({ title: "Sovereign AI campus" }), { same: false, expectFields: [["Title", "Sovereign compute campus", "Sovereign AI campus"]] }],
    [
      "a destination added",
      change({ destinations: [...base.destinations, { code: "SA", name: "Saudi Arabia" }] }),
      { expectFields: [["Destinations", "United Arab Emirates", "United Arab Emirates, Saudi Arabia"]] },
    ],
    ["the security plan written", change({ securityPlan: "Zero trust" }), { expectFields: [["Security and cybersecurity plan", "—", "Zero trust"]] }],
    [
      "the amount asked, shown in dollars",
      change({ financing: { ...base.financing!, requestedAmountCents: "7000000000" } }),
      { expectFields: [["Amount requested", "$60,000,000.00", "$70,000,000.00"]] },
    ],
    [
      "the financing ask withdrawn",
      change({ financing: null }),
      {
        expectFields: [
          ["Financing product", "Loan guarantee", "—"],
          ["Amount requested", "$60,000,000.00", "—"],
          ["Eligible foreign content", "$0.00", "—"],
          ["Local costs", "$0.00", "—"],
          ["Repayment term", "10 years", "—"],
          ["Obligor sector", "Sovereign", "—"],
        ],
      },
    ],
  ])("%s", (_name, to, expected) => {
    const diff = diffSnapshots(base, to);
    if (expected.same !== undefined) expect(diff.same).toBe(expected.same);
    if (expected.expectFields) expect(diff.fields.map((f) => [f.label, f.from, f.to])).toEqual(expected.expectFields);
  });

  it.each<[string, SnapshotLineItem[], { added: string[]; removed: string[]; changed: Array<[string, string[]]> }]>([
    ["an item's quantity, with its line total", [{ ...server, quantity: 120 }, storage], { added: [], removed: [], changed: [["Accelerator servers", ["Quantity", "Line total"]]] }],
    ["an item's ECCN and unit price", [server, { ...storage, eccn: "5A992.c", unitPriceCents: "90000000" }], { added: [], removed: [], changed: [["Storage arrays", ["Unit price", "Line total", "ECCN"]]] }],
    ["an item removed", [server], { added: [], removed: ["Storage arrays"], changed: [] }],
    [
      "an item added",
      [server, storage, { ...storage, id: "item-cloud", layer: "CLOUD_NETWORKING", description: "Managed cloud" }],
      { added: ["Managed cloud"], removed: [], changed: [] },
    ],
    ["an item re-entered with a new id is the same item changed", [server, { ...storage, id: "item-storage-2", quantity: 30 }], { added: [], removed: [], changed: [["Storage arrays", ["Quantity", "Line total"]]] }],
    [
      "an item re-entered under another description is removed and added",
      [server, { ...storage, id: "item-storage-2", description: "Flash arrays" }],
      { added: ["Flash arrays"], removed: ["Storage arrays"], changed: [] },
    ],
    [
      "two look-alike items are not paired by guess",
      [server, { ...storage, id: "a" }, { ...storage, id: "b" }],
      { added: ["Storage arrays", "Storage arrays"], removed: ["Storage arrays"], changed: [] },
    ],
  ])("line items: %s", (_name, items, expected) => {
    const diff = diffSnapshots(base, change({ lineItems: items }));
    expect(diff.lineItems.added.map((e) => e.label)).toEqual(expected.added);
    expect(diff.lineItems.removed.map((e) => e.label)).toEqual(expected.removed);
    expect(diff.lineItems.changed.map((c) => [c.label, c.changes.map((f) => f.label)])).toEqual(expected.changed);
    expect(diff.same).toBe(false);
  });

  it("says what a changed field was and became", () => {
    const diff = diffSnapshots(base, change({ lineItems: [{ ...server, quantity: 120 }, storage] }));
    expect(diff.lineItems.changed[0]!.changes).toEqual([
      { field: "quantity", label: "Quantity", from: "100", to: "120" },
      { field: "lineTotal", label: "Line total", from: "$40,000,000.00", to: "$48,000,000.00" },
    ]);
  });

  it.each<[string, SnapshotParty[], { added: string[]; removed: string[]; changed: Array<[string, string[]]> }]>([
    ["a party's headquarters", [{ ...purchaser, headquartersCountry: "Saudi Arabia" }], { added: [], removed: [], changed: [["Emirates Compute PJSC", ["Headquarters country"]]] }],
    ["a party added", [purchaser, { ...purchaser, id: "party-2", role: "END_USER", name: "Digital Authority" }], { added: ["Digital Authority"], removed: [], changed: [] }],
    ["a party removed", [], { added: [], removed: ["Emirates Compute PJSC"], changed: [] }],
  ])("parties: %s", (_name, parties, expected) => {
    const diff = diffSnapshots(base, change({ parties }));
    expect(diff.parties.added.map((e) => e.label)).toEqual(expected.added);
    expect(diff.parties.removed.map((e) => e.label)).toEqual(expected.removed);
    expect(diff.parties.changed.map((c) => [c.label, c.changes.map((f) => f.label)])).toEqual(expected.changed);
  });

  it("lists attachments added and removed", () => {
    const file = { id: "doc-1", fileName: "plan.pdf", contentType: "application/pdf", sizeBytes: 1200, sha256: "ab", kind: "Security plan" };
    const diff = diffSnapshots(base, change({ attachments: [file] }));
    expect(diff.attachments.added.map((e) => e.label)).toEqual(["plan.pdf"]);
    expect(diffSnapshots(change({ attachments: [file] }), base).attachments.removed.map((e) => e.label)).toEqual(["plan.pdf"]);
  });
});

describe("snapshots", () => {
  it("carry their schema version and every line item's id and figures, money as exact cents", () => {
    const snapshot = buildSnapshot({
      reference: "AIE-2026-00001",
      title: "T",
      summary: "S",
      specificEndUse: null,
      securityPlan: null,
      complianceStatement: null,
      consortium: { name: "Atlas" },
      targetCountries: [{ countryCode: "AE", country: { name: "United Arab Emirates" } }],
      lineItems: [{ ...server, supplier: { legalName: "Atlas Compute Systems" }, unitPriceCents: 90_071_992_547_409_930n, performanceDensity: null }],
      parties: [{ ...purchaser, country: { name: "United Arab Emirates" }, headquartersCountry: null, parentCountry: null }],
      financingRequest: null,
    });
    expect(snapshot.schemaVersion).toBe(SNAPSHOT_SCHEMA_VERSION);
    expect(snapshot.lineItems[0]).toMatchObject({ id: "item-servers", unitPriceCents: "90071992547409930", supplier: "Atlas Compute Systems" });
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(readSnapshot(JSON.parse(JSON.stringify(snapshot)))).toEqual(snapshot);
  });

  it("read the first submissions' rows, stored before the schema version existed", () => {
    const legacy = {
      reference: "AIE-2026-00001",
      title: "Old",
      summary: "Old summary",
      consortium: { id: "c", name: "Atlas" },
      targetCountries: [{ countryCode: "AE", country: { code: "AE", name: "United Arab Emirates" } }],
      lineItems: [{ id: "i", layer: "STORAGE", description: "Arrays", quantity: 2, unitPriceCents: "500", usContentBasisPoints: 8000, eccn: null, manufacturer: null, model: null }],
      parties: [{ id: "p", role: "PURCHASER", name: "Buyer", countryCode: "AE", country: { name: "United Arab Emirates" } }],
      financingRequest: { product: "DIRECT_LOAN", requestedAmountCents: "100", eligibleForeignContentCents: "0", localCostsCents: "0", repaymentYears: 5, obligorSector: "PRIVATE" },
    };
    const read = readSnapshot(legacy);
    expect(read).toMatchObject({ schemaVersion: SNAPSHOT_SCHEMA_VERSION, title: "Old", destinations: [{ code: "AE", name: "United Arab Emirates" }], consortium: "Atlas" });
    expect(read.lineItems[0]).toMatchObject({ id: "i", quantity: 2, unitPriceCents: "500" });
    expect(read.parties[0]).toMatchObject({ name: "Buyer", country: "United Arab Emirates" });
    expect(read.financing).toMatchObject({ product: "DIRECT_LOAN", repaymentYears: 5 });
    expect(() => readSnapshot({ schemaVersion: 99 })).toThrow(/99/);
  });
});
