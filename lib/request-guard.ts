// What the proxy refuses before Next.js sees a request. Malformed input is the
// client's fault and answers 4xx here; without these checks Next.js, Auth.js or
// React's reply decoder would throw on it and answer 500.
//
// Server actions follow one portal convention: every action is a form action, so
// its last declared parameter is the form's FormData (`(previous, formData)` for
// `useActionState` forms, `(formData)` or nothing for plain forms). The action id
// itself says how many parameters the action declares (its first byte is a mask of
// used arguments), so a call whose arguments don't fit answers 400 here.

/** The largest request body the portal reads: server actions and route handlers alike. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** The same limit in the notation of next.config's `serverActions.bodySizeLimit`. */
export const BODY_SIZE_LIMIT = "1mb";

export const ALLOWED_METHODS = ["GET", "HEAD", "POST"] as const;

export type Rejection = { status: 400 | 403 | 404 | 405 | 411 | 413; reason: string };

type Options = {
  /** Ids of the server actions the build contains; null when unknown (every well-formed id passes). */
  actionIds: ReadonlySet<string> | null;
};

const reject = (status: Rejection["status"], reason: string): Rejection => ({ status, reason });

const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
const ACTION_ID = /^[0-9a-f]{42}$/;
/** React's reply encoding: "$K<n>" is a FormData whose fields carry the prefix "<n>_". */
const FORM_DATA_REFERENCE = /^\$K[0-9a-f]+$/;
/** Plain values React may encode in a reply; every other "$..." string is a reference. */
const PLAIN_SPECIAL = /^(?:\$\$.*|\$undefined|\$NaN|\$Infinity|\$-Infinity|\$-0|\$n-?\d+|\$D.+)$/s;

export function isDecodablePath(path: string): boolean {
  try {
    decodeURIComponent(path);
    return !path.includes("%00");
  } catch {
    return false;
  }
}

/** Host, X-Forwarded-Host and X-Forwarded-Proto build absolute URLs (Auth.js, the action CSRF check): they must be well formed. */
function checkHostHeaders(headers: Headers): Rejection | null {
  const host = headers.get("host");
  if (host !== null && !HOST.test(host)) return reject(400, "malformed Host header");
  const forwardedHost = headers.get("x-forwarded-host");
  if (forwardedHost !== null && !HOST.test(forwardedHost)) return reject(400, "malformed X-Forwarded-Host header");
  const proto = headers.get("x-forwarded-proto");
  if (proto !== null && proto !== "http" && proto !== "https") return reject(400, "malformed X-Forwarded-Proto header");
  return null;
}

/** The origin check Next.js applies to actions, answered 400/403 instead of a thrown error. */
function checkOrigin(headers: Headers): Rejection | null {
  const origin = headers.get("origin");
  if (origin === null) return null; // a hand-made request: it carries no browser's credentials by accident
  if (origin === "null") return reject(403, "post from an opaque origin");
  let originHost: string;
  try {
    const url = new URL(origin);
    if (url.protocol !== "http:" && url.protocol !== "https:") return reject(400, "malformed Origin header");
    originHost = url.host;
  } catch {
    return reject(400, "malformed Origin header");
  }
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  return host && originHost === host ? null : reject(403, "cross-origin post");
}

/**
 * Next.js parses the Next-Router-State-Tree header as JSON describing the client's
 * router state, and fails with a 500 on anything else. Next.js hides this header
 * from the proxy, so the server in front of it checks it (checkBeforeNext).
 */
function isValidRouterStateHeader(value: string): boolean {
  if (value.length > 40_000) return false;
  try {
    return isRouterState(JSON.parse(decodeURIComponent(value)), 0);
  } catch {
    return false;
  }
}

const PARAM_TYPES = new Set(["c", "ci(..)(..)", "ci(.)", "ci(..)", "ci(...)", "oc", "d", "di(..)(..)", "di(.)", "di(..)", "di(...)"]);
const REFRESH_MARKERS = new Set(["refetch", "inside-shared-layout", "metadata-only"]);
const isString = (value: unknown): value is string => typeof value === "string";

