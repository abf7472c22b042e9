// The public API's doors: JSON in, JSON out, and a 400 with a problem per field
// for anything malformed; never a 500 for bad input.
import "server-only";
import type { z } from "zod";
import { json } from "@/lib/http";

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problems: Array<{ field: string; message: string }> = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiProblem";
  }
}

/** Reads a JSON body and parses it with the input's schema; throws ApiProblem(400) otherwise. */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new ApiProblem(400, "The request body must be JSON.", [{ field: "(body)", message: "Send a JSON object with the content-type application/json." }]);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiProblem(
      400,
      "The request has problems.",
      parsed.error.issues.map((issue) => ({ field: issue.path.join(".") || "(body)", message: issue.message })),
    );
  }
  return parsed.data;
}

export function problemResponse(error: unknown): Response {
  if (error instanceof ApiProblem) {
    return json({ error: error.message, ...(error.problems.length ? { problems: error.problems } : {}) }, { status: error.status, headers: error.headers });
  }
  console.error("API request failed", error);
  return json({ error: "Something went wrong on our side." }, { status: 500 });
}
