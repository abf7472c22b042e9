// What a submission freezes: everything a reviewer reads of the proposal, as plain
// JSON with its own schema version, so a later change to the tables (or to this
// shape) never changes what a past submission says. Pure: no database here.
import type { FinancingProduct, ObligorSector, PartyRole, StackLayer } from "@/lib/generated/prisma/enums";

/** Bump when the shape changes, and teach `readSnapshot` to read the old one. */
export const SNAPSHOT_SCHEMA_VERSION = 1;

export type SnapshotLineItem = {
  id: string;
  layer: StackLayer;
  description: string;
  supplier: string | null;
  manufacturer: string | null;
  model: string | null;
  quantity: number;
  /** Integer cents, as a decimal string (JSON has no BigInt). */
  unitPriceCents: string;
  usContentBasisPoints: number;
  eccn: string | null;
  totalProcessingPerformance: number | null;
  performanceDensity: string | null;
  designedForDataCenter: boolean | null;
};

export type SnapshotParty = {
  id: string;
  role: PartyRole;
  name: string;
  address: string | null;
  country: string;
  headquartersCountry: string | null;
  parentName: string | null;
  parentCountry: string | null;
};

export type SnapshotFinancing = {
  product: FinancingProduct;
  requestedAmountCents: string;
  eligibleForeignContentCents: string;
  localCostsCents: string;
  repaymentYears: number;
  obligorSector: ObligorSector;
};

export type SnapshotAttachment = { id: string; fileName: string; contentType: string; sizeBytes: number; sha256: string; kind: string };

export type ProposalSnapshot = {
  schemaVersion: typeof SNAPSHOT_SCHEMA_VERSION;
  reference: string;
  title: string;
  summary: string;
  consortium: string;
  destinations: Array<{ code: string; name: string }>;
  lineItems: SnapshotLineItem[];
  parties: SnapshotParty[];
  specificEndUse: string | null;
  securityPlan: string | null;
  complianceStatement: string | null;
  financing: SnapshotFinancing | null;
  attachments: SnapshotAttachment[];
};

/** The rows a snapshot is made from (a superset is fine). */
export type SnapshotSource = {
  reference: string;
  title: string;
  summary: string;
  specificEndUse: string | null;
  securityPlan: string | null;
  complianceStatement: string | null;
  consortium: { name: string };
  targetCountries: Array<{ countryCode: string; country: { name: string } }>;
  lineItems: Array<{
    id: string;
    layer: StackLayer;
    description: string;
    supplier?: { legalName: string } | null;
    manufacturer: string | null;
    model: string | null;
    quantity: number;
    unitPriceCents: bigint;
    usContentBasisPoints: number;
    eccn: string | null;
    totalProcessingPerformance: number | null;
    performanceDensity: { toString(): string } | null;
    designedForDataCenter: boolean | null;
  }>;
  parties: Array<{
    id: string;
    role: PartyRole;
    name: string;
    address: string | null;
    country: { name: string };
    headquartersCountry?: { name: string } | null;
    parentName: string | null;
    parentCountry?: { name: string } | null;
  }>;
  financingRequest: {
    product: FinancingProduct;
    requestedAmountCents: bigint;
    eligibleForeignContentCents: bigint;
    localCostsCents: bigint;
    repaymentYears: number;
    obligorSector: ObligorSector;
  } | null;
  documents?: Array<{ id: string; fileName: string; contentType: string; sizeBytes: number; sha256: string; kind: string }>;
};

export function buildSnapshot(source: SnapshotSource): ProposalSnapshot {
  const ask = source.financingRequest;
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    reference: source.reference,
    title: source.title,
    summary: source.summary,
    consortium: source.consortium.name,
    destinations: source.targetCountries.map((c) => ({ code: c.countryCode, name: c.country.name })),
    lineItems: source.lineItems.map((item) => ({
      id: item.id,
      layer: item.layer,
      description: item.description,
      supplier: item.supplier?.legalName ?? null,
      manufacturer: item.manufacturer,
      model: item.model,
      quantity: item.quantity,
      unitPriceCents: item.unitPriceCents.toString(),
      usContentBasisPoints: item.usContentBasisPoints,
      eccn: item.eccn,
      totalProcessingPerformance: item.totalProcessingPerformance,
      performanceDensity: item.performanceDensity === null ? null : item.performanceDensity.toString(),
      designedForDataCenter: item.designedForDataCenter,
    })),
    parties: source.parties.map((party) => ({
      id: party.id,
      role: party.role,
      name: party.name,
      address: party.address,
      country: party.country.name,
      headquartersCountry: party.headquartersCountry?.name ?? null,
      parentName: party.parentName,
      parentCountry: party.parentCountry?.name ?? null,
    })),
    specificEndUse: source.specificEndUse,
    securityPlan: source.securityPlan,
    complianceStatement: source.complianceStatement,
    financing: ask
      ? {
          product: ask.product,
          requestedAmountCents: ask.requestedAmountCents.toString(),
          eligibleForeignContentCents: ask.eligibleForeignContentCents.toString(),
          localCostsCents: ask.localCostsCents.toString(),
          repaymentYears: ask.repaymentYears,
          obligorSector: ask.obligorSector,
        }
      : null,
    attachments: (source.documents ?? []).map(({ id, fileName, contentType, sizeBytes, sha256, kind }) => ({ id, fileName, contentType, sizeBytes, sha256, kind })),
  };
}

