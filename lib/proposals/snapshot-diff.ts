// What changed between two submitted versions, as reviewers read it: the
// proposal's own fields (old → new), then line item by line item and party by
// party (added, removed, changed with which fields). Pure: values are compared as
// they are shown, so a change a reviewer can't see is no change.
import { PARTY_ROLE_LABELS } from "@/lib/licensing/determination";
import { OBLIGOR_SECTOR_LABELS, PRODUCT_LABELS } from "@/lib/financing/labels";
import { formatBasisPoints, formatCents } from "@/lib/money";
import { LAYER_SHORT_LABELS } from "./completeness";
import type { ProposalSnapshot, SnapshotAttachment, SnapshotLineItem, SnapshotParty } from "./snapshot";

/** One field as shown: "—" when empty. */
export type ShownField = { field: string; label: string; value: string };
export type FieldChange = { field: string; label: string; from: string; to: string };
export type EntityEntry = { id: string; label: string; fields: ShownField[] };
export type EntityChange = { id: string; label: string; changes: FieldChange[] };
export type EntityDiff = { added: EntityEntry[]; removed: EntityEntry[]; changed: EntityChange[] };
export type SnapshotDiff = {
  fields: FieldChange[];
  lineItems: EntityDiff;
  parties: EntityDiff;
  attachments: EntityDiff;
  /** True when the two versions read the same. */
  same: boolean;
};

const NONE = "—";
const shown = (value: string | null | undefined) => (value === null || value === undefined || value.trim() === "" ? NONE : value);
const capitalized = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);
const cents = (value: string) => formatCents(BigInt(value));

/** The proposal's own fields, in reading order. */
export function overviewFields(snapshot: ProposalSnapshot): ShownField[] {
  const ask = snapshot.financing;
  return [
    { field: "title", label: "Title", value: shown(snapshot.title) },
    { field: "summary", label: "Summary", value: shown(snapshot.summary) },
    { field: "destinations", label: "Destinations", value: shown(snapshot.destinations.map((d) => d.name).join(", ")) },
    { field: "specificEndUse", label: "Specific end use", value: shown(snapshot.specificEndUse) },
    { field: "securityPlan", label: "Security and cybersecurity plan", value: shown(snapshot.securityPlan) },
    { field: "complianceStatement", label: "Compliance statement", value: shown(snapshot.complianceStatement) },
    { field: "financing.product", label: "Financing product", value: ask ? PRODUCT_LABELS[ask.product] : NONE },
    { field: "financing.requestedAmount", label: "Amount requested", value: ask ? cents(ask.requestedAmountCents) : NONE },
    { field: "financing.eligibleForeignContent", label: "Eligible foreign content", value: ask ? cents(ask.eligibleForeignContentCents) : NONE },
    { field: "financing.localCosts", label: "Local costs", value: ask ? cents(ask.localCostsCents) : NONE },
    { field: "financing.repaymentYears", label: "Repayment term", value: ask ? `${ask.repaymentYears} years` : NONE },
    { field: "financing.obligorSector", label: "Obligor sector", value: ask ? OBLIGOR_SECTOR_LABELS[ask.obligorSector] : NONE },
  ];
}

export function lineItemFields(item: SnapshotLineItem): ShownField[] {
  return [
    { field: "layer", label: "Layer", value: LAYER_SHORT_LABELS[item.layer] ?? item.layer },
    { field: "description", label: "Description", value: shown(item.description) },
    { field: "supplier", label: "Supplier", value: shown(item.supplier) },
    { field: "manufacturer", label: "Manufacturer", value: shown(item.manufacturer) },
    { field: "model", label: "Model", value: shown(item.model) },
    { field: "quantity", label: "Quantity", value: item.quantity.toLocaleString("en-US") },
    { field: "unitPrice", label: "Unit price", value: cents(item.unitPriceCents) },
    { field: "lineTotal", label: "Line total", value: formatCents(BigInt(item.unitPriceCents) * BigInt(item.quantity)) },
    { field: "usContent", label: "US content", value: formatBasisPoints(item.usContentBasisPoints) },
    { field: "eccn", label: "ECCN", value: shown(item.eccn) },
    { field: "totalProcessingPerformance", label: "Total processing performance", value: item.totalProcessingPerformance === null ? NONE : item.totalProcessingPerformance.toLocaleString("en-US") },
    { field: "performanceDensity", label: "Performance density", value: shown(item.performanceDensity) },
    { field: "designedForDataCenter", label: "Designed for data centers", value: item.designedForDataCenter === null ? NONE : item.designedForDataCenter ? "Yes" : "No" },
  ];
}

