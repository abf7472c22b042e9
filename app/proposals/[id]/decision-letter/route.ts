// The financing decision letter as PDF, for whoever may read the proposal.
import { db } from "@/lib/db";
import { decisionLetter } from "@/lib/financing/letter";
import { errorResponse } from "@/lib/http";
import { requireActor } from "@/lib/session";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireActor("proposal:read");
    const { id } = await params;
    const { filename, pdf } = await decisionLetter(db(), actor, id);
    return new Response(Buffer.from(pdf), {
      headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "private, no-store" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
