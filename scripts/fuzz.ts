// `npm run fuzz -- --url http://localhost:3000 --requests 10000 [--seed 1] [--concurrency 4] [--max-seconds 900]`
//
// Sends a seeded-random mix of malformed requests to every page, route handler
// and server action of a running portal (loopback only), signed out and signed in
// as each demo account. Prints the answers by status class and the first 5xx with
// the request behind them; exits 1 when any request answered 5xx (or timed out).
import { readFileSync, existsSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { parseArgs } from "node:util";
import { totpCode } from "../lib/identity/totp";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../prisma/seed/demo";

const { values: args } = parseArgs({
  options: {
    url: { type: "string", default: "http://localhost:3000" },
    requests: { type: "string", default: "2000" },
    seed: { type: "string", default: "1" },
    concurrency: { type: "string", default: "4" },
    "max-seconds": { type: "string", default: "900" },
    show: { type: "string", default: "5" },
  },
});

const base = new URL(args.url!);
if (!["localhost", "127.0.0.1", "[::1]"].includes(base.hostname)) {
  console.error("The fuzz only runs against a portal on this machine (localhost, 127.0.0.1 or [::1]).");
  process.exit(2);
}
const TOTAL = Number(args.requests);
const CONCURRENCY = Number(args.concurrency);
const DEADLINE = Date.now() + Number(args["max-seconds"]) * 1000;
const REQUEST_TIMEOUT_MS = 30_000;

/** mulberry32: small, fast and reproducible for a given --seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(Number(args.seed));
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
const chance = (p: number) => random() < p;

type Fuzzed = { method: string; path: string; headers: Record<string, string>; body?: Buffer; raw?: Buffer; label: string };
type Answer = { status: number; error?: string };

// ---------------------------------------------------------------- plain HTTP

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const quietSockets = new WeakSet<object>();

function send(request: Fuzzed): Promise<Answer & { headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve) => {
    const req = http.request(
      { host: base.hostname.replace(/^\[|\]$/g, ""), port: base.port || 80, method: request.method, path: request.path, headers: request.headers, agent, insecureHTTPParser: true },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          if (size < 2_000_000) chunks.push(chunk);
          size += chunk.length;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", (error) => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: "", error: error.message }));
      },
    );
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error("timeout")));
    // A server may answer (413, say) and close before a large body is written:
    // the write then fails after the answer is in, with no request left to hear it.
    req.on("socket", (socket) => {
      if (!quietSockets.has(socket)) {
        quietSockets.add(socket);
        socket.on("error", () => undefined);
      }
    });
    req.on("error", (error) => resolve({ status: 0, headers: {}, text: "", error: error.message }));
    if (request.body) req.write(request.body);
    req.end();
  });
}

/** Bytes as written, for what Node's client refuses to send (bad lengths, bad header bytes). */
function sendRaw(bytes: Buffer): Promise<Answer> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: base.hostname.replace(/^\[|\]$/g, ""), port: Number(base.port || 80) });
    let received = "";
    const done = (answer: Answer) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(REQUEST_TIMEOUT_MS, () => done({ status: 0, error: "timeout" }));
    socket.on("connect", () => socket.end(bytes));
    socket.on("data", (chunk) => {
      received += chunk.toString("latin1");
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(received);
      if (match) done({ status: Number(match[1]) });
    });
    socket.on("error", (error) => done({ status: 0, error: error.message }));
    // The server closing a bad request without an answer is a refusal, not a 5xx.
    socket.on("close", () => done({ status: received ? 0 : -1, error: received ? "unparsed answer" : "closed without answer" }));
  });
}

// ---------------------------------------------------------------- discovery

