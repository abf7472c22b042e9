// Field parsers shared by every input schema. Forms post strings; these turn them
// into typed values with messages a person can act on.
import { z } from "zod";
import { RECORD_ID } from "@/lib/errors";
import { parseEccn } from "@/lib/licensing/eccn";
import { formatCents, parseDollarsToCents } from "@/lib/money";

// PostgreSQL text can't hold NUL, and no one means to type other control characters.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const noControlCharacters = (label: string) => [
  (value: string) => !CONTROL_CHARACTERS.test(value),
  { message: `${label[0]!.toUpperCase()}${label.slice(1)} contains invisible control characters; remove them and try again.` },
] as const;

export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .min(1, `Enter ${label}.`)
    .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be ${max.toLocaleString("en-US")} characters or fewer.`)
    .refine(...noControlCharacters(label));

export const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be ${max.toLocaleString("en-US")} characters or fewer.`)
    .refine(...noControlCharacters(label))
    .optional()
    .transform((value) => (value ? value : null));

/** A dollar amount typed by a person ("1,250,000.00"), as integer cents. */
/** Sanity ceiling for any amount typed: far above any single program transaction. */
const MAX_AMOUNT_CENTS = 100_000_000_000_000n; // $1 trillion

export const dollars = (label: string, { allowZero = false, maxCents = MAX_AMOUNT_CENTS } = {}) =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .min(1, `Enter ${label}.`)
    .transform((value, ctx) => {
      const cents = parseDollarsToCents(value);
      if (cents === null) {
        ctx.addIssue({ code: "custom", message: `Enter ${label} in dollars, like 1,250,000.00.` });
        return z.NEVER;
      }
      if (!allowZero && cents === 0n) {
        ctx.addIssue({ code: "custom", message: `${label[0]!.toUpperCase()}${label.slice(1)} must be more than zero.` });
        return z.NEVER;
      }
      if (cents > maxCents) {
        ctx.addIssue({ code: "custom", message: `${label[0]!.toUpperCase()}${label.slice(1)} can be at most ${formatCents(maxCents)}.` });
        return z.NEVER;
      }
      return cents;
    });

export const wholeNumber = (label: string, min: number, max: number) =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .min(1, `Enter ${label}.`)
    .regex(/^\d+$/, `Enter ${label} as a whole number.`)
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min, `${label[0]!.toUpperCase()}${label.slice(1)} must be at least ${min}.`)
        .max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be at most ${max.toLocaleString("en-US")}.`),
    );

export const optionalWholeNumber = (label: string, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => value ?? "")
    .pipe(
      // The union's own message: without it, text that fits neither option shows zod's bare "Invalid input".
      z.union([
        z.literal("").transform(() => null),
        z
          .string()
          .regex(/^\d+$/, `Enter ${label} as a whole number.`)
          .transform(Number)
          .pipe(z.number().int().max(max, `${label[0]!.toUpperCase()}${label.slice(1)} must be at most ${max}.`)),
      ], { error: `Enter ${label} as a whole number.` }),
    );

/** A percentage with up to two decimals, as basis points (65.5% -> 6550). */
export const percentAsBasisPoints = (label: string) =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .min(1, `Enter ${label}.`)
    .transform((value, ctx) => {
      const match = /^(\d{1,3})(?:\.(\d{1,2}))?\s*%?$/.exec(value);
      const basisPoints = match ? Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0")) : NaN;
      if (!match || basisPoints > 10_000) {
        ctx.addIssue({ code: "custom", message: `Enter ${label} as a percentage from 0 to 100.` });
        return z.NEVER;
      }
      return basisPoints;
    });

export const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true");

export const id = z.string().trim().regex(RECORD_ID, "This form refers to a record that doesn't exist; reload the page.");

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date, yyyy-mm-dd, that exists (2027-02-30 does not). */
export const calendarDate = (label: string) =>
  z
    .string({ error: `Enter ${label} as a date, like 2027-01-15.` })
    .trim()
    .refine((value) => ISO_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
      message: `Enter ${label} as a date that exists, like 2027-01-15.`,
    });

/** An ECCN read by its grammar (lib/licensing/eccn.ts), refused with the parser's message; as written or as its base code. */
export const eccnCode = (part: "normalized" | "base" = "normalized") =>
  z
    .string()
    .trim()
    .max(40, "An ECCN is at most 40 characters.")
    .transform((value, ctx) => {
      const parsed = parseEccn(value);
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: parsed.message });
        return z.NEVER;
      }
      return parsed.eccn[part];
    });
