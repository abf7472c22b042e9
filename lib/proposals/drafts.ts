// Saving one step of a draft, as people type and when they press Save, with
// several contributors at once. Every save names the version the user's copy
// was loaded at. When others saved since, the audit trail's record of their
// saves says what they changed: a save that would undo any of it is refused,
// listing each change; a save about other fields goes through. Nothing is
// silently overwritten.
import type { Db, Tx } from "@/lib/db";
import { auditSnapshot, recordAudit, type AuditAction } from "@/lib/audit";
import { formatTimeOfDay } from "@/lib/dates";
import { DraftConflictError, StaleVersionError } from "@/lib/errors";
import type { Actor } from "@/lib/policy";
import { bumpVersion, lockProposal, requireEditable } from "./service";
import { changedFields, describeChange, netChanges, overwrittenBy, type FieldChange, type FieldValue, type RecordedSave, type StepValues } from "./draft-changes";

/** The key in a draft save's audit `after` that records the version the save produced. */
const VERSION_KEY = "draftVersion";

type LockedProposal = Awaited<ReturnType<typeof lockProposal>>;

export type DraftStepSave<T = void> = {
  proposalId: string;
  /**
   * What the fields belong to, when not the proposal itself. A line item's fields
   * are compared with that item's saves only (every item has a "quantity").
   */
  entity?: { type: "LineItem"; id: string } | { type: "FinancingRequest" };
  /** The version the user's copy was loaded (or last saved) at; null saves over whatever is there (a script, a fixture). */
  expectedVersion: number | null;
  /** The step's fields as the user's save would leave them (only these are compared and recorded). */
  values: StepValues;
  /** The step's fields as stored now. */
  read: (tx: Tx, proposal: LockedProposal) => Promise<StepValues>;
  /** Writes the step's fields; runs only when something changed, after the checks. Answers the written record's id when it isn't known before. */
  write: (tx: Tx, proposal: LockedProposal) => Promise<string | void>;
  /** The form's label per field, for the conflict message. */
  labels: Record<string, string>;
  /** Read only for a conflict message: how to show a stored value (a country code as its name). */
  names?: (tx: Tx, changes: FieldChange[]) => Promise<(field: string, value: string) => string>;
  action?: AuditAction;
  /** What the save answers besides its version (e.g. what the step still needs), read in the same transaction. */
  answer?: (tx: Tx, proposal: LockedProposal) => Promise<T>;
};

/**
 * Saves a step of a draft in one transaction: lock, check it is editable and
 * that no one else's change would be undone, write, bump the version, record
 * the fields that changed (before and after, with the new version). A save that
 * changes nothing writes nothing and answers the version as it is.
 */
export async function saveDraftStep<T = void>(client: Db, actor: Actor, save: DraftStepSave<T>): Promise<{ version: number; savedAt: Date; answer: T }> {
  return client.$transaction(async (tx) => {
    const proposal = await lockProposal(tx, actor, save.proposalId, "proposal:update");
    requireEditable(proposal.status);
    const base = save.expectedVersion ?? proposal.version;
    if (base > proposal.version) throw new StaleVersionError();
    const current = await save.read(tx, proposal);
    if (base < proposal.version) await refuseOverwrites(tx, proposal.id, proposal.version, base, save);

    const changed = changedFields(current, save.values);
    const answer = async (version: number) => ({ version, savedAt: new Date(), answer: (await save.answer?.(tx, proposal)) as T });
    if (changed.length === 0) return answer(proposal.version);
    const written = await save.write(tx, proposal);
    await bumpVersion(tx, proposal.id, proposal.version);
    const version = proposal.version + 1;
    await recordAudit(tx, actor, {
      action: save.action ?? "proposal.updated",
      entityType: save.entity?.type ?? "Proposal",
      entityId: written || (save.entity && "id" in save.entity ? save.entity.id : proposal.id),
      proposalId: proposal.id,
      before: auditSnapshot(pick(current, changed)),
      after: auditSnapshot({ ...pick(save.values, changed), [VERSION_KEY]: version }),
    });
    return answer(version);
  });
}

function pick(values: StepValues, fields: string[]): Record<string, FieldValue> {
  return Object.fromEntries(fields.map((field) => [field, values[field] ?? null]));
}

/** The draft saves recorded after `baseVersion`, oldest first, with who made each and to what record. */
export async function savesSince(tx: Tx | Db, proposalId: string, baseVersion: number): Promise<Array<RecordedSave & { entityType: string; entityId: string }>> {
  const events = await tx.auditEvent.findMany({
    where: { proposalId, after: { path: [VERSION_KEY], gt: baseVersion } },
    orderBy: { id: "asc" },
    select: { occurredAt: true, entityType: true, entityId: true, before: true, after: true, actor: { select: { name: true } } },
  });
  return events.map((event) => {
    const { [VERSION_KEY]: version, ...after } = event.after as Record<string, unknown>;
    const before = (event.before ?? {}) as StepValues;
    return { by: event.actor?.name ?? "the system", at: event.occurredAt, version: Number(version), entityType: event.entityType, entityId: event.entityId, before, after: after as StepValues };
  });
}

/**
 * Others saved since the user's copy: refuse when the save would undo a change
 * they made, or when the proposal changed in ways the trail can't attribute to
 * a field (a change outside the draft steps' saves).
 */
async function refuseOverwrites<T>(tx: Tx, proposalId: string, currentVersion: number, base: number, save: DraftStepSave<T>) {
  const saves = await savesSince(tx, proposalId, base);
  const explained = new Set(saves.map((s) => s.version)).size;
  // A line item's saves are compared per item; the proposal's own steps' field names don't overlap.
  const entity = save.entity;
  const relevant = saves.filter((s) => (entity?.type === "LineItem" ? s.entityId === entity.id : s.entityType !== "LineItem"));
  const overwritten = overwrittenBy(save.values, netChanges(relevant));
  const unexplained = currentVersion - base - explained;
  if (overwritten.length === 0 && unexplained <= 0) return;
  const describe = { labels: save.labels, formatTime: formatTimeOfDay, showValue: save.names ? await save.names(tx, overwritten) : undefined };
  const changes = overwritten.map((change) => describeChange(change, describe));
  if (unexplained > 0) changes.push("Other parts of the proposal were changed too; see its history.");
  throw new DraftConflictError(changes, currentVersion);
}
