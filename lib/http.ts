// Route handlers answer JSON with the same failures the forms describe.
import "server-only";
import { BusyError, ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";

/** BigInt money goes out as a string of cents: exact, and valid JSON. */
export function json(body: unknown, init?: ResponseInit): Response {
  return new Response(JSON.stringify(body, (_key, value) => (typeof value === "bigint" ? value.toString() : value)), {
    ...init,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...init?.headers },
  });
}

export function errorResponse(error: unknown): Response {
  if (error instanceof UnauthenticatedError) return json({ error: "Sign in first." }, { status: 401 });
  if (error instanceof ForbiddenError) return json({ error: error.message }, { status: 403 });
  if (error instanceof NotFoundError) return json({ error: error.message }, { status: 404 });
  if (error instanceof BusyError) return json({ error: error.message }, { status: 503, headers: { "retry-after": "2" } });
  console.error("Route handler failed", error);
  return json({ error: "Something went wrong on our side." }, { status: 500 });
}

export type InputProblem = { field: string | null; message: string };

/** Malformed input: 400 with a problem per field. */
export function inputProblems(problems: InputProblem[], status = 400): Response {
  return json({ error: status === 413 ? "The request body is too large." : "The request has problems; see the list.", problems }, { status });
}

/** Problems from a zod error, one per field (first message each). */
export function problemsOf(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): InputProblem[] {
  const seen = new Set<string>();
  const problems: InputProblem[] = [];
  for (const issue of issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join(".") : null;
    const key = field ?? "";
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ field, message: issue.message });
  }
  return problems;
}

/**
 * The request's JSON object, or the Response that refuses it: 413 above
 * `maxBytes`, 400 when it isn't a JSON object.
 */
export async function readJsonObject(request: Request, maxBytes = 16 * 1024): Promise<Record<string, unknown> | Response> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return inputProblems([{ field: null, message: `Send at most ${maxBytes} bytes.` }], 413);
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) return inputProblems([{ field: null, message: `Send at most ${maxBytes} bytes.` }], 413);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return inputProblems([{ field: null, message: "The body is not valid JSON." }]);
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return inputProblems([{ field: null, message: "Send a JSON object." }]);
  }
  return body as Record<string, unknown>;
}
