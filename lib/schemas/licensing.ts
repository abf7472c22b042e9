// Inputs of the license reviewer's workbench: taking a request, declaring a conflict.
import { z } from "zod";
import { id, optionalText } from "./fields";

export const assignToMeSchema = z.object({ licenseRequestId: id });

export const declareConflictSchema = z.object({
  organizationId: z.string({ error: "Choose the organization." }).trim().min(1, "Choose the organization.").pipe(id),
  note: optionalText("the note", 1000),
});

export const withdrawConflictSchema = z.object({ conflictId: id });