function cookiesFrom(headers: http.IncomingHttpHeaders, jar: Map<string, string>) {
  for (const line of headers["set-cookie"] ?? []) {
    const [pair] = line.split(";");
    const at = pair!.indexOf("=");
    jar.set(pair!.slice(0, at), pair!.slice(at + 1));
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

async function signIn(email: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await send({ method: "GET", path: "/api/auth/csrf", headers: {}, label: "" });
  cookiesFrom(csrf.headers, jar);
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
  const body = Buffer.from(new URLSearchParams({ email, password: DEMO_PASSWORD, csrfToken, callbackUrl: "/dashboard" }).toString());
  const answer = await send({
    method: "POST",
    path: "/api/auth/callback/credentials",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar), "content-length": String(body.length) },
    body,
    label: "",
  });
  cookiesFrom(answer.headers, jar);
  if (![...jar.keys()].some((k) => k.endsWith("authjs.session-token"))) throw new Error(`Could not sign in as ${email} (status ${answer.status}).`);
  // Government accounts complete the second step, so their pages are fuzzed signed in.
  const secret = DEMO_ACCOUNTS.find((account) => account.email === email)?.totpSecret;
  if (secret) {
    const code = Buffer.from(JSON.stringify({ code: await totpCode(secret) }));
    const second = await send({
      method: "POST",
      path: "/api/session/second-factor",
      headers: { "content-type": "application/json", cookie: cookieHeader(jar), "content-length": String(code.length) },
      body: code,
      label: "",
    });
    if (second.status !== 200) throw new Error(`The second factor for ${email} was refused (status ${second.status}).`);
  }
  return cookieHeader(jar);
}

const STATIC_PAGES = [
  "/", "/sign-in", "/dashboard", "/proposals", "/proposals/new", "/licensing", "/financing", "/published", "/admin/settings", "/no-such-page",
  "/account", "/account/authenticator", "/consortia", "/consortia/new", "/admin/users", "/admin/mailbox", "/sign-in/second-factor", "/sign-in/authenticator", "/api/session", "/invitations/not-a-real-token-0123456789",
];

async function discover(sessions: string[]) {
  const pages = new Set(STATIC_PAGES);
  const actionIds = new Set<string>();
  const scripts = new Set<string>();
  for (const cookie of sessions) {
    for (const path of ["/proposals", "/licensing", "/financing", "/dashboard", "/published", "/sign-in"]) {
      const { text } = await send({ method: "GET", path, headers: { cookie }, label: "" });
      for (const [, href] of text.matchAll(/href="(\/(?:proposals|licensing|financing)\/[A-Za-z0-9_-]+)"/g)) pages.add(href!);
      for (const [, src] of text.matchAll(/src="(\/_next\/static\/[^"]+\.js)"/g)) scripts.add(src!);
      for (const [, id] of text.matchAll(/\$ACTION_ID_([0-9a-f]{40,42})/g)) actionIds.add(id!);
    }
  }
  for (const path of [...pages].filter((p) => /\/(proposals|licensing|financing)\/[A-Za-z0-9_-]{10,}$/.test(p)).slice(0, 6)) {
    for (const cookie of sessions) {
      const { text } = await send({ method: "GET", path, headers: { cookie }, label: "" });
      for (const [, src] of text.matchAll(/src="(\/_next\/static\/[^"]+\.js)"/g)) scripts.add(src!);
    }
  }
  // Every record also has its JSON route and its review pages (which answer 404 to those without access).
  for (const page of [...pages]) {
    const id = /^\/(?:proposals|licensing|financing)\/([A-Za-z0-9_-]{10,})$/.exec(page)?.[1];
    if (id) for (const path of [`/api/proposals/${id}`, `/proposals/${id}`, `/licensing/${id}`, `/financing/${id}`]) pages.add(path);
  }
  // Action ids are in the client chunks (createServerReference("<id>", ...)).
  for (const src of scripts) {
    const { text } = await send({ method: "GET", path: src, headers: {}, label: "" });
    for (const [, id] of text.matchAll(/createServerReference\)?\(\s*"([0-9a-f]{40,42})"/g)) actionIds.add(id!);
    for (const [, id] of text.matchAll(/"([0-9a-f]{42})"/g)) actionIds.add(id!);
  }
  // A local build's manifest names them all.
  const manifest = ".next/server/server-reference-manifest.json";
  if (existsSync(manifest)) {
    const parsed = JSON.parse(readFileSync(manifest, "utf8")) as { node?: Record<string, unknown> };
    for (const id of Object.keys(parsed.node ?? {})) actionIds.add(id);
  }
  return { pages: [...pages], actionIds: [...actionIds], scripts: [...scripts] };
}

// ---------------------------------------------------------------- generators

