// The public API's OpenAPI 3.1 document, served at /api/v1/openapi.json. Each
// area contributes its paths (here, lib/financing/openapi.ts); request and
// response bodies are generated from the same zod schemas the routes parse with,
// so the document can't drift.
import { z } from "zod";
import { financingPaths } from "@/lib/financing/openapi";

type Schema = Record<string, unknown>;
type Operation = Record<string, unknown>;
export type PathItems = Record<string, Record<string, Operation>>;

/** A JSON Schema for an OpenAPI 3.1 document (JSON Schema 2020-12) from a zod schema. */
export function jsonSchema(schema: z.ZodType, io: "input" | "output"): Schema {
  const generated = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Schema;
  delete generated.$schema;
  return generated;
}

export const jsonBody = (schema: z.ZodType, io: "input" | "output", description?: string) => ({
  ...(description ? { description } : {}),
  content: { "application/json": { schema: jsonSchema(schema, io) } },
});

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
