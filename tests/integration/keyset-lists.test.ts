// Lists page by keyset on the real database: every row once, in order, both ways,
// ties on the sort key broken by id, and nothing from outside the actor's scope.
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import type { Actor } from "@/lib/policy";
import { createProposal, listProposals } from "@/lib/proposals/service";
import { freshDatabase } from "./support/database";
import { myConsortia } from "@/lib/consortia/service";
import { createConsortiumMember } from "./support/fixtures";

let client: Db;
let member: Actor;
let outsiderDraft: string;

beforeAll(async () => {
  ({ client } = await freshDatabase());
  ({ actor: member } = await createConsortiumMember(client));
  for (let i = 0; i < 45; i++) await createProposal(client, member, { title: `Package ${i}`, summary: "A package.", destinationCountryCode: "SG" });
  // Many rows share one timestamp, so the id has to break the ties across pages.
  const ids = (await client.proposal.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((p) => p.id);
  for (const [i, id] of ids.entries()) await client.proposal.update({ where: { id }, data: { updatedAt: new Date(Date.UTC(2026, 5, 1 + Math.floor(i / 4))) } });
  const { actor: outsider } = await createConsortiumMember(client);
  outsiderDraft = (await createProposal(client, outsider, { title: "Someone else's", summary: "Hidden.", destinationCountryCode: "SG" })).id;
});

describe("keyset lists", () => {
  it("walks every proposal once, newest first, then back to the first page", async () => {
    const pages = [];
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listProposals>> = await listProposals(client, member, after ? { after } : {});
      pages.push(page);
      after = page.next;
    } while (after);
    const seen = pages.flatMap((p) => p.rows);
    expect(pages.map((p) => p.rows.length)).toEqual([20, 20, 5]);
    expect(new Set(seen.map((r) => r.id)).size).toBe(45);
    expect(seen.map((r) => r.id)).not.toContain(outsiderDraft);
    const order = seen.map((r) => [r.updatedAt.getTime(), r.id] as const);
    const sorted = [...order].sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? -1 : 1));
    expect(order).toEqual(sorted);

    const back = await listProposals(client, member, { before: pages[2]!.previous });
    expect(back.rows.map((r) => r.id)).toEqual(pages[1]!.rows.map((r) => r.id));
    const first = await listProposals(client, member, { before: back.previous });
    expect(first.rows.map((r) => r.id)).toEqual(pages[0]!.rows.map((r) => r.id));
    expect(first.previous).toBeNull();
  });

  it("reads a tampered cursor as the first page", async () => {
    const page = await listProposals(client, member, { after: "bm90IGEgY3Vyc29y" });
    expect(page.previous).toBeNull();
    expect(page.rows).toHaveLength(20);
  });

  it("pages a person's consortia by name, and only those they hold a seat in", async () => {
    const { actor: lead, consortium: first } = await createConsortiumMember(client);
    for (let i = 0; i < 22; i++) {
      await client.consortium.create({ data: { name: `Alliance ${String(i).padStart(2, "0")}`, users: { create: [{ userId: lead.userId, seatRole: "VIEWER" }] } } });
    }
    const { consortium: foreign } = await createConsortiumMember(client);
    const one = await myConsortia(client, lead);
    const two = await myConsortia(client, lead, { after: one.next });
    expect([one.rows.length, two.rows.length, two.next]).toEqual([20, 3, null]);
    const names = [...one.rows, ...two.rows].map((c) => c.name);
    expect(names).toEqual([...names].sort());
    expect(names).toContain(first.name);
    expect(names).not.toContain(foreign.name);
    expect((await myConsortia(client, lead, { before: two.previous })).rows.map((c) => c.id)).toEqual(one.rows.map((c) => c.id));
  });
});
