// The public API's OpenAPI 3.1 document, served at /api/v1/openapi.json. Each
// area contributes its paths (here, lib/financing/openapi.ts); request and
// response bodies are generated from the same zod schemas the routes parse with,
// so the document can't drift.
import { financingPaths } from "@/lib/financing/openapi";
import type { PathItems } from "./json-schema";

export { jsonBody, jsonSchema, type PathItems } from "./json-schema";

/** Every area's paths; an area adds its own export to this list. */
const AREAS: PathItems[] = [financingPaths];

export function openApiDocument(serverUrl?: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "American AI Exports portal API",
      version: "1.0.0",
      description: "Public checks and estimates. Amounts are US dollars as decimal strings with two decimals (\"150000000.00\"), never floating-point numbers.",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    paths: Object.assign({}, ...AREAS),
  };
}
