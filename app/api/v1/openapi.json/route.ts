// Public: the API's OpenAPI 3.1 document, generated from the routes' schemas.
import { openApiDocument } from "@/lib/api/openapi";
import { json } from "@/lib/http";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return json(openApiDocument(new URL(request.url).origin), { headers: { "cache-control": "public, max-age=300" } });
}
