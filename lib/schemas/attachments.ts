// Inputs of the attachments step: one schema each, shared by the form and the server.
import { z } from "zod";
import { ATTACHMENT_KINDS, REFUSAL_REASONS, type AttachmentKind } from "@/lib/attachments/rules";
import { id } from "./fields";

const KINDS = Object.keys(ATTACHMENT_KINDS) as [AttachmentKind, ...AttachmentKind[]];

/** The text fields that travel with an uploaded file. */
export const attachmentFieldsSchema = z.object({
  kind: z.enum(KINDS, { error: "Choose what the document is." }),
});

export const removeAttachmentSchema = z.object({ proposalId: id, documentId: id });

/**
 * What the upload route tells the page after a refused upload (it answers with a
 * redirect, so the form works without JavaScript): codes, never free text, so a
 * crafted link can't put words of its own on the page.
 */
export const uploadOutcomeSchema = z.object({
  notice: z.enum(["uploaded", "removed"]).optional().catch(undefined),
  fileError: z.enum([...REFUSAL_REASONS, "locked"]).optional().catch(undefined),
  file: z.string().max(300).optional().catch(undefined),
  detected: z.string().regex(/^[a-z0-9]{1,12}$/).optional().catch(undefined),
  kind: z.enum(KINDS).optional().catch(undefined),
  kindError: z.literal("1").optional().catch(undefined),
});
export type UploadOutcome = z.output<typeof uploadOutcomeSchema>;
