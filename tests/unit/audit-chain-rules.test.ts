// The audit chain's canonical form, hash and the judgement of each link.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { advance, canonicalContent, eventHash, judgeEvent, START, type ChainEvent } from "@/lib/audit-chain/rules";

function event(id: string, position: number, previousHash: string, content: Array<string | null> = [id, "2026-11-30T10:00:00.000", null, "SYSTEM", "proposal.created", "Proposal", "p1", null, null, `{"n": ${position}}`]): ChainEvent {
  return { id, chainPosition: BigInt(position), previousHash, hash: eventHash(previousHash, content), content };
}

/** A valid chain of `n` events. */
function chain(n: number): ChainEvent[] {
  const events: ChainEvent[] = [];
  for (let i = 1; i <= n; i++) events.push(event(String(i * 10), i, events.at(-1)?.hash ?? ""));
  return events;
}

/** Walks the chain like the service does; the first problem, or null. */
function walk(events: ChainEvent[]) {
  let cursor = START;
  for (let i = 0; i < events.length; i++) {
    const problem = judgeEvent(cursor, events[i]!, events[i + 1] ?? null);
    if (problem) return problem;
    cursor = advance(cursor, events[i]!);
  }
  return null;
}

describe("canonical content", () => {
  it("prefixes each field with its length in characters and marks nulls", () => {
    expect(canonicalContent(["ab", null, "", "é𝔸"])).toBe("2:ab|~|0:|2:é𝔸");
  });

  it("can't be confused by separators inside a field", () => {
    expect(canonicalContent(["a|1:b"])).not.toBe(canonicalContent(["a", "b"]));
    expect(canonicalContent(["~"])).not.toBe(canonicalContent([null]));
  });

  it("hashes SHA-256 over the previous hash and the content", () => {
    expect(eventHash("abc", ["x"])).toBe(createHash("sha256").update("abc|1:x").digest("hex"));
  });
});

describe("judging the chain", () => {
  it("accepts an intact chain", () => {
    expect(walk(chain(5))).toBeNull();
  });

  it("names an edited event", () => {
    const events = chain(5);
    events[2] = { ...events[2]!, content: events[2]!.content.map((f, i) => (i === 9 ? '{"n": 99}' : f)) };
    expect(walk(events)).toMatchObject({ eventId: "30", message: expect.stringMatching(/edited/) });
  });

  it("names a removed event's place", () => {
    const events = chain(5);
    events.splice(2, 1);
    expect(walk(events)).toMatchObject({ eventId: "40", chainPosition: 3n, message: expect.stringMatching(/removed after event 20/) });
  });

  it("names a removed first event", () => {
    expect(walk(chain(3).slice(1))).toMatchObject({ message: expect.stringMatching(/removed at the start/) });
  });

  it("names an inserted event, whether its hash is right or made up", () => {
    const events = chain(4);
    const forged = event("99", 3, events[1]!.hash);
    const renumbered = (list: ChainEvent[]) => list.map((e, i) => ({ ...e, chainPosition: BigInt(i + 1) }));
    expect(walk(renumbered([...events.slice(0, 2), forged, ...events.slice(2)]))).toMatchObject({ eventId: "99", message: expect.stringMatching(/inserted/) });
    expect(walk(renumbered([...events.slice(0, 2), { ...forged, hash: "beef" }, ...events.slice(2)]))).toMatchObject({ eventId: "99", message: expect.stringMatching(/inserted/) });
  });

  it("names an event rewritten together with its hash", () => {
    const events = chain(4);
    const content = events[1]!.content.map((f, i) => (i === 3 ? "ADMIN" : f));
    events[1] = { ...events[1]!, content, hash: eventHash(events[1]!.previousHash, content) };
    expect(walk(events)).toMatchObject({ eventId: "20", message: expect.stringMatching(/edited and re-hashed/) });
  });

  it("notices a gap in positions even when the hashes were re-linked", () => {
    const events = chain(3);
    events[2] = event("30", 4, events[1]!.hash);
    expect(walk(events)).toMatchObject({ chainPosition: 3n, message: expect.stringMatching(/position 3 is missing/) });
  });
});
