// A submitted version as a ZIP: its PDF and every attachment it named, streamed.
import { db } from "@/lib/db";
import { errorResponse } from "@/lib/http";
import { readSubmission, submissionFileName, submissionZip } from "@/lib/proposals/submission-files";
import { attachmentStorage } from "@/lib/storage";
import { requireActor } from "@/lib/session";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; n: string }> }) {
  try {
    const actor = await requireActor("proposal:read");
    const { id, n } = await params;
    const client = db();
    const submission = await readSubmission(client, actor, id, n);
    const zip = await submissionZip(client, attachmentStorage(), submission);
    return new Response(zip, {
      headers: {
        "content-type": "application/zip",
        "content-disposition": `attachment; filename="${submissionFileName(submission, "zip")}"`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
