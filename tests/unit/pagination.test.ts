import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, keysetPage, keysetQuery, pageRequestParams, readKeysetPage } from "@/lib/pagination";

const ORDER = { key: "updatedAt", order: "desc", idOrder: "asc" } as const;
type Row = { id: string; updatedAt: Date };

/** An in-memory table read the way the database reads it: filter by the keyset where, sort, limit. */
function table(rows: Row[]) {
  const matches = (row: Row, where: Record<string, unknown>): boolean => {
    if ("AND" in where) return (where.AND as Record<string, unknown>[]).every((w) => matches(row, w));
    if ("OR" in where) return (where.OR as Record<string, unknown>[]).some((w) => matches(row, w));
    if (Object.keys(where).length === 0) return true;
    const [[field, condition]] = Object.entries(where) as [[keyof Row, Record<string, Date | string>]];
    const [[op, value]] = Object.entries(condition) as [[string, Date | string]];
    const a = row[field] instanceof Date ? (row[field] as Date).getTime() : row[field];
    const b = value instanceof Date ? value.getTime() : value;
    return op === "gt" ? a > b : op === "gte" ? a >= b : op === "lt" ? a < b : a <= b;
  };
  return async (page: { where: object; orderBy: Array<Record<string, "asc" | "desc">>; take: number }) =>
    rows
      .filter((row) => matches(row, page.where as Record<string, unknown>))
      .sort((x, y) => {
        for (const spec of page.orderBy) {
          const [[field, dir]] = Object.entries(spec) as [[keyof Row, "asc" | "desc"]];
          const a = x[field] instanceof Date ? (x[field] as Date).getTime() : x[field];
          const b = y[field] instanceof Date ? (y[field] as Date).getTime() : y[field];
          if (a !== b) return (a < b ? -1 : 1) * (dir === "asc" ? 1 : -1);
        }
        return 0;
      })
      .slice(0, page.take);
}

// 47 rows, many sharing a timestamp, so ties are broken by id across page boundaries.
const rows: Row[] = Array.from({ length: 47 }, (_, i) => ({ id: `r${String(i).padStart(3, "0")}`, updatedAt: new Date(Date.UTC(2026, 0, 1 + Math.floor(i / 3))) }));
const expected = [...rows].sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || (a.id < b.id ? -1 : 1)).map((r) => r.id);

describe("keyset pagination", () => {
  it("walks forward through every row once, in order, then back again", async () => {
    const read = table(rows);
    const seen: string[] = [];
    const pages = [];
    let request: { after?: string | null; before?: string | null } = {};
    for (;;) {
      const page = await readKeysetPage(ORDER, request, read, (r) => r.updatedAt);
      pages.push(page);
      seen.push(...page.rows.map((r) => r.id));
      if (!page.next) break;
      request = { after: page.next };
    }
    expect(seen).toEqual(expected);
    expect(pages.map((p) => p.rows.length)).toEqual([20, 20, 7]);
    expect(pages[0]!.previous).toBeNull();

    // Back from the last page: the same pages in reverse, the first one without a previous link.
    const last = pages.at(-1)!;
    const middle = await readKeysetPage(ORDER, { before: last.previous }, read, (r) => r.updatedAt);
    expect(middle.rows.map((r) => r.id)).toEqual(pages[1]!.rows.map((r) => r.id));
    const first = await readKeysetPage(ORDER, { before: middle.previous }, read, (r) => r.updatedAt);
    expect(first.rows.map((r) => r.id)).toEqual(pages[0]!.rows.map((r) => r.id));
    expect(first.previous).toBeNull();
    expect(first.next).not.toBeNull();
  });

  it("merges several index ranges into one ordered page", async () => {
    const even = rows.filter((_, i) => i % 2 === 0);
    const odd = rows.filter((_, i) => i % 2 === 1);
    const seen: string[] = [];
    let request: { after?: string | null } = {};
    for (;;) {
      const page = await readKeysetPage(ORDER, request, [table(even), table(odd)], (r) => r.updatedAt);
      seen.push(...page.rows.map((r) => r.id));
      if (!page.next) break;
      request = { after: page.next };
    }
    expect(seen).toEqual(expected);
  });

  it("bounds the scan by the sort key, so the database starts at the cursor", () => {
    const query = keysetQuery(ORDER, { after: encodeCursor(new Date("2026-01-05T00:00:00Z"), "r010") });
    expect(query.where).toEqual({
      AND: [{ updatedAt: { lte: new Date("2026-01-05T00:00:00Z") } }, { OR: [{ updatedAt: { lt: new Date("2026-01-05T00:00:00Z") } }, { id: { gt: "r010" } }] }],
    });
    expect(query.orderBy).toEqual([{ updatedAt: "desc" }, { id: "asc" }]);
    expect(query.take).toBe(21);
  });

  it("reads a malformed or foreign cursor as the first page", () => {
    for (const bad of ["", "abc", "%%%", Buffer.from("[1,2]").toString("base64url"), Buffer.from('[{"d":"not a date"},"x"]').toString("base64url"), "x".repeat(600)]) {
      expect(decodeCursor(bad)).toBeNull();
      expect(keysetQuery(ORDER, { after: bad }).where).toEqual({});
    }
  });

  it("round-trips dates, numbers and strings", () => {
    const date = new Date("2026-11-30T12:00:00.123Z");
    expect(decodeCursor(encodeCursor(date, "a"))).toEqual({ value: date, id: "a" });
    expect(decodeCursor(encodeCursor(42, "b"))).toEqual({ value: 42, id: "b" });
    expect(decodeCursor(encodeCursor("AIE-2026-00042", "c"))).toEqual({ value: "AIE-2026-00042", id: "c" });
  });

  it("takes ?after= over ?before=, and the first of repeated parameters", () => {
    expect(pageRequestParams({ after: "x", before: "y" })).toEqual({ after: "x" });
    expect(pageRequestParams({ before: ["y", "z"] })).toEqual({ before: "y" });
    expect(pageRequestParams({})).toEqual({ before: null });
  });

  it("has no next link when the last page is exactly full", () => {
    const query = keysetQuery(ORDER, {});
    const page = keysetPage(query, rows.slice(0, 20), (r) => r.updatedAt);
    expect(page.next).toBeNull();
  });
});
