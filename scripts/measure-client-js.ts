// `npx tsx scripts/measure-client-js.ts [--url http://localhost:3000]`: the
// JavaScript each page makes the browser load first, gzipped, split into the
// framework's (React, Next.js and any other package) and the portal's own.
//
// It reads the page's <script> tags from a running production server (signed in
// as each role) and attributes every byte of each chunk to the source file it
// was generated from, through the chunk's source map. The bundler puts framework
// modules and the portal's modules in the same chunks, so only this module-level
// split is honest: "own" is the code generated from app/, components/ and lib/,
// gzipped on its own, chunk by chunk (which errs towards the portal: small
// pieces compress less well than whole chunks). "framework" is the rest of each
// chunk, gzipped the same way; the two add up to a little more than "all JS".
// Source maps are built only when asked for:
//   MEASURE_CLIENT_JS=1 npm run build   (next.config.ts; never shipped otherwise)
// Such a build differs from a normal one only in Next's own glue (a normal
// build's chunks are up to 0.3 KB larger); the portal's modules are the same.
// Code a page loads later by dynamic import() is not first-load and not counted.
// The "upper bound" column is the earlier, chunk-level figure: a chunk that
// holds any client module of app/, components/ or lib/ (per the build's client
// reference manifests) counts as the portal's own, whole.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { splitBySource, type RawMap } from "./client-js-sources";
import { signIn, type Session } from "./server";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://localhost:3000" },
    budget: { type: "string", default: "10240" },
    /** More pages to measure as the member, comma-separated; {proposal} stands for the member's first listed proposal. */
    pages: { type: "string", default: "" },
    /** List each page's own modules with their sizes. */
    detail: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  console.log(`Usage: MEASURE_CLIENT_JS=1 npm run build && npm start, then
  npx tsx scripts/measure-client-js.ts [--url http://localhost:3000] [--budget 10240] [--pages /a,/b] [--detail]

Measures the first-load JavaScript (gzipped) of the portal's pages, the proposal
builder's steps (on the member's first listed proposal, a draft in the demo
data) and the first license request and financing request, split module by
module (through the build's source maps) into the framework's and the portal's
own, against the budget for the portal's own (bytes); exits 1 when a page is
over it. "upper bound" is the chunk-level figure (a chunk holding any of the
portal's modules counts whole). Needs a production build made with
MEASURE_CLIENT_JS=1 (source maps) served at --url. --pages adds paths, measured
as the member; {proposal} is that first proposal. --detail lists each page's
own modules.`);
  process.exit(0);
}
const base = values.url.replace(/\/$/, "");
const budget = Number(values.budget);

/** Chunk path -> whether the client reference manifests put any module of the portal in it. */
function ownChunks(): Map<string, boolean> {
  const owned = new Map<string, boolean>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith("client-reference-manifest.js")) {
        const scope: { __RSC_MANIFEST?: Record<string, { clientModules: Record<string, { chunks: string[] }> }> } = {};
        new Function("globalThis", readFileSync(file, "utf8"))(scope);
        for (const manifest of Object.values(scope.__RSC_MANIFEST ?? {})) {
          for (const [module, { chunks }] of Object.entries(manifest.clientModules)) {
            const own = /^\[project\]\/(app|components|lib)\//.test(module);
            for (const chunk of chunks) owned.set(chunk, (owned.get(chunk) ?? false) || own);
          }
        }
      }
    }
  };
  walk(path.resolve(".next/server/app"));
  return owned;
}

const gz = (text: string) => (text ? gzipSync(Buffer.from(text)).length : 0);

type Chunk = { all: number; own: number; framework: number; modules: Map<string, string> };

