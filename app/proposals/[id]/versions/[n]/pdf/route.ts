// A submitted version of a proposal as PDF, made from its frozen snapshot.
import { db } from "@/lib/db";
import { errorResponse } from "@/lib/http";
import { readSubmission, submissionFileName, submissionPdf } from "@/lib/proposals/submission-files";
import { requireActor } from "@/lib/session";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; n: string }> }) {
  try {
    const actor = await requireActor("proposal:read");
    const { id, n } = await params;
    const submission = await readSubmission(db(), actor, id, n);
    const pdf = await submissionPdf(submission);
    return new Response(Buffer.from(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${submissionFileName(submission, "pdf")}"`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
