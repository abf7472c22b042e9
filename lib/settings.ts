// Program rules that move (the cap, thresholds, country-group rules) live in the
// Setting table, editable by administrators. This module types and validates them.
import { z } from "zod";
import { PartyRole, Role, StackLayer } from "@/lib/generated/prisma/enums";

const cents = z
  .string()
  .regex(/^\d+$/, "whole cents as a string")
  .transform((value) => BigInt(value));
const basisPoints = z.number().int().min(0).max(10_000);

export type DatedValue<T> = { from: string; value: T };

/** The value in force on `date` (yyyy-mm-dd): the latest whose `from` is on or before it; null before the first. */
export function valueInForce<T>(schedule: ReadonlyArray<DatedValue<T>>, date: string): T | null {
  let best: DatedValue<T> | null = null;
  for (const entry of schedule) if (entry.from <= date && (!best || entry.from > best.from)) best = entry;
  return best ? best.value : null;
}

/**
 * A dated setting: either a plain value, or a schedule of values each in force
 * from a date ([{ "from": "2025-07-23", "value": ... }, ...]); the program reads
 * the value in force today, so a change can be entered ahead of its date.
 */
const dated = <S extends z.ZodType>(schema: S) =>
  z.union([
    z
      .array(z.object({ from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date, yyyy-mm-dd"), value: schema }))
      .min(1)
      .transform((schedule, ctx) => {
        const value = valueInForce(schedule as unknown as ReadonlyArray<DatedValue<z.output<S>>>, new Date().toISOString().slice(0, 10));
        if (value === null) {
          ctx.addIssue({ code: "custom", message: "no value is in force yet: the earliest date is in the future" });
          return z.NEVER;
        }
        return value;
      }),
    schema,
  ]);

export const settingsSchema = z.object({
  "exposureCap.statutoryLimitCents": dated(cents),
  "exposureCap.drawnAtStartCents": dated(cents),
  "exposureCap.lockWaitMilliseconds": z.number().int().min(100).max(60_000),
  "financing.maxCoverOfNetContractPriceBasisPoints": basisPoints,
  "financing.minCashPaymentBasisPoints": basisPoints,
  "financing.minUsContentBasisPoints": basisPoints,
  "proposals.requiredLayers": z.array(z.enum(StackLayer)).min(1),
  "proposals.hardwareUsContentThresholdBasisPoints": basisPoints,
  "proposals.ineligibleDestinationCountryGroups": z.array(z.string().min(1)),
  "proposals.requiredPartyRoles": z.array(z.enum(PartyRole)),
  "financing.mediumTermMaxAmountCents": cents,
  "financing.mediumTermMaxRepaymentYears": z.number().int().positive(),
  "financing.longTermMaxRepaymentYears": z.number().int().positive(),
  "financing.minRepaymentYears": z.number().int().positive(),
  "financing.localCostsHighIncomeOecdBasisPoints": basisPoints,
  "financing.localCostsOtherBasisPoints": basisPoints,
  "financing.officerAuthorityMaxCents": cents,
  "financing.congressionalNotificationAboveCents": cents,
  "financing.congressionalNotificationDays": z.number().int().min(0),
  "exposureCap.reservedBasisPoints": dated(basisPoints),
  "program.regions": z.record(z.string().min(1), z.array(z.string().regex(/^[A-Z]{2}$/))),
  "exposureCap.proposedStatutoryLimitCents": cents,
  "licensing.conditionTemplates": z
    .array(z.object({ kind: z.string().regex(/^[a-z-]+$/), label: z.string().min(1), text: z.string().min(1) }))
    .min(1),
  "licensing.reviewTargetDays": z.number().int().positive(),
  "licensing.validityYears": z.number().int().positive(),
  "screening.matchThreshold": z.number().int().min(1).max(100),
  "screening.apiRequestsPerMinute": z.number().int().min(1),
  "screening.apiMaxNames": z.number().int().min(1).max(1000),
  "sessions.governmentIdleTimeoutMinutes": z.number().int().min(1).max(24 * 60),
  "sessions.consortiumIdleTimeoutMinutes": z.number().int().min(1).max(24 * 60),
  "sessions.absoluteLifetimeHours": z.number().int().min(1).max(24),
  "sessions.idleWarningSeconds": z.number().int().min(10).max(30 * 60),
  "signIn.maxFailuresPerAccount": z.number().int().min(1),
  "signIn.maxFailuresPerClientAddress": z.number().int().min(1),
  "signIn.failureWindowMinutes": z.number().int().min(1),
  "signIn.lockoutMinutes": z.number().int().min(1),
  "secondFactor.requiredRoles": z.array(z.enum(Role)),
  "invitations.validityDays": z.number().int().min(1).max(90),
  "attachments.maxBytes": z.number().int().min(1024).max(1024 * 1024 * 1024),
});

export type ProgramSettings = z.output<typeof settingsSchema>;
export type SettingKey = keyof ProgramSettings;

/** Validates raw Setting rows; a missing or malformed key is a configuration error. */
export function parseSettings(rows: ReadonlyArray<{ key: string; value: unknown }>): ProgramSettings {
  const raw = Object.fromEntries(rows.map((row) => [row.key, row.value]));
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Program settings are incomplete or invalid: ${problems.join("; ")}`);
  }
  return parsed.data;
}

type SettingsReader = { setting: { findMany: () => Promise<Array<{ key: string; value: unknown }>> } };

/** Reads and validates the program settings through a client or a transaction. */
export async function loadProgramSettings(client: SettingsReader): Promise<ProgramSettings> {
  return parseSettings(await client.setting.findMany());
}
