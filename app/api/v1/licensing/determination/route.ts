// Public: the license determination for a package, as the portal applies it.
import { parseJsonBody, problemResponse } from "@/lib/api/http";
import { db } from "@/lib/db";
import { json } from "@/lib/http";
import { determineForApi } from "@/lib/licensing/api";
import { determinationRequestSchema } from "@/lib/schemas/api";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    const input = await parseJsonBody(request, determinationRequestSchema);
    return json(await determineForApi(db(), input));
  } catch (error) {
    return problemResponse(error);
  }
}