const ROUTES = ["/api/health", "/api/proposals/", "/api/auth/session", "/api/auth/csrf", "/api/auth/providers", "/api/auth/signout", "/api/auth/callback/credentials", "/api/auth/signin", "/api/auth/error"];
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "FOO"];
const WEIRD_SEGMENTS = ["%", "%zz", "%ff", "%c0%af", "%00", "..", "%2e%2e", "%2F", "\\", "%5c", "a%20b", "~", "😀", "%E2%82", ";x=1", "//", "%252F", "'\"<>"];
const HEADER_NAMES = ["next-action", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "rsc", "next-url", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-for", "host", "origin", "referer", "accept", "accept-encoding", "content-type", "range", "if-none-match", "x-middleware-subrequest", "x-invoke-path", "x-nextjs-data", "cookie", "authorization", "x-action-redirect", "next-hmr-refresh"];

function garbage(length: number): string {
  const alphabet = "abcXYZ019 {}[]\"':,%$@\\/\n\r\t<>&=;_-.~`|^";
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[int(alphabet.length)];
  return out;
}

function headerValue(name: string, actionIds: string[]): string {
  switch (name) {
    case "next-action":
      return pick([pick(actionIds), "0".repeat(42), garbage(8), "", pick(actionIds) + "00", "x".repeat(5000)]);
    case "next-router-state-tree":
      return pick([garbage(40), "%7B", "[]", '["",{"children":["__PAGE__",{}]},null,null,true]', encodeURIComponent('["",{"children":[1,2]}]'), "%ff", "null", '{"a":1}', "[".repeat(2000)]);
    case "rsc":
    case "next-router-prefetch":
      return pick(["1", "0", "true", garbage(5)]);
    case "content-type":
      return pick(["application/json", "text/plain", "multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=zz", "application/x-www-form-urlencoded", "text/x-component", garbage(12)]);
    case "host":
    case "x-forwarded-host":
      return pick(["evil.example", "localhost:1", "", "[::1", "a b", garbage(10)]);
    case "origin":
      return pick(["http://evil.example", "null", garbage(10), base.origin]);
    case "range":
      return pick(["bytes=0-1", "bytes=-1", "bytes=99999999-", garbage(6)]);
    default:
      return pick([garbage(int(60)), "1", "", "x".repeat(int(9000))]);
  }
}

function multipart(fields: Array<[string, string]>, boundary = `----fuzz${int(1e9)}`): { body: Buffer; type: string } {
  let text = "";
  for (const [name, value] of fields) text += `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  text += `--${boundary}--\r\n`;
  return { body: Buffer.from(text), type: `multipart/form-data; boundary=${boundary}` };
}

function actionBody(actionIds: string[]): { body: Buffer; type: string; note: string } {
  const field = () => pick(["email", "password", "callbackUrl", "proposalId", "title", "amount", "decision", "version", "1_email", "1_proposalId", "0"]);
  switch (int(12)) {
    case 0: // JSON instead of a form: the action's argument is not FormData
      return { body: Buffer.from(pick(['["a"]', '[{},"x"]', "[1,2,3]", '{"email":"x"}', "null", '["$K1"]', '[{},{}]', "[]"])), type: pick(["text/plain;charset=UTF-8", "application/json"]), note: "JSON body" };
    case 1: {
      const m = multipart([["0", pick(['["$K1"]', '[{},"$K1"]', '["x","y"]', '[{"status":"idle"},"$Q1"]', "[", '[{},"$K2"]', '["$@1"]', '["$T"]'])], ["1_email", "a@b.example"]]);
      return { ...m, note: "crafted multipart args" };
    }
    case 2: { // broken multipart
      const b = `----fuzz${int(1e6)}`;
      return { body: Buffer.from(pick([`--${b}\r\nContent-Disposition: form-data; name="0"\r\n\r\nabc`, `--${b}\r\n\r\n\r\n`, garbage(200), `--${b}--`, `--${b}\r\nContent-Disposition: form-data; name="f"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\n${garbage(50)}\r\n--${b}--\r\n`])), type: `multipart/form-data; boundary=${b}`, note: "broken multipart" };
    }
    case 3:
      return { body: Buffer.from(new URLSearchParams({ email: "a@b", password: garbage(10) }).toString()), type: "application/x-www-form-urlencoded", note: "urlencoded" };
    case 4: { // progressive-enhancement (no JavaScript) forms
      const id = pick(actionIds);
      const m = multipart(pick([
        [[`$ACTION_ID_${id}`, ""], [field(), garbage(10)]],
        [["$ACTION_REF_1", ""], ["$ACTION_1:0", `{"id":"${id}","bound":"$@1"}`], ["$ACTION_1:1", pick(["[]", "[{}]", garbage(10)])], ["$ACTION_KEY", "k0"], [field(), garbage(5)]],
        [["$ACTION_REF_1", ""], ["$ACTION_1:0", garbage(20)]],
        [[`$ACTION_ID_${garbage(10)}`, ""]],
      ] as Array<Array<[string, string]>>));
      return { ...m, note: "no-JS form post" };
    }
    case 5: { // an oversized body
      const size = pick([1_100_000, 2_500_000, 5_000_000]);
      const m = multipart([["0", '[{},"$K1"]'], ["1_title", "x".repeat(size)]]);
      return { ...m, note: `oversized (${m.body.length} bytes)` };
    }
    case 6:
      return { body: Buffer.from(garbage(int(500))), type: pick(["text/x-component", "application/octet-stream", "", "text/plain"]), note: "garbage body" };
    default: { // a well-formed call with random fields: validation errors, never 500
      const fields: Array<[string, string]> = [["0", pick(['[{"status":"idle","fieldErrors":{},"values":{}},"$K1"]', '["$K1"]'])]];
      for (let i = 0; i < 1 + int(5); i++) fields.push([`1_${field()}`, pick([garbage(int(30)), "", "-1", "1e309", "99999999999999999999999", "cmxxxxxxxxxxxxxxxxxxxxxxx", "ACCEPTED", "x".repeat(int(20000))])]);
      return { ...multipart(fields), note: "form fields" };
    }
  }
}

function fuzzPath(pages: string[]): string {
  let path = pick([...pages, ...ROUTES, ...pages]);
  if (chance(0.3)) path += (path.endsWith("/") ? "" : "/") + pick(WEIRD_SEGMENTS);
  if (chance(0.15)) path = path.replace(/\/([^/]+)$/, `/${pick(WEIRD_SEGMENTS)}`);
  if (chance(0.3)) {
    const params = pick(["callbackUrl=%2F%2Fevil.example", "page=-1", "page=1e99", "status=%ff", `q=${"a".repeat(int(8000))}`, "a=1&a=2&a[]=3", "%=%", "notice=" + garbage(10), "_rsc=" + garbage(5), "__nextDataReq=1", "page=" + "9".repeat(400)]);
    path += `?${params}`;
  }
  if (chance(0.02)) path = pick(["*", "//", "/..", "http://evil.example/", "/_next/image?url=%2Ficon.svg&w=64&q=75", "/_next/static/%ff", "/_next/data/x/y.json", `/${"a".repeat(9000)}`]);
  return path;
}

function generate(pages: string[], actionIds: string[], sessions: string[]): Fuzzed {
  const cookie = pick(sessions);
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  let method = "GET";
  let body: Buffer | undefined;
  let note = "page";
  const kind = int(10);
  if (kind < 5) {
    // a server action call, well-formed or not
    method = chance(0.9) ? "POST" : pick(METHODS);
    if (chance(0.85)) headers["next-action"] = chance(0.85) ? pick(actionIds) : headerValue("next-action", actionIds);
    if (chance(0.4)) {
      headers["next-router-state-tree"] = chance(0.8) ? encodeURIComponent('["",{"children":["__PAGE__",{}]},null,null]') : headerValue("next-router-state-tree", actionIds);
      if (chance(0.5)) headers.rsc = "1";
    }
    const made = actionBody(actionIds);
    body = made.body;
    if (made.type) headers["content-type"] = made.type;
    headers.accept = "text/x-component";
    note = `action: ${made.note}`;
  } else if (kind < 8) {
    method = pick(METHODS);
    if (method !== "GET" && method !== "HEAD" && chance(0.7)) {
      const made = actionBody(actionIds);
      body = made.body;
      if (made.type) headers["content-type"] = made.type;
      note = `body: ${made.note}`;
    }
  }
  for (let i = 0; i < int(4); i++) {
    const name = chance(0.8) ? pick(HEADER_NAMES) : `x-${garbage(6).replace(/[^a-z0-9]/gi, "") || "y"}`;
    headers[name] = headerValue(name, actionIds);
  }
  // Node's client refuses control characters in header values; send those raw below.
  for (const [name, value] of Object.entries(headers)) {
    if (/[\r\n\0]/.test(value) || (name === "host" && !value)) delete headers[name];
  }
  const path = fuzzPath(pages);
  if (body && chance(0.9)) headers["content-length"] = String(body.length); // otherwise chunked, without a length
  const fuzzed: Fuzzed = { method, path, headers, body, label: "" };
  // Node's client refuses paths with spaces or non-ASCII characters: those go out as raw bytes.
  if (chance(0.04) || !/^[\x21-\x7e]+$/.test(path)) {
    // Hand-written bytes: a lying or invalid content-length, bad header bytes, a bare LF.
    const bodyText = body?.subarray(0, 4000).toString("latin1") ?? "";
    const lines = [`${method} ${Buffer.from(path).toString("latin1")} HTTP/1.1`, `Host: ${base.host}`, ...(cookie ? [`Cookie: ${cookie}`] : [])];
    lines.push(pick(["Content-Length: 99999999999999999999", "Content-Length: -1", `Content-Length: ${bodyText.length + 50}`, "Content-Length: 1, 2", "Transfer-Encoding: chunked\r\nContent-Length: 5", `X-Bad: a\x01b`, "Next-Action: " + pick(actionIds)]));
    fuzzed.raw = Buffer.from(`${lines.join("\r\n")}\r\nConnection: close\r\n\r\n${bodyText}`, "latin1");
    note = `raw: ${note}`;
  }
  fuzzed.label = `${note} as ${cookie ? "signed in" : "signed out"}`;
  return fuzzed;
}

// ---------------------------------------------------------------- run

function describe(request: Fuzzed): string {
  if (request.raw) return request.raw.subarray(0, 600).toString("latin1").replace(/\r\n/g, "\n  ");
  const headers = Object.entries(request.headers)
    .filter(([k]) => k !== "cookie")
    .map(([k, v]) => `${k}: ${v.length > 120 ? `${v.slice(0, 120)}… (${v.length} chars)` : v}`);
  const body = request.body ? `\n  body (${request.body.length} bytes): ${JSON.stringify(request.body.subarray(0, 200).toString("latin1"))}` : "";
  const path = request.path.length > 200 ? `${request.path.slice(0, 200)}… (${request.path.length} chars)` : request.path;
  return `${request.method} ${path}  [${request.label}]\n  ${headers.join("\n  ")}${body}`;
}

async function main() {
  const health = await send({ method: "GET", path: "/api/health", headers: {}, label: "" });
  if (health.status !== 200) throw new Error(`${base.origin}/api/health answered ${health.status || health.error}: start the portal first.`);
  const sessions = ["", ...(await Promise.all(DEMO_ACCOUNTS.map((account) => signIn(account.email))))];
  const { pages, actionIds, scripts } = await discover(sessions.filter(Boolean));
  if (actionIds.length === 0) throw new Error("Found no server action ids.");
  console.log(`Pages: ${pages.join(" ")}`);
  console.log(`Fuzzing ${base.origin}: ${pages.length} pages, ${actionIds.length} action ids (${scripts.length} scripts read), ${sessions.length - 1} accounts plus signed out; seed ${args.seed}.`);

  const counts = new Map<string, number>();
  const failures: Array<{ request: Fuzzed; answer: Answer }> = [];
  let sent = 0;
  const startedAt = Date.now();
  const worker = async () => {
    while (sent < TOTAL && Date.now() < DEADLINE) {
      sent++;
      const request = generate(pages, actionIds, sessions);
      const answer = request.raw ? await sendRaw(request.raw) : await send(request);
      const key = answer.status >= 100 ? `${Math.floor(answer.status / 100)}xx` : answer.error === "timeout" ? "timeout" : "no answer";
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (answer.status >= 500 || answer.error === "timeout") failures.push({ request, answer });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  agent.destroy();

  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  console.log(`\n${sent} requests in ${seconds} s:`);
  for (const key of ["2xx", "3xx", "4xx", "5xx", "timeout", "no answer"]) console.log(`  ${key.padEnd(10)} ${counts.get(key) ?? 0}`);
  if (counts.get("no answer")) console.log("  (no answer: hand-written requests the server closed without an HTTP answer, such as a body shorter than its Content-Length)");
  const byStatus = new Map<string, number>();
  for (const { answer, request } of failures) {
    const key = `${answer.status || answer.error} ${request.label}`;
    byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
  }
  if (failures.length) {
    console.log("\nFailures by kind:");
    for (const [key, n] of [...byStatus].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(5)}  ${key}`);
    console.log(`\nFirst ${Math.min(failures.length, Number(args.show))}:`);
    for (const { request, answer } of failures.slice(0, Number(args.show))) console.log(`\n${answer.status || answer.error} <- ${describe(request)}`);
  }
  if (sent < TOTAL) console.log(`\nStopped at the time limit after ${sent} of ${TOTAL} requests.`);
  process.exit(failures.length ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
