// Public, as trade.gov's own search is: names screened against the list in force,
// limited per client.
import { parseJsonBody, problemResponse } from "@/lib/api/http";
import { db } from "@/lib/db";
import { json } from "@/lib/http";
import { clientAddressOf } from "@/lib/identity/client";
import { screeningRequestSchema } from "@/lib/schemas/api";
import { screenNamesForApi } from "@/lib/screening/service";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  try {
    const client = db();
    const input = await parseJsonBody(request, screeningRequestSchema);
    return json(await screenNamesForApi(client, clientAddressOf(request.headers) ?? "unknown", input.names));
  } catch (error) {
    return problemResponse(error);
  }
}
