// Inputs of the license reviewer's workbench: taking a request, declaring a conflict.
import { z } from "zod";
import { eccnCode, id, optionalText } from "./fields";

export const assignToMeSchema = z.object({ licenseRequestId: id });

export const declareConflictSchema = z.object({
  organizationId: z.string({ error: "Choose the organization." }).trim().min(1, "Choose the organization.").pipe(id),
  note: optionalText("the note", 1000),
});

export const withdrawConflictSchema = z.object({ conflictId: id });

/** How the queue can be ordered: the clock (default), or by registration. */
export const QUEUE_SORTS = { due: "Closest to the review target first", oldest: "Registered longest ago first", newest: "Registered most recently first" } as const;
export const QUEUE_AGES = { "30": "Registered over 30 days ago", "60": "Registered over 60 days ago", "90": "Registered over 90 days ago (overdue)" } as const;

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/**
 * The queue's filters and sort, from the address bar: a value that isn't one of
 * the choices is ignored (the unfiltered queue), never an error.
 */
export const licenseQueueQuerySchema = z.object({
  status: z.enum(["PENDING", "APPROVED", "APPROVED_WITH_CONDITIONS", "PARTIALLY_APPROVED", "DENIED", "RETURNED_WITHOUT_ACTION"]).catch("PENDING").default("PENDING"),
  destination: optional(z.string().regex(/^[A-Z]{2}$/)),
  eccn: optional(eccnCode("base")),
  age: optional(z.enum(Object.keys(QUEUE_AGES) as [keyof typeof QUEUE_AGES])),
  assigned: optional(z.enum(["me", "none"])),
  hits: optional(z.literal("yes")),
  sort: z.enum(Object.keys(QUEUE_SORTS) as [keyof typeof QUEUE_SORTS]).catch("due").default("due"),
  after: optional(z.string().max(512)),
  before: optional(z.string().max(512)),
});
export type LicenseQueueQuery = z.output<typeof licenseQueueQuerySchema>;
