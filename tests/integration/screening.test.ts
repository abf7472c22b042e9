// Restricted-party screening on a real PostgreSQL: importing the Consolidated
// Screening List, matching names with pg_trgm after normalization, and staying
// fast on a list of 20,000 entries.
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CSL_COLUMNS, CslFormatError, importScreeningList } from "@/lib/screening/csl";
import { matchName } from "@/lib/screening/service";
import { freshDatabase } from "./support/database";

const SAMPLE = path.resolve(import.meta.dirname, "../../prisma/seed/screening/csl-sample.csv");
const { client } = await freshDatabase();

function csv(rows: Array<Partial<Record<(typeof CSL_COLUMNS)[number], string>>>): Readable {
  const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
  const lines = [CSL_COLUMNS.join(","), ...rows.map((row) => CSL_COLUMNS.map((c) => quote(row[c] ?? "")).join(","))];
  return Readable.from([lines.join("\n")]);
}

describe("importing the list", () => {
  it("loads the sample file: its 29 columns, aliases split on semicolons, date and row count recorded", async () => {
    const list = await importScreeningList(client, createReadStream(SAMPLE), { fileName: "csl-sample.csv", listDate: new Date("2026-11-28") });
    expect(list).toMatchObject({ fileName: "csl-sample.csv", rowCount: 12 });
    expect(list.listDate.toISOString().slice(0, 10)).toBe("2026-11-28");
    const crimson = await client.screeningEntry.findFirstOrThrow({ where: { sourceId: "fict-0001" }, include: { names: true } });
    expect(crimson).toMatchObject({
      source: "Entity List (EL) - Bureau of Industry and Security",
      name: "Crimson Harbor Compute Ltd.",
      altNames: ["Crimson Harbour Computing", "CHC Trading Company"],
      addresses: "Unit 9, 1 Fictional Quay, Zhuhai, CN",
    });
    expect(crimson.details).toMatchObject({ federal_register_notice: "89 FR 00001", license_policy: "Presumption of denial", start_date: "2025-01-15" });
    expect(crimson.names.map((n) => [n.name, n.normalized, n.isAlias])).toEqual([
      ["Crimson Harbor Compute Ltd.", "compute crimson harbor", false],
      ["Crimson Harbour Computing", "computing crimson harbour", true],
      ["CHC Trading Company", "chc trading", true],
    ]);
  });

  it("replaces the previous list in one go", async () => {
    await importScreeningList(client, csv([{ _id: "x-1", source: "Entity List", name: "Only Entry Works" }]), { fileName: "next.csv", listDate: new Date("2026-11-29") });
    expect(await client.screeningList.count()).toBe(1);
    expect(await client.screeningEntry.count()).toBe(1);
    expect(await matchName(client, "Crimson Harbor Compute", 80)).toEqual([]);
    await importScreeningList(client, createReadStream(SAMPLE), { fileName: "csl-sample.csv", listDate: new Date("2026-11-28") });
    expect(await client.screeningEntry.count()).toBe(12);
  });

  it("refuses a file without the list's columns and keeps the list in force", async () => {
    const wrong = Readable.from(["name,country\nSomeone,XX\n"]);
    await expect(importScreeningList(client, wrong, { fileName: "wrong.csv", listDate: new Date() })).rejects.toBeInstanceOf(CslFormatError);
    expect(await client.screeningEntry.count()).toBe(12);
    expect((await client.screeningList.findFirstOrThrow()).fileName).toBe("csl-sample.csv");
  });
});

