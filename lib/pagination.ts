// Keyset (cursor) pagination: a page is "the rows after (or before) this row" in
// the list's order, read through the index on (sort key, id), so page 5,000 costs
// what page 1 costs. Cursors are opaque to the visitor; a malformed one reads as
// the first page.
export const PAGE_SIZE = 20;

export type SortOrder = "asc" | "desc";
/** A list's order: one sort key, then the id as the tie-breaker. */
export type KeysetOrder<K extends string> = { key: K; order: SortOrder; idOrder: SortOrder };
/** Which page to read: the first, the one after a cursor, or the one before it. */
export type PageRequest = { after?: string | null; before?: string | null };
export type KeysetPage<Row> = { rows: Row[]; next: string | null; previous: string | null; pageSize: number };

type CursorValue = Date | string | number;
type Cursor = { value: CursorValue; id: string };

export function encodeCursor(value: CursorValue, id: string): string {
  const tagged = value instanceof Date ? { d: value.toISOString() } : typeof value === "number" ? { n: value } : { s: value };
  return Buffer.from(JSON.stringify([tagged, id])).toString("base64url");
}

export function decodeCursor(raw: string | null | undefined): Cursor | null {
  if (!raw || raw.length > 512) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[1] !== "string" || parsed[1].length === 0) return null;
    const [tagged, id] = parsed as [Record<string, unknown>, string];
    if (typeof tagged !== "object" || tagged === null) return null;
    if (typeof tagged.d === "string") {
      const date = new Date(tagged.d);
      return Number.isNaN(date.getTime()) ? null : { value: date, id };
    }
    if (typeof tagged.n === "number" && Number.isFinite(tagged.n)) return { value: tagged.n, id };
    if (typeof tagged.s === "string") return { value: tagged.s, id };
    return null;
  } catch {
    return null;
  }
}

/** Reads ?after= / ?before= from a page's search parameters (one of them at most). */
export function pageRequestParams(params: { after?: string | string[]; before?: string | string[] }): PageRequest {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? null;
  const after = first(params.after);
  return after ? { after } : { before: first(params.before) };
}

const flip = (order: SortOrder): SortOrder => (order === "asc" ? "desc" : "asc");

/**
 * The `where`, `orderBy` and `take` of one page. The condition is written as
 * `key >= v AND (key > v OR id > i)` (for an ascending key): its first half is an
 * index bound, so the scan starts at the cursor instead of filtering from the top.
 */
export function keysetQuery<K extends string>(order: KeysetOrder<K>, request: PageRequest, pageSize = PAGE_SIZE) {
  const before = decodeCursor(request.before);
  const cursor = before ?? decodeCursor(request.after);
  const backwards = before !== null;
  const keyOrder = backwards ? flip(order.order) : order.order;
  const idOrder = backwards ? flip(order.idOrder) : order.idOrder;
  const orderBy = [{ [order.key]: keyOrder }, { id: idOrder }] as Array<Record<K | "id", SortOrder>>;
  const where = cursor
    ? {
        AND: [
          { [order.key]: { [keyOrder === "asc" ? "gte" : "lte"]: cursor.value } },
          {
            OR: [
              { [order.key]: { [keyOrder === "asc" ? "gt" : "lt"]: cursor.value } },
              { id: { [idOrder === "asc" ? "gt" : "lt"]: cursor.id } },
            ],
          },
        ],
      }
    : {};
  return { where, orderBy, take: pageSize + 1, backwards, hasCursor: cursor !== null, pageSize };
}

/** Turns the rows read with `keysetQuery` (one more than a page) into a page and its links. */
export function keysetPage<Row extends { id: string }>(
  query: { backwards: boolean; hasCursor: boolean; pageSize: number },
  fetched: Row[],
  keyOf: (row: Row) => CursorValue,
): KeysetPage<Row> {
  const more = fetched.length > query.pageSize;
  const page = fetched.slice(0, query.pageSize);
  const rows = query.backwards ? page.reverse() : page;
  const cursorOf = (row: Row | undefined) => (row ? encodeCursor(keyOf(row), row.id) : null);
  // Forwards: a next page when one more row came back, a previous page when we came from one.
  // Backwards: the mirror image, and the page we came from is always the next one.
  const hasNext = query.backwards ? true : more;
  const hasPrevious = query.backwards ? more : query.hasCursor;
  return {
    rows,
    next: hasNext ? cursorOf(rows.at(-1)) : null,
    previous: hasPrevious ? cursorOf(rows[0]) : null,
    pageSize: query.pageSize,
  };
}

/** A page's arguments for a list's findMany, within the list's own filter. */
export function pageWithin<W, K extends string>(scope: W, page: PageQuery<K>) {
  return { where: { AND: [scope, page.where] }, orderBy: page.orderBy, take: page.take };
}

export type PageQuery<K extends string = string> = { where: object; orderBy: Array<Record<K | "id", SortOrder>>; take: number };

/**
 * Reads one page: `read` runs the list's own query with the page's where, order
 * and limit. A list that is the union of several index ranges (one per status,
 * say) passes one reader per range: each reads at most a page from its own
 * range, and the page is the first rows of their merge.
 */
export async function readKeysetPage<Row extends { id: string }, K extends string>(
  order: KeysetOrder<K>,
  request: PageRequest,
  read: ((page: PageQuery<K>) => Promise<Row[]>) | Array<(page: PageQuery<K>) => Promise<Row[]>>,
  keyOf: (row: Row) => CursorValue,
): Promise<KeysetPage<Row>> {
  const query = keysetQuery(order, request);
  if (!Array.isArray(read)) return keysetPage(query, await read(query), keyOf);
  const parts = await Promise.all(read.map((reader) => reader(query)));
  const keyOrder = query.backwards ? flip(order.order) : order.order;
  const idOrder = query.backwards ? flip(order.idOrder) : order.idOrder;
  const merged = parts.flat().sort((a, b) => {
    const byKey = compare(keyOf(a), keyOf(b));
    return byKey !== 0 ? (keyOrder === "asc" ? byKey : -byKey) : idOrder === "asc" ? compare(a.id, b.id) : compare(b.id, a.id);
  });
  return keysetPage(query, merged.slice(0, query.take), keyOf);
}

function compare(a: CursorValue, b: CursorValue): number {
  const x = a instanceof Date ? a.getTime() : a;
  const y = b instanceof Date ? b.getTime() : b;
  return x < y ? -1 : x > y ? 1 : 0;
}