type Loose = Record<string, unknown>;
const obj = (value: unknown): Loose => (value && typeof value === "object" && !Array.isArray(value) ? (value as Loose) : {});
const list = (value: unknown): Loose[] => (Array.isArray(value) ? value.map(obj) : []);
const text = (value: unknown): string | null => (typeof value === "string" ? value : typeof value === "number" || typeof value === "bigint" ? String(value) : null);
const int = (value: unknown): number | null => (typeof value === "number" ? value : typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : null);
const bool = (value: unknown): boolean | null => (typeof value === "boolean" ? value : null);
const nameOf = (value: unknown): string | null => text(obj(value).name);

/**
 * Reads a stored snapshot of any schema version into the current shape. The
 * first submissions (before the schema version existed) stored the proposal's
 * rows as they were read; they are mapped field by field.
 */
export function readSnapshot(stored: unknown): ProposalSnapshot {
  const raw = obj(stored);
  if (raw.schemaVersion === SNAPSHOT_SCHEMA_VERSION) return raw as unknown as ProposalSnapshot;
  if (raw.schemaVersion !== undefined) throw new Error(`Unknown snapshot schema version ${String(raw.schemaVersion)}.`);
  const ask = raw.financingRequest ? obj(raw.financingRequest) : null;
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    reference: text(raw.reference) ?? "",
    title: text(raw.title) ?? "",
    summary: text(raw.summary) ?? "",
    consortium: nameOf(raw.consortium) ?? "",
    destinations: list(raw.targetCountries).map((c) => ({ code: text(c.countryCode) ?? "", name: nameOf(c.country) ?? text(c.countryCode) ?? "" })),
    lineItems: list(raw.lineItems).map((item) => ({
      id: text(item.id) ?? "",
      layer: text(item.layer) as StackLayer,
      description: text(item.description) ?? "",
      supplier: text(obj(item.supplier).legalName),
      manufacturer: text(item.manufacturer),
      model: text(item.model),
      quantity: int(item.quantity) ?? 0,
      unitPriceCents: text(item.unitPriceCents) ?? "0",
      usContentBasisPoints: int(item.usContentBasisPoints) ?? 0,
      eccn: text(item.eccn),
      totalProcessingPerformance: int(item.totalProcessingPerformance),
      performanceDensity: text(item.performanceDensity),
      designedForDataCenter: bool(item.designedForDataCenter),
    })),
    parties: list(raw.parties).map((party) => ({
      id: text(party.id) ?? "",
      role: text(party.role) as PartyRole,
      name: text(party.name) ?? "",
      address: text(party.address),
      country: nameOf(party.country) ?? text(party.countryCode) ?? "",
      headquartersCountry: nameOf(party.headquartersCountry) ?? text(party.headquartersCountryCode),
      parentName: text(party.parentName),
      parentCountry: nameOf(party.parentCountry) ?? text(party.parentCountryCode),
    })),
    specificEndUse: text(raw.specificEndUse),
    securityPlan: text(raw.securityPlan),
    complianceStatement: text(raw.complianceStatement),
    financing: ask
      ? {
          product: text(ask.product) as FinancingProduct,
          requestedAmountCents: text(ask.requestedAmountCents) ?? "0",
          eligibleForeignContentCents: text(ask.eligibleForeignContentCents) ?? "0",
          localCostsCents: text(ask.localCostsCents) ?? "0",
          repaymentYears: int(ask.repaymentYears) ?? 0,
          obligorSector: text(ask.obligorSector) as ObligorSector,
        }
      : null,
    attachments: [],
  };
}
