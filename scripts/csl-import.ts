// `npm run csl:import -- <file.csv> [--date YYYY-MM-DD]`: loads trade.gov's
// Consolidated Screening List CSV as the list in force, replacing the previous
// one in one transaction. The list's date defaults to today. Uses DATABASE_URL,
// or the embedded database of `npm run dev` (stop the portal first).
import { createReadStream, existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { CslFormatError, importScreeningList } from "../lib/screening/csl";
import { prepareDatabase } from "./db/prepare";

if (existsSync(".env")) process.loadEnvFile(".env");

const { positionals, values } = parseArgs({ allowPositionals: true, options: { date: { type: "string" } } });
const file = positionals[0];
if (!file || !existsSync(file) || (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date))) {
  console.error("Usage: npm run csl:import -- <consolidated-screening-list.csv> [--date YYYY-MM-DD]");
  process.exit(1);
}
const listDate = new Date(`${values.date ?? new Date().toISOString().slice(0, 10)}T00:00:00Z`);

const database = await prepareDatabase({ seedDemo: false });
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
try {
  const started = Date.now();
  const list = await importScreeningList(prisma, createReadStream(file), { fileName: path.basename(file), listDate });
  console.log(`Imported ${list.rowCount.toLocaleString("en-US")} entries from ${list.fileName}, list of ${values.date ?? "today"}, in ${Date.now() - started} ms. It replaces the previous list.`);
} catch (error) {
  console.error(error instanceof CslFormatError ? error.message : error);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
  await database.stop();
}
