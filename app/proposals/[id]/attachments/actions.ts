"use server";
// Thin doors to the attachments step's services (uploads post to ./upload, a route handler that streams).
import { runFormActionThenRedirect } from "@/lib/actions";
import { removeAttachment } from "@/lib/attachments/service";
import { db } from "@/lib/db";
import type { FormState } from "@/lib/forms";
import { removeAttachmentSchema } from "@/lib/schemas/attachments";

export async function removeAttachmentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormActionThenRedirect(formData, "proposal:update", removeAttachmentSchema, async (actor, input) => {
    await removeAttachment(db(), actor, input);
    return `/proposals/${input.proposalId}/attachments?notice=removed`;
  });
}