describe("matching names against the list (threshold 80)", () => {
  const top = async (name: string) => (await matchName(client, name, 80))[0];

  it.each([
    ["the listed name", "Crimson Harbor Compute Ltd.", "Crimson Harbor Compute Ltd.", 100],
    ["another legal suffix", "Crimson Harbor Compute Limited", "Crimson Harbor Compute Ltd.", 100],
    ["no suffix, other case and punctuation", "CRIMSON-HARBOR COMPUTE", "Crimson Harbor Compute Ltd.", 100],
    ["words in another order", "Compute Crimson Harbor, Ltd", "Crimson Harbor Compute Ltd.", 100],
    ["an alias", "CHC Trading Co.", "Crimson Harbor Compute Ltd.", 100],
    ["without diacritics", "Societe Fictive d'Electronique Avancee", "Société Fictive d'Électronique Avancée S.A.", 100],
    ["with diacritics the list lacks", "Halcyon Müller Präzisionstechnik", "Halcyon Müller Präzisionstechnik GmbH", 100],
    ["a surname first", "Mariya Imaginarovna Voskresenskaya", "Voskresenskaya, Mariya Imaginarovna", 100],
  ])("%s: %j matches %j", async (_label, query, entryName, score) => {
    expect(await top(query)).toMatchObject({ entryName, score });
  });

  it.each([
    ["a spelling variant", "Nebula Ridge Semiconductors", "Nebula Ridge Semiconductor Co., Ltd."],
    ["a transliteration variant", "Voskresenskaia, Mariya Imaginarovna", "Voskresenskaya, Mariya Imaginarovna"],
    ["a shortened name", "Zephyr Dynamics Trading", "Zephyrine Dynamics Trading FZE"],
  ])("%s: %j is a possible match for %j", async (_label, query, entryName) => {
    const match = await top(query);
    expect(match?.entryName).toBe(entryName);
    expect(match?.score).toBeGreaterThanOrEqual(80);
    expect(match?.score).toBeLessThan(100);
  });

  it.each([
    "Crimson Valley Compute",
    "Harbor Compute Partners",
    "Nebula Ridge Foods",
    "Atlas Compute Systems, Inc.",
    "Dynamics Trading Partners",
    "Velvet Cobalt Mining",
    "Granite Falcon Bakery",
    "Amber Meridian",
  ])("a near miss, %j, is not a match", async (query) => {
    expect(await matchName(client, query, 80)).toEqual([]);
  });

  it("names below the threshold appear when the threshold is lowered (setting)", async () => {
    const loose = await matchName(client, "Crimson Valley Compute", 40);
    expect(loose[0]?.entryName).toBe("Crimson Harbor Compute Ltd.");
  });
});

describe("on a list of 20,000 entries", () => {
  // Made-up names from syllables, as varied as a real list's (a fixed seed: the same list every run).
  const syllables = ["ka", "ro", "vi", "zen", "tal", "mur", "esh", "gan", "lo", "pri", "dov", "sun", "hal", "yek", "bri", "tor", "qui", "nam", "fel", "ost", "ul", "chen", "ava", "dri", "mok", "ter", "sav", "lin", "gor", "pel"];
  const kinds = ["Trading", "Electronics", "Logistics", "Research", "Systems", "Holdings", "Compute", "Aerospace", "Networks", "Imports"];
  const forms = ["LLC", "Ltd.", "GmbH", "S.A.", "Inc.", "Co., Ltd.", "JSC", "FZE", "", "Pte. Ltd."];
  let seed = 20_000;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const word = () => {
    const w = Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(syllables)).join("");
    return w[0]!.toUpperCase() + w.slice(1);
  };
  const rows = Array.from({ length: 20_000 }, (_, i) => ({
    _id: `gen-${i}`,
    source: "Entity List (EL) - Bureau of Industry and Security",
    name: `${word()} ${word()} ${pick(kinds)} ${pick(forms)}`.trim(),
    alt_names: i % 3 === 0 ? `${word()} ${word()}; ${word()} ${pick(kinds)}` : "",
  }));
  const target = rows[12_345]!.name;

  beforeAll(async () => {
    const started = performance.now();
    await importScreeningList(client, csv(rows), { fileName: "generated-20000.csv", listDate: new Date("2026-11-30") });
    console.log(`Imported 20,000 generated entries in ${Math.round(performance.now() - started)} ms`);
  }, 240_000);

  it("finds one name in well under a second, through the trigram index", async () => {
    await matchName(client, "Warm-up", 80);
    const query = target.split(" ").reverse().join(" ").toUpperCase();
    const timings: number[] = [];
    let found;
    for (let run = 0; run < 7; run += 1) {
      const started = performance.now();
      found = await matchName(client, query, 80);
      timings.push(performance.now() - started);
    }
    timings.sort((a, b) => a - b);
    console.log(`Screening one name against 20,000 entries: median ${timings[3]!.toFixed(1)} ms, worst ${timings[6]!.toFixed(1)} ms (7 runs)`);
    expect(found?.[0]).toMatchObject({ entryName: target, score: 100 });
    expect(timings[3]).toBeLessThan(1000);
    const plan = await client.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('pg_trgm.similarity_threshold', '0.8', true)`;
      return tx.$queryRawUnsafe<Array<{ "QUERY PLAN": string }>>(
        `EXPLAIN SELECT id FROM "ScreeningEntryName" WHERE normalized % screening_fold('kavitor trading')`,
      );
    });
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("ScreeningEntryName_normalized_trgm_idx");
  });
});