async function main() {
  const owned = ownChunks();
  const sessions: Record<string, Session | null> = {
    public: null,
    member: await signIn(base, "member@atlas.example"),
    reviewer: await signIn(base, "reviewer@commerce.example"),
    officer: await signIn(base, "officer@exim.example"),
  };
  const chunks = new Map<string, Chunk>();
  const measure = async (src: string): Promise<Chunk> => {
    if (chunks.has(src)) return chunks.get(src)!;
    const served = await (await fetch(`${base}${src}`)).text();
    // What the browser gets, less the comment that names the map (a normal build has none).
    const comment = /\s*\/\/# sourceMappingURL=(\S+)\s*$/.exec(served);
    const code = comment ? served.slice(0, comment.index) : served;
    const mapUrl = comment ? new URL(comment[1]!, `${base}${src}`) : null;
    const answer = mapUrl ? await fetch(mapUrl) : null;
    if (!answer?.ok) throw new Error(`No source map for ${src}: build with MEASURE_CLIENT_JS=1 npm run build to measure the portal's own code module by module.`);
    const map = (await answer.json()) as RawMap;
    const parts = splitBySource(code, map);
    const chunk = { all: gz(code), own: gz(parts.own), framework: gz(parts.framework), modules: parts.modules };
    chunks.set(src, chunk);
    return chunk;
  };
  const get = async (target: string, session: Session | null) => (await fetch(`${base}${target}`, { headers: session ? { cookie: session.cookie } : {} })).text();
  /** The first link to a record (an id, not a page such as /licensing/conflicts) under `prefix`. */
  const firstLink = (html: string, prefix: string) => new RegExp(`href="(${prefix}/[a-z0-9]{20,})"`).exec(html)?.[1];
  const member = sessions.member!;
  const proposal = firstLink(await get("/proposals", member), "/proposals") ?? "/proposals";
  const item = firstLink(await get(`${proposal}/package`, member), `${proposal}/package/items`);
  const license = firstLink(await get("/licensing", sessions.reviewer!), "/licensing");
  const financing = firstLink(await get("/financing", sessions.officer!), "/financing");
  const pages: Array<[string, string, Session | null]> = [
    ["/sign-in", "public", null],
    ["/published", "public", null],
    ["/dashboard", "member", member],
    ["/proposals", "member", member],
    ["/proposals/new", "member", member],
    [proposal, "member", member],
    // The builder's steps, on the same proposal.
    ...["overview", "package", "package/items/new?layer=HARDWARE", "operations", "parties", "financing", "attachments", "review"].map(
      (step): [string, string, Session | null] => [`${proposal}/${step}`, "member", member],
    ),
    ...(item ? [[item, "member", member] as [string, string, Session | null]] : []),
    ["/estimate", "member", member],
    ["/notifications", "member", member],
    ["/account", "member", member],
    ...values.pages
      .split(",")
      .filter(Boolean)
      .map((page): [string, string, Session | null] => [page.replace("{proposal}", proposal), "member", member]),
    ["/licensing", "reviewer", sessions.reviewer!],
    ...(license ? [[license, "reviewer", sessions.reviewer!] as [string, string, Session | null]] : []),
    ["/financing", "officer", sessions.officer!],
    ...(financing ? [[financing, "officer", sessions.officer!] as [string, string, Session | null]] : []),
  ];
  for (const [what, link] of [["line item", item], ["license request", license], ["financing request", financing]] as const) {
    if (!link) console.log(`(No ${what} in the data: its page is not measured.)`);
  }
  const kb = (n: number, width = 8) => (n / 1024).toFixed(1).padStart(width);
  console.log(`{proposal}: ${proposal}`);
  console.log(`${"page".padEnd(52)} ${"role".padEnd(8)} ${"all JS".padStart(8)} ${"framework".padStart(9)} ${"own".padStart(6)} ${"upper bound".padStart(11)}  (KB gzipped; own: module level, budget ${kb(budget, 0)})`);
  let over = 0;
  for (const [target, role, session] of pages) {
    const html = await get(target, session);
    // Scripts a modern browser runs (not the nomodule polyfills).
    const scripts = [...new Set([...html.matchAll(/<script([^>]*)>/g)].filter((m) => !/\bnomodule\b/i.test(m[1]!)).map((m) => /\bsrc="([^"]+\.js[^"]*)"/.exec(m[1]!)?.[1]).filter((src): src is string => !!src))];
    let all = 0;
    let own = 0;
    let framework = 0;
    let upper = 0;
    const modules = new Map<string, string>();
    for (const src of scripts) {
      const chunk = await measure(src);
      all += chunk.all;
      own += chunk.own;
      framework += chunk.framework;
      if (owned.get(src.split("?")[0]!)) upper += chunk.all;
      for (const [file, text] of chunk.modules) modules.set(file, (modules.get(file) ?? "") + text);
    }
    if (own > budget) over++;
    console.log(`${target.replace(proposal, "{proposal}").padEnd(52)} ${role.padEnd(8)} ${kb(all)} ${kb(framework, 9)} ${kb(own, 6)} ${kb(upper, 11)}${own > budget ? "  over budget" : ""}`);
    if (values.detail) {
      for (const [file, text] of [...modules].sort((a, b) => gz(b[1]) - gz(a[1]))) console.log(`    ${file.padEnd(60)} ${String(text.length).padStart(6)} B, ${String(gz(text)).padStart(5)} B gzipped`);
    }
  }
  process.exit(over ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
