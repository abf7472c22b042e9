// What others changed in a draft since a contributor's copy was loaded, field by
// field, and which of those changes a save from that copy would overwrite. Pure:
// the service reads the saves from the audit trail and hands them here.

/** A field's value as a draft step saves it: text, a list (several countries), or nothing. */
export type FieldValue = string | string[] | null;
export type StepValues = Record<string, FieldValue>;

/** One save by someone, as its audit event recorded it. */
export type RecordedSave = { by: string; at: Date; version: number; before: StepValues; after: StepValues };

/** The net change to one field since the base version, and who made it last. */
export type FieldChange = { field: string; from: FieldValue; to: FieldValue; by: string; at: Date };

function normalized(value: FieldValue | undefined): string | string[] {
  if (value === null || value === undefined) return "";
  return Array.isArray(value) ? [...value].sort() : value.trim();
}

export function sameValue(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  const x = normalized(a);
  const y = normalized(b);
  if (Array.isArray(x) || Array.isArray(y)) {
    const xs = Array.isArray(x) ? x : x ? [x] : [];
    const ys = Array.isArray(y) ? y : y ? [y] : [];
    return xs.length === ys.length && xs.every((v, i) => v === ys[i]);
  }
  return x === y;
}

/** The fields whose value differs between two copies of a step (only fields `after` names). */
export function changedFields(before: StepValues, after: StepValues): string[] {
  return Object.keys(after).filter((field) => !sameValue(before[field], after[field]));
}

/**
 * The net change per field over a run of saves (in any order): from the value
 * before the first save that touched it to the value after the last one, by
 * whoever made the last. A field changed and changed back is no change.
 */
export function netChanges(saves: RecordedSave[]): FieldChange[] {
  const ordered = [...saves].sort((a, b) => a.version - b.version);
  const byField = new Map<string, FieldChange>();
  for (const save of ordered) {
    for (const field of changedFields(save.before, save.after)) {
      const earlier = byField.get(field);
      byField.set(field, { field, from: earlier ? earlier.from : (save.before[field] ?? null), to: save.after[field] ?? null, by: save.by, at: save.at });
    }
  }
  return [...byField.values()].filter((change) => !sameValue(change.from, change.to));
}

/**
 * The changes a save of `mine` would silently undo: fields it carries whose
 * value someone else changed to something other than what it now says.
 */
export function overwrittenBy(mine: StepValues, changes: FieldChange[]): FieldChange[] {
  return changes.filter((change) => change.field in mine && !sameValue(mine[change.field], change.to));
}

const MAX_QUOTED = 120;

function quoted(value: FieldValue, show: (field: string, value: string) => string, field: string): string {
  const parts = (Array.isArray(value) ? value : [value ?? ""]).map((v) => show(field, v));
  const text = parts.join(", ");
  return `“${text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED - 1).trimEnd()}…` : text}”`;
}

export type Describe = {
  /** The field's label as the form shows it ("Title"). */
  labels: Record<string, string>;
  /** "2:02 PM EST" */
  formatTime: (at: Date) => string;
  /** A stored value as the user reads it (a country code as its name); the value itself by default. */
  showValue?: (field: string, value: string) => string;
};

/** "Title was changed by Dana Lee at 2:02 PM EST to “Solar campus”."; a list "were changed". */
export function describeChange(change: FieldChange, { labels, formatTime, showValue = (_f, v) => v }: Describe): string {
  const label = labels[change.field] ?? change.field;
  const who = `by ${change.by} at ${formatTime(change.at)}`;
  const empty = Array.isArray(change.to) ? change.to.length === 0 : !change.to?.trim();
  const was = Array.isArray(change.to) || Array.isArray(change.from) ? "were" : "was"; // "Destinations were changed"
  return empty ? `${label} ${was} cleared ${who}.` : `${label} ${was} changed ${who} to ${quoted(change.to, showValue, change.field)}.`;
}
