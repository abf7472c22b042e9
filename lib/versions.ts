// Dated versions of reference data (EXIM's tables, the export-control rules):
// append-only, each in force from its effective date until a later one.

/** Anything with an effective date or time, written as ISO 8601 (which sorts as text). */
export type EffectiveFrom = { effectiveFrom: string };

/**
 * The version in force at `at` (an ISO date or date-time): the latest effective on
 * or before it; of two effective at the same moment, the later in the list. Null
 * before the first.
 */
export function versionInForce<V extends EffectiveFrom>(versions: readonly V[], at: string): V | null {
  let best: V | null = null;
  for (const version of versions) {
    if (version.effectiveFrom <= at && (!best || version.effectiveFrom >= best.effectiveFrom)) best = version;
  }
  return best;
}
