// EXIM's dated reference tables in the database: reading the versions in force,
// and an administrator adding a new version (audited, never editing an old one).
import type { Db, Tx } from "@/lib/db";
import { auditSnapshot, recordAudit } from "@/lib/audit";
import { RuleViolationError } from "@/lib/errors";
import type { ReferenceTableKind } from "@/lib/generated/prisma/enums";
import { authorize, type Actor } from "@/lib/policy";
import type { ReferenceVersionInput } from "@/lib/schemas/reference-tables";
import { cirrTableSchema, exposureFeeGridSchema, versionInForce, type CirrTable, type Dated, type ExposureFeeGrid } from "./reference";

type Reader = Pick<Db | Tx, "referenceTableVersion">;

export type ReferenceTables = { cirr: Dated<CirrTable>[]; exposureFees: Dated<ExposureFeeGrid>[] };

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** Every version of both tables, oldest first, validated. */
export async function loadReferenceTables(client: Reader): Promise<ReferenceTables> {
  const rows = await client.referenceTableVersion.findMany({ orderBy: [{ kind: "asc" }, { effectiveFrom: "asc" }] });
  return {
    cirr: rows.filter((r) => r.kind === "CIRR").map((r) => ({ effectiveFrom: isoDate(r.effectiveFrom), data: cirrTableSchema.parse(r.data) })),
    exposureFees: rows
      .filter((r) => r.kind === "EXPOSURE_FEE")
      .map((r) => ({ effectiveFrom: isoDate(r.effectiveFrom), data: exposureFeeGridSchema.parse(r.data) })),
  };
}

/** The tables in force on a date (yyyy-mm-dd). */
export function tablesInForce(tables: ReferenceTables, date: string) {
  return { cirr: versionInForce(tables.cirr, date)?.data ?? null, exposureFees: versionInForce(tables.exposureFees, date)?.data ?? null };
}

export async function listReferenceVersions(client: Db, actor: Actor) {
  authorize(actor, "settings:manage");
  return client.referenceTableVersion.findMany({
    orderBy: [{ kind: "asc" }, { effectiveFrom: "desc" }],
    include: { createdBy: { select: { name: true } } },
  });
}

const SCHEMAS: Record<ReferenceTableKind, typeof cirrTableSchema | typeof exposureFeeGridSchema> = {
  CIRR: cirrTableSchema,
  EXPOSURE_FEE: exposureFeeGridSchema,
};

/** Adds a dated version of a table; a version already effective on that date is refused. */
export async function addReferenceVersion(client: Db, actor: Actor, input: ReferenceVersionInput) {
  authorize(actor, "settings:manage");
  const parsed = SCHEMAS[input.kind].safeParse(input.data);
  if (!parsed.success) {
    throw new RuleViolationError("The table is not valid:", parsed.error.issues.map((i) => `${i.path.join(".") || "table"}: ${i.message}`), "data");
  }
  return client.$transaction(async (tx) => {
    const effectiveFrom = new Date(`${input.effectiveFrom}T00:00:00Z`);
    const existing = await tx.referenceTableVersion.findUnique({ where: { kind_effectiveFrom: { kind: input.kind, effectiveFrom } } });
    if (existing) throw new RuleViolationError(`A version effective ${input.effectiveFrom} already exists; choose another date.`, [], "effectiveFrom");
    const version = await tx.referenceTableVersion.create({
      data: { kind: input.kind, effectiveFrom, data: parsed.data, note: input.note, createdById: actor.userId },
    });
    await recordAudit(tx, actor, {
      action: "referenceTable.versionAdded",
      entityType: "ReferenceTableVersion",
      entityId: version.id,
      after: auditSnapshot({ kind: input.kind, effectiveFrom: input.effectiveFrom, data: parsed.data, note: input.note }),
    });
    return version;
  });
}
