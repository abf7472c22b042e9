// Downloads an attachment, streamed from storage, for whoever may read the proposal.
import { contentDisposition } from "@/lib/attachments/rules";
import { openAttachment } from "@/lib/attachments/service";
import { db } from "@/lib/db";
import { errorResponse } from "@/lib/http";
import { attachmentStorage } from "@/lib/storage";
import { requireActor } from "@/lib/session";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; documentId: string }> }) {
  try {
    const actor = await requireActor("proposal:read");
    const { id, documentId } = await params;
    const { document, body } = await openAttachment(db(), attachmentStorage(), actor, id, documentId);
    return new Response(body, {
      headers: {
        "content-type": document.contentType,
        "content-length": String(document.sizeBytes),
        "content-disposition": contentDisposition(document.fileName),
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
