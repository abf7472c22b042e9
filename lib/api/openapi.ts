// The public API's OpenAPI 3.1 document, served at /api/v1/openapi.json. Each
// area contributes its paths (licensing below, financing from lib/financing/openapi.ts); request and response bodies are generated
// from the same zod schemas the routes parse with, so the document can't drift.
import { financingPaths } from "@/lib/financing/openapi";
import { jsonBody, type PathItems } from "./json-schema";
import {
  determinationRequestSchema,
  determinationResponseSchema,
  problemSchema,
  screeningRequestSchema,
  screeningResponseSchema,
} from "@/lib/schemas/api";

export { jsonBody, jsonSchema, type PathItems } from "./json-schema";

const badRequest = { "400": jsonBody(problemSchema, "output", "Malformed input: one problem per field.") };

/** Commerce licensing and screening. */
export const licensingPaths: PathItems = {
  "/api/v1/licensing/determination": {
    post: {
      operationId: "determineLicenses",
      summary: "Which destinations of a package need an export license, and why",
      description:
        "Applies the program's license determination (15 CFR 742.6 and 744.23: advanced-computing items, destination country groups, and the worldwide rule for parties headquartered or owned in country group D:5 or Macau) under the export-control rules version in force, whose number each answer gives as ruleVersion. Public.",
      requestBody: { required: true, ...jsonBody(determinationRequestSchema, "input") },
      responses: { "200": jsonBody(determinationResponseSchema, "output", "One answer per destination."), ...badRequest },
    },
  },
  "/api/v1/screening": {
    post: {
      operationId: "screenNames",
      summary: "Screen names against the Consolidated Screening List",
      description:
        "Fuzzy-matches each name (after normalizing case, punctuation, diacritics, legal suffixes and word order) against the names and aliases of the list in force, and answers the entries scoring at or above the program's threshold (0-100). Public, limited per client per minute.",
      requestBody: { required: true, ...jsonBody(screeningRequestSchema, "input") },
      responses: {
        "200": jsonBody(screeningResponseSchema, "output", "The matches of each name, best first."),
        ...badRequest,
        "429": jsonBody(problemSchema, "output", "Too many requests from this client; see Retry-After."),
      },
    },
  },
};

/** Every area's paths; an area adds its own export to this list. */
const AREAS: PathItems[] = [licensingPaths, financingPaths];

export function openApiDocument(serverUrl?: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "American AI Exports portal API",
      version: "1.0.0",
      description: "Checks a consortium's compliance tools can run before filing a package.",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    paths: Object.assign({}, ...AREAS),
  };
}