/** The shape Next.js accepts: [segment, children, url?, refresh?, number?, string?]. */
function isRouterState(value: unknown, depth: number): boolean {
  if (depth > 64 || !Array.isArray(value) || value.length < 2 || value.length > 6) return false;
  const [segment, children, url, refresh, index, extra] = value as unknown[];
  const segmentOk =
    isString(segment) ||
    (Array.isArray(segment) && segment.length === 4 && isString(segment[0]) && isString(segment[1]) && PARAM_TYPES.has(segment[2] as string) &&
      (segment[3] === null || (Array.isArray(segment[3]) && segment[3].every(isString))));
  return (
    segmentOk &&
    isPlainObject(children) &&
    Object.values(children).every((child) => isRouterState(child, depth + 1)) &&
    (url === undefined || url === null || (Array.isArray(url) && url.length === 2 && url.every(isString))) &&
    (refresh === undefined || refresh === null || REFRESH_MARKERS.has(refresh as string)) &&
    (index === undefined || index === null || typeof index === "number") &&
    (extra === undefined || isString(extra))
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True when a decoded reply value holds no reference to another part of the payload. */
function isPlainValue(value: unknown, depth = 0): boolean {
  if (depth > 20) return false;
  if (typeof value === "string") return !value.startsWith("$") || PLAIN_SPECIAL.test(value);
  if (Array.isArray(value)) return value.every((item) => isPlainValue(item, depth + 1));
  if (isPlainObject(value)) return Object.values(value).every((item) => isPlainValue(item, depth + 1));
  return true;
}

/** How many parameters the action declares, from the argument mask in its id; null with rest parameters. */
export function declaredParameters(actionId: string): number | null {
  const info = Number.parseInt(actionId.slice(0, 2), 16);
  if (info & 0x1) return null;
  const mask = (info >> 1) & 0x3f;
  let count = 0;
  for (let index = 0; index < 6; index++) if ((mask >> (5 - index)) & 0x1) count = index + 1;
  return count;
}

/** The arguments of an action call: as many as declared, the last one the form. */
function checkArguments(actionId: string, args: unknown, form: FormData | null): Rejection | null {
  if (!Array.isArray(args)) return reject(400, "action arguments are not a list");
  const declared = declaredParameters(actionId);
  if (declared === null) return args.every((arg) => isPlainValue(arg)) ? null : reject(400, "unexpected reference in action arguments");
  if (args.length !== declared) return reject(400, `action takes ${declared} arguments, got ${args.length}`);
  if (declared === 0) return null;
  const last = args[declared - 1];
  if (typeof last !== "string" || !FORM_DATA_REFERENCE.test(last) || form === null) return reject(400, "action called without its form");
  if (!args.slice(0, -1).every((arg) => isPlainValue(arg))) return reject(400, "unexpected reference in action arguments");
  return null;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

async function readForm(body: Uint8Array<ArrayBuffer>, contentType: string): Promise<FormData | null> {
  if (!/^multipart\/form-data;\s*boundary=\S+/i.test(contentType)) return null;
  try {
    return await new Response(body, { headers: { "content-type": contentType } }).formData();
  } catch {
    return null;
  }
}

function checkActionId(id: string, options: Options): Rejection | null {
  if (!ACTION_ID.test(id)) return reject(400, "malformed action id");
  if (options.actionIds && !options.actionIds.has(id)) return reject(404, "unknown action");
  return null;
}

/** A call from the page's JavaScript: `Next-Action: <id>`, arguments encoded by React. */
async function checkFetchAction(actionId: string, contentType: string, body: Uint8Array<ArrayBuffer>, options: Options): Promise<Rejection | null> {
  const idProblem = checkActionId(actionId, options);
  if (idProblem) return idProblem;
  if (/^multipart\/form-data/i.test(contentType)) {
    const form = await readForm(body, contentType);
    if (!form) return reject(400, "unreadable multipart body");
    const first = form.get("0");
    const args = typeof first === "string" ? parseJson(first) : { ok: false as const };
    return args.ok ? checkArguments(actionId, args.value, form) : reject(400, "unreadable action arguments");
  }
  if (/^text\/plain\b/i.test(contentType)) {
    const args = parseJson(new TextDecoder().decode(body));
    return args.ok ? checkArguments(actionId, args.value, null) : reject(400, "unreadable action arguments");
  }
  return reject(400, "action body is neither a form nor React's text encoding");
}

/**
 * A form posted to a page without JavaScript: Next.js treats it as an action call,
 * named by an `$ACTION_ID_<id>` field or (with bound arguments) `$ACTION_REF_<n>`
 * fields, and refuses one that names none.
 */
function checkFormPostAction(form: FormData, options: Options): Rejection | null {
  const keys = [...form.keys()];
  const references = keys.filter((k) => k.startsWith("$ACTION_REF_"));
  if (!keys.some((k) => k.startsWith("$ACTION_ID_")) && references.length === 0) return reject(400, "form post that names no action");
  if (references.length > 2) return reject(400, "too many action references");
  for (const key of keys) {
    if (key.startsWith("$ACTION_ID_")) {
      const id = key.slice("$ACTION_ID_".length);
      const problem = checkActionId(id, options);
      if (problem) return problem;
      // Next.js calls it with the form alone.
      if ((declaredParameters(id) ?? 1) > 1) return reject(400, "action needs more than the form");
    }
  }
  for (const key of references) {
    const prefix = `$ACTION_${key.slice("$ACTION_REF_".length)}:`;
    const heads = form.getAll(`${prefix}0`);
    const head = heads.length === 1 ? heads[0] : null;
    const reference = typeof head === "string" && head.startsWith('{"id":"') ? parseJson(head) : { ok: false as const };
    if (!reference.ok || !isPlainObject(reference.value) || typeof reference.value.id !== "string") return reject(400, "malformed action reference");
    const problem = checkActionId(reference.value.id, options);
    if (problem) return problem;
    const { bound } = reference.value;
    let boundCount = 0;
    if (bound !== null && bound !== undefined) {
      const part = typeof bound === "string" && /^\$@[0-9a-f]+$/.test(bound) ? form.get(`${prefix}${Number.parseInt(bound.slice(2), 16)}`) : null;
      const values = typeof part === "string" ? parseJson(part) : { ok: false as const };
      if (!values.ok || !Array.isArray(values.value) || !isPlainValue(values.value)) return reject(400, "malformed bound arguments");
      boundCount = values.value.length;
    }
    const declared = declaredParameters(reference.value.id);
    if (declared !== null && declared > 0 && boundCount + 1 !== declared) return reject(400, "action arguments don't fit");
  }
  return null;
}

/** The Auth.js endpoints the portal uses (credentials sign-in only); Auth.js logs an error for any other. */
const AUTH_ENDPOINTS: Record<string, readonly string[]> = {
  GET: ["session", "csrf", "providers", "signin", "signout", "error"],
  HEAD: ["session", "csrf", "providers", "signin", "signout", "error"],
  POST: ["session", "signin/credentials", "signout", "callback/credentials"],
};

function checkAuthEndpoint(method: string, pathname: string): Rejection | null {
  if (!pathname.startsWith("/api/auth/") && pathname !== "/api/auth") return null;
  const endpoint = pathname.slice("/api/auth/".length).replace(/\/$/, "");
  return AUTH_ENDPOINTS[method]?.includes(endpoint) ? null : reject(404, "no such sign-in endpoint");
}

/** The body, or "too large" past `MAX_BODY_BYTES`. */
async function readBody(request: Request): Promise<Uint8Array<ArrayBuffer> | "too large"> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    // Read on to the end (Next.js stops cloning at its own limit): a cancelled
    // clone would leave the request waiting on a body nobody reads.
    if (size <= MAX_BODY_BYTES) chunks.push(value);
  }
  if (size > MAX_BODY_BYTES) return "too large";
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * Null when the request may go on to Next.js; otherwise the 4xx to answer.
 * Reads the body (of a clone) only for posts that need it: actions, forms and bodies without a length.
 */
export async function checkRequest(request: Request, pathname: string, options: Options): Promise<Rejection | null> {
  const method = request.method.toUpperCase();
  if (!(ALLOWED_METHODS as readonly string[]).includes(method)) return reject(405, `method ${method.slice(0, 20)} not allowed`);
  if (!isDecodablePath(pathname)) return reject(404, "path is not valid percent-encoding");
  const { headers } = request;
  const problem = checkHostHeaders(headers) ?? checkAuthEndpoint(method, pathname);
  if (problem) return problem;
  const actionId = headers.get("next-action");
  if (method !== "POST") {
    return actionId === null ? null : reject(400, "Next-Action header on a request that isn't a post");
  }

  const originProblem = checkOrigin(headers);
  if (originProblem) return originProblem;
  const length = headers.get("content-length");
  if (length !== null) {
    if (!/^\d+$/.test(length)) return reject(400, "malformed Content-Length");
    if (Number(length) > MAX_BODY_BYTES) return reject(413, "body larger than the limit");
  }
  const contentType = headers.get("content-type") ?? "";
  const isForm = /^multipart\/form-data/i.test(contentType);
  if (actionId === null && !isForm && length !== null) return null; // route handlers parse their own bodies

  const body = await readBody(request.clone());
  if (body === "too large") return reject(413, "body larger than the limit");
  if (actionId !== null) return checkFetchAction(actionId, contentType, body, options);
  if (!isForm) return null;
  const form = await readForm(body, contentType);
  if (!form) return reject(400, "unreadable multipart body");
  return pathname.startsWith("/api/") ? null : checkFormPostAction(form, options);
}

/**
 * Attachment uploads are the one post larger than `MAX_BODY_BYTES`. Next.js
 * buffers the body of every request the proxy sees, so the upload route is kept
 * out of the proxy's matcher (proxy.ts) and streams the body itself; this is the
 * part of `checkRequest` it runs first: well-formed host headers, and a post from
 * the portal's own pages only (the same-origin check that guards server actions
 * against cross-site request forgery).
 */
export const UPLOAD_PATH = /^\/proposals\/[^/]+\/attachments\/upload$/;

export function checkUploadPost(request: Request): Rejection | null {
  const { headers } = request;
  if (request.method.toUpperCase() !== "POST") return reject(405, "uploads are posted");
  const problem = checkHostHeaders(headers) ?? checkOrigin(headers);
  if (problem) return problem;
  if (headers.get("sec-fetch-site") === "cross-site") return reject(403, "cross-site post");
  const length = headers.get("content-length");
  if (length !== null && !/^\d+$/.test(length)) return reject(400, "malformed Content-Length");
  if (headers.get("next-action") !== null) return reject(400, "an upload is not a server action");
  return null;
}

/**
 * What the Node server in front of Next.js (scripts/serve.ts) refuses, because
 * Next.js fails on it before the proxy runs: methods the Fetch standard forbids,
 * a request target that isn't a path ("*", an absolute URL), and a malformed
 * Next-Router-State-Tree header (which Next.js hides from the proxy).
 */
export function checkBeforeNext(method: string, target: string, routerState: string | string[] | undefined): Rejection | null {
  if (["TRACE", "TRACK"].includes(method.toUpperCase())) return reject(405, "method forbidden by the Fetch standard");
  if (!target.startsWith("/")) return reject(400, "request target is not a path");
  if (routerState !== undefined && (typeof routerState !== "string" || !isValidRouterStateHeader(routerState))) {
    return reject(400, "malformed Next-Router-State-Tree header");
  }
  return null;
}
