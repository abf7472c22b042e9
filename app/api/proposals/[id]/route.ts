// A proposal as JSON: the same service and the same policy as the proposal page.
import { db } from "@/lib/db";
import { errorResponse, json } from "@/lib/http";
import { getProposal } from "@/lib/proposals/service";
import { requireActor } from "@/lib/session";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireActor("proposal:read");
    const { id } = await params;
    const { proposal } = await getProposal(db(), actor, id);
    return json({ proposal });
  } catch (error) {
    return errorResponse(error);
  }
}
