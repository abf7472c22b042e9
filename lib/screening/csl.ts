// trade.gov's Consolidated Screening List (CSL) as CSV: read streamed, checked
// against the list's 29 columns, and loaded in one transaction that replaces the
// list in force. No "server-only" import: the import command runs it too.
import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import { parse } from "csv-parse";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit";
import type { Actor } from "@/lib/policy";
import { normalizeName } from "./normalize";

export const CSL_COLUMNS = [
  "_id", "source", "entity_number", "type", "programs", "name", "title", "addresses", "federal_register_notice",
  "start_date", "end_date", "standard_order", "license_requirement", "license_policy", "call_sign", "vessel_type",
  "gross_tonnage", "gross_registered_tonnage", "vessel_flag", "vessel_owner", "remarks", "source_list_url",
  "alt_names", "citizenships", "dates_of_birth", "nationalities", "places_of_birth", "source_information_url", "ids",
] as const;
export type CslRow = Record<(typeof CSL_COLUMNS)[number], string>;

export class CslFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CslFormatError";
  }
}

/** `alt_names` holds aliases separated by semicolons. */
export function splitAltNames(value: string): string[] {
  return value
    .split(";")
    .map((name) => name.trim())
    .filter(Boolean);
}

/** The rows of a CSL file, one at a time, after checking its header. */
export async function* readCsl(input: Readable): AsyncGenerator<CslRow> {
  const parser = input.pipe(
    parse({
      bom: true,
      skip_empty_lines: true,
      relax_quotes: true,
      trim: true,
      columns: (header: string[]) => {
        const names = header.map((h) => h.trim());
        const missing = CSL_COLUMNS.filter((column) => !names.includes(column));
        if (missing.length > 0) {
          throw new CslFormatError(`This is not a Consolidated Screening List CSV: the column(s) ${missing.join(", ")} are missing.`);
        }
        return names;
      },
    }),
  );
  let line = 1;
  for await (const record of parser as AsyncIterable<Record<string, string>>) {
    line += 1;
    if (!record._id || !record.name) throw new CslFormatError(`Row ${line} has no _id or no name.`);
    yield record as CslRow;
  }
}

type ImportOptions = { fileName: string; listDate: Date; actor?: Actor | null; batchSize?: number };

/**
 * Loads a CSL file as the list in force: the previous list and its entries go in
 * the same transaction, so screening always sees one whole list. Screening
 * results keep the version they were screened against.
 */
export async function importScreeningList(client: Db, input: Readable, { fileName, listDate, actor = null, batchSize = 1000 }: ImportOptions) {
  return client.$transaction(
    async (tx) => {
      await tx.screeningList.deleteMany({});
      const list = await tx.screeningList.create({ data: { fileName, listDate, rowCount: 0, importedById: actor?.userId ?? null } });
      let rowCount = 0;
      let entries: Prisma.ScreeningEntryCreateManyInput[] = [];
      let names: Array<{ entryId: string; name: string; normalized: string; isAlias: boolean }> = [];
      const flush = async () => {
        if (entries.length > 0) await tx.screeningEntry.createMany({ data: entries });
        if (names.length > 0) {
          // Folded by PostgreSQL's unaccent on the way in, as every query is.
          await tx.$executeRaw`
            INSERT INTO "ScreeningEntryName" ("entryId", "name", "normalized", "isAlias")
            SELECT e, n, screening_fold(f), a
            FROM unnest(${names.map((x) => x.entryId)}::text[], ${names.map((x) => x.name)}::text[], ${names.map((x) => x.normalized)}::text[], ${names.map((x) => x.isAlias)}::boolean[]) AS t(e, n, f, a)`;
        }
        entries = [];
        names = [];
      };
      for await (const row of readCsl(input)) {
        rowCount += 1;
        const id = randomUUID();
        const altNames = splitAltNames(row.alt_names);
        const { _id, source, entity_number, type, programs, name, addresses, ...rest } = row;
        const details = Object.fromEntries(Object.entries(rest).filter(([column]) => column !== "alt_names"));
        entries.push({ id, listId: list.id, sourceId: _id, source, entityNumber: entity_number || null, type: type || null, programs: programs || null, name, addresses: addresses || null, altNames, details });
        for (const [alias, isAlias] of [[name, false], ...altNames.map((a) => [a, true] as const)] as const) {
          const normalized = normalizeName(alias);
          if (normalized) names.push({ entryId: id, name: alias, normalized, isAlias });
        }
        if (entries.length >= batchSize) await flush();
      }
      await flush();
      // Move the new names into the index proper and refresh the statistics, so
      // the planner picks the trigram index for the new list (see the migration).
      await tx.$executeRaw`SELECT screening_refresh_names_index()`;
      const saved = await tx.screeningList.update({ where: { id: list.id }, data: { rowCount } });
      await recordAudit(tx, actor, {
        action: "screening.listImported",
        entityType: "ScreeningList",
        entityId: list.id,
        after: { fileName, listDate: listDate.toISOString().slice(0, 10), rowCount },
      });
      return saved;
    },
    { timeout: 10 * 60_000, maxWait: 30_000 },
  );
}

/** How a list is named on a screening result: its date and size. */
export function listVersionLabel(list: { listDate: Date; rowCount: number; fileName: string }): string {
  return `${list.listDate.toISOString().slice(0, 10)} (${list.rowCount.toLocaleString("en-US")} entries, ${list.fileName})`;
}
