// An administrator's new dated version of a reference table (CIRR or exposure-fee grid).
import { z } from "zod";
import { ReferenceTableKind } from "@/lib/generated/prisma/enums";
import { calendarDate, optionalText } from "./fields";

export const referenceVersionSchema = z.object({
  kind: z.enum(ReferenceTableKind, { error: "Choose the table." }),
  effectiveFrom: calendarDate("the date the version takes effect"),
  data: z
    .string({ error: "Enter the table as JSON." })
    .trim()
    .min(1, "Enter the table as JSON.")
    .max(100_000, "The table must be 100,000 characters or fewer.")
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "The table is not valid JSON; check brackets, commas and quotes." });
        return z.NEVER;
      }
    }),
  note: optionalText("the note", 500),
});
export type ReferenceVersionInput = z.output<typeof referenceVersionSchema>;