export function partyFields(party: SnapshotParty): ShownField[] {
  return [
    { field: "role", label: "Role", value: PARTY_ROLE_LABELS[party.role] ? capitalized(PARTY_ROLE_LABELS[party.role]) : party.role },
    { field: "name", label: "Legal name", value: shown(party.name) },
    { field: "address", label: "Address", value: shown(party.address) },
    { field: "country", label: "Located in", value: shown(party.country) },
    { field: "headquartersCountry", label: "Headquarters country", value: shown(party.headquartersCountry) },
    { field: "parentName", label: "Ultimate parent", value: shown(party.parentName) },
    { field: "parentCountry", label: "Ultimate parent's country", value: shown(party.parentCountry) },
  ];
}

export function attachmentFields(attachment: SnapshotAttachment): ShownField[] {
  return [
    { field: "fileName", label: "File", value: attachment.fileName },
    { field: "kind", label: "Kind", value: shown(attachment.kind) },
    { field: "sizeBytes", label: "Size", value: `${attachment.sizeBytes.toLocaleString("en-US")} bytes` },
    { field: "sha256", label: "SHA-256", value: attachment.sha256 },
  ];
}

export function fieldChanges(from: ShownField[], to: ShownField[]): FieldChange[] {
  const before = new Map(from.map((f) => [f.field, f]));
  const changes: FieldChange[] = [];
  for (const after of to) {
    const old = before.get(after.field);
    const previous = old?.value ?? NONE;
    if (previous !== after.value) changes.push({ field: after.field, label: after.label, from: previous, to: after.value });
  }
  return changes;
}

type Describe<T> = { id: (row: T) => string; label: (row: T) => string; fields: (row: T) => ShownField[]; sameThing: (row: T) => string };

/**
 * Rows are matched by id. A row removed and another added that are the same
 * thing by its natural key (an item's layer and description, a party's role and
 * name) count as one row changed: re-entering an item to fix its quantity is a
 * change, not a new item. The key must be unique on both sides to pair.
 */
export function diffRows<T>(from: T[], to: T[], describe: Describe<T>): EntityDiff {
  const toIds = new Set(to.map(describe.id));
  const fromById = new Map(from.map((row) => [describe.id(row), row]));
  const pairs: Array<[T, T]> = [];
  const added: T[] = [];
  for (const row of to) {
    const old = fromById.get(describe.id(row));
    if (old) pairs.push([old, row]);
    else added.push(row);
  }
  let removed = from.filter((row) => !toIds.has(describe.id(row)));
  const uniqueBy = (rows: T[]) => {
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(describe.sameThing(row), (counts.get(describe.sameThing(row)) ?? 0) + 1);
    return new Map(rows.filter((row) => counts.get(describe.sameThing(row)) === 1).map((row) => [describe.sameThing(row), row]));
  };
  const removedByKey = uniqueBy(removed);
  const addedByKey = uniqueBy(added);
  const stillAdded: T[] = [];
  for (const row of added) {
    const key = describe.sameThing(row);
    const old = addedByKey.has(key) ? removedByKey.get(key) : undefined;
    if (old) {
      pairs.push([old, row]);
      removed = removed.filter((r) => r !== old);
    } else stillAdded.push(row);
  }
  const entry = (row: T): EntityEntry => ({ id: describe.id(row), label: describe.label(row), fields: describe.fields(row) });
  return {
    added: stillAdded.map(entry),
    removed: removed.map(entry),
    changed: pairs
      .map(([old, row]) => ({ id: describe.id(row), label: describe.label(row), changes: fieldChanges(describe.fields(old), describe.fields(row)) }))
      .filter((change) => change.changes.length > 0),
  };
}

const normalized = (value: string) => value.trim().toLowerCase().replace(/\s+/g, " ");

export function diffSnapshots(from: ProposalSnapshot, to: ProposalSnapshot): SnapshotDiff {
  const fields = fieldChanges(overviewFields(from), overviewFields(to));
  const lineItems = diffRows(from.lineItems, to.lineItems, {
    id: (item) => item.id,
    label: (item) => item.description,
    fields: lineItemFields,
    sameThing: (item) => `${item.layer}|${normalized(item.description)}`,
  });
  const parties = diffRows(from.parties, to.parties, {
    id: (party) => party.id,
    label: (party) => party.name,
    fields: partyFields,
    sameThing: (party) => `${party.role}|${normalized(party.name)}`,
  });
  const attachments = diffRows(from.attachments, to.attachments, {
    id: (file) => file.id,
    label: (file) => file.fileName,
    fields: attachmentFields,
    sameThing: (file) => file.sha256,
  });
  const empty = (diff: EntityDiff) => diff.added.length + diff.removed.length + diff.changed.length === 0;
  return { fields, lineItems, parties, attachments, same: fields.length === 0 && empty(lineItems) && empty(parties) && empty(attachments) };
}
