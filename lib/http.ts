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
