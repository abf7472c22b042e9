// The portal's OpenAPI 3.1 document, served at /api/v1/openapi.json. Each area
// contributes its paths (lib/<area>/openapi.ts) with the zod schemas its routes
// parse and answer with; the JSON Schemas are generated from them (zod's
// toJSONSchema), so the document can't drift from the code.
import { z } from "zod";
import { financingApiPaths } from "@/lib/financing/openapi";

type Method = "get" | "post" | "put" | "patch" | "delete";

export type ApiResponse = { description: string; schema?: z.ZodType; headers?: Record<string, { description: string; schema: { type: string } }> };

export type ApiOperation = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  /** Public operations need no session. */
  public?: boolean;
  parameters?: Array<{ name: string; in: "path" | "query"; required?: boolean; description?: string; schema: Record<string, unknown> }>;
  requestBody?: { description?: string; schema: z.ZodType };
  responses: Record<string, ApiResponse>;
};

export type ApiPaths = Record<string, Partial<Record<Method, ApiOperation>>>;

/** Every area's paths. An area adds its own entry here. */
export const API_AREAS: readonly ApiPaths[] = [financingApiPaths];

type JsonObject = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output", components: JsonObject): JsonObject {
  const generated = z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "any" }) as JsonObject;
  const text = JSON.stringify(generated).replaceAll('"#/$defs/', '"#/components/schemas/');
  const parsed = JSON.parse(text) as JsonObject & { $defs?: JsonObject };
  Object.assign(components, parsed.$defs ?? {});
  delete parsed.$defs;
  delete parsed.$schema;
  return parsed;
}

export function openApiDocument(areas: readonly ApiPaths[] = API_AREAS, serverUrl = "/"): JsonObject {
  const schemas: JsonObject = {};
  const paths: JsonObject = {};
  for (const area of areas) {
    for (const [path, operations] of Object.entries(area)) {
      const item: JsonObject = (paths[path] as JsonObject | undefined) ?? {};
      for (const [method, op] of Object.entries(operations) as Array<[Method, ApiOperation]>) {
        item[method] = {
          operationId: op.operationId,
          summary: op.summary,
          ...(op.description ? { description: op.description } : {}),
          tags: op.tags,
          ...(op.public ? { security: [] } : {}),
          ...(op.parameters ? { parameters: op.parameters } : {}),
          ...(op.requestBody
            ? {
                requestBody: {
                  required: true,
                  ...(op.requestBody.description ? { description: op.requestBody.description } : {}),
                  content: { "application/json": { schema: jsonSchema(op.requestBody.schema, "input", schemas) } },
                },
              }
            : {}),
          responses: Object.fromEntries(
            Object.entries(op.responses).map(([status, response]) => [
              status,
              {
                description: response.description,
                ...(response.headers ? { headers: response.headers } : {}),
                ...(response.schema ? { content: { "application/json": { schema: jsonSchema(response.schema, "output", schemas) } } } : {}),
              },
            ]),
          ),
        };
      }
      paths[path] = item;
    }
  }
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "American AI Exports portal API",
      version: "1.0.0",
      description: "Amounts are US dollars as decimal strings with two decimals (\"150000000.00\"), never floating-point numbers.",
    },
    servers: [{ url: serverUrl }],
    components: {
      schemas,
      securitySchemes: { session: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "The portal's signed-in session (Auth.js cookie; \"__Secure-\" prefixed over HTTPS)." } },
    },
    security: [{ session: [] }],
    paths,
  };
}
