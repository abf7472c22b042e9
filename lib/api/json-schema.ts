// JSON Schemas (2020-12, as OpenAPI 3.1 takes them) from zod schemas, for the
// areas that contribute paths to the OpenAPI document (lib/api/openapi.ts).
import { z } from "zod";

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
