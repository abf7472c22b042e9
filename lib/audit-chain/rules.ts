// The audit trail's hash chain, pure. The database computes each event's hash
// as it is inserted (migration "audit_chain_cap_guards"); this module recomputes
// it independently and judges each link while the chain is walked.
import { createHash } from "node:crypto";

/**
 * An event as the chain sees it: every content field as PostgreSQL prints it
 * (id and JSON as text, occurredAt as YYYY-MM-DDTHH:MI:SS.mmm), null when absent.
 */
export type ChainEvent = {
  id: string;
  chainPosition: bigint;
  previousHash: string;
  hash: string;
  content: ReadonlyArray<string | null>;
};

/** Each field as <length in characters>:<text>, "~" when null, joined by "|". */
export function canonicalContent(fields: ReadonlyArray<string | null>): string {
  return fields.map((field) => (field === null ? "~" : `${[...field].length}:${field}`)).join("|");
}

/** SHA-256 (hex) of previousHash, "|", and the canonical content. */
export function eventHash(previousHash: string, fields: ReadonlyArray<string | null>): string {
  return createHash("sha256").update(`${previousHash}|${canonicalContent(fields)}`, "utf8").digest("hex");
}

export type ChainProblem = { eventId: string | null; chainPosition: bigint; message: string };

/** What the walk knows about the events before the one being judged. */
export type ChainCursor = {
  /** The last event accepted into the verified chain (null before the first). */
  last: { id: string; chainPosition: bigint; hash: string } | null;
  /** The hash of the event before `last` ("" when `last` is the first). */
  hashBeforeLast: string;
};

export const START: ChainCursor = { last: null, hashBeforeLast: "" };

/**
 * Judges one event against the chain so far. `next` (the event after it, if
 * any) tells an inserted event from an edited one: after an inserted event, the
 * next one still points at the event before it.
 */
export function judgeEvent(cursor: ChainCursor, event: ChainEvent, next: ChainEvent | null): ChainProblem | null {
  const expectedPrevious = cursor.last?.hash ?? "";
  const expectedPosition = (cursor.last?.chainPosition ?? 0n) + 1n;
  const intact = eventHash(event.previousHash, event.content) === event.hash;
  const where = { eventId: event.id, chainPosition: event.chainPosition };

  if (!intact) {
    const skipsThisOne = next !== null && next.previousHash === expectedPrevious && eventHash(next.previousHash, next.content) === next.hash;
    return skipsThisOne
      ? { ...where, message: `Event ${event.id} (chain position ${event.chainPosition}) was inserted: the event after it links to the event before it.` }
      : { ...where, message: `Event ${event.id} (chain position ${event.chainPosition}) was edited: its content no longer matches its hash.` };
  }
  if (event.previousHash !== expectedPrevious) {
    if (cursor.last && event.previousHash === cursor.hashBeforeLast) {
      return {
        eventId: cursor.last.id,
        chainPosition: cursor.last.chainPosition,
        message: `Event ${cursor.last.id} (chain position ${cursor.last.chainPosition}) was inserted: event ${event.id} links past it.`,
      };
    }
    if (cursor.last && event.chainPosition === expectedPosition) {
      // Nothing is missing between them: the event before was rewritten, hash and all.
      return {
        eventId: cursor.last.id,
        chainPosition: cursor.last.chainPosition,
        message: `Event ${cursor.last.id} (chain position ${cursor.last.chainPosition}) was edited and re-hashed: event ${event.id} links to a different hash.`,
      };
    }
    const after = cursor.last ? `after event ${cursor.last.id} (chain position ${cursor.last.chainPosition})` : "at the start of the chain";
    return {
      ...where,
      chainPosition: expectedPosition,
      message: `An event was removed ${after}, before event ${event.id}: the missing event's hash was ${event.previousHash.slice(0, 16)}….`,
    };
  }
  if (event.chainPosition !== expectedPosition) {
    return { ...where, chainPosition: expectedPosition, message: `The event at chain position ${expectedPosition} is missing (the next is event ${event.id} at ${event.chainPosition}).` };
  }
  return null;
}

/** The cursor after accepting `event`. */
export function advance(cursor: ChainCursor, event: ChainEvent): ChainCursor {
  return { last: { id: event.id, chainPosition: event.chainPosition, hash: event.hash }, hashBeforeLast: cursor.last?.hash ?? "" };
}
