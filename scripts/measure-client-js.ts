// `npx tsx scripts/measure-client-js.ts [--url http://localhost:3000]`: the
// JavaScript each page makes the browser load first, gzipped, split into the
// framework's (React, Next.js) and the portal's own. Reads the page's <script>
// tags from a running production server (signed in as each role) and the build's
// client reference manifests (.next/server/app) to know which chunk holds what.
// A chunk that holds any module of app/, components/ or lib/ counts as the
// portal's own, whole: the split errs towards the portal.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { signIn, type Session } from "./server";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://localhost:3000" },
    budget: { type: "string", default: "10240" },
    /** More pages to measure as the member, comma-separated; {proposal} stands for the member's first listed proposal. */
    pages: { type: "string", default: "" },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  console.log(`Usage: npx tsx scripts/measure-client-js.ts [--url http://localhost:3000] [--budget 10240] [--pages /a,/b]

Measures the first-load JavaScript (gzipped) of the portal's main pages and of the
proposal builder's steps (on the member's first listed proposal, a draft in the
demo data), split into the framework's and the portal's own, against the budget
for the portal's own (bytes). Needs a production build served at --url.
--pages adds paths, measured as the member; {proposal} is that first proposal.`);
  process.exit(0);
}
const base = values.url.replace(/\/$/, "");

/** Chunk path -> whether it holds the portal's own client code. */
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

async function main() {
  const owned = ownChunks();
  const sessions: Record<string, Session | null> = {
    public: null,
    member: await signIn(base, "member@atlas.example"),
    reviewer: await signIn(base, "reviewer@commerce.example"),
    officer: await signIn(base, "officer@exim.example"),
  };
  const sizes = new Map<string, number>();
  const gzipped = async (src: string) => {
    if (!sizes.has(src)) sizes.set(src, gzipSync(Buffer.from(await (await fetch(`${base}${src}`)).arrayBuffer())).length);
    return sizes.get(src)!;
  };
  const get = async (target: string, session: Session | null) => (await fetch(`${base}${target}`, { headers: session ? { cookie: session.cookie } : {} })).text();
  const firstLink = (html: string, prefix: string) => new RegExp(`href="(${prefix}/(?!new")[A-Za-z0-9_-]+)"`).exec(html)?.[1];
  const proposals = await get("/proposals", sessions.member!);
  const pages: Array<[string, string, Session | null]> = [
    ["/sign-in", "public", null],
    ["/published", "public", null],
    ["/dashboard", "member", sessions.member!],
    ["/proposals", "member", sessions.member!],
    ["/proposals/new", "member", sessions.member!],
    [firstLink(proposals, "/proposals") ?? "/proposals", "member", sessions.member!],
    // The builder's steps, on the same proposal.
    ...["overview", "package", "package/items/new?layer=HARDWARE", "operations", "parties", "financing", "review"].map(
      (step): [string, string, Session | null] => [`${firstLink(proposals, "/proposals") ?? "/proposals"}/${step}`, "member", sessions.member!],
    ),
    ...values.pages
      .split(",")
      .filter(Boolean)
      .map((page): [string, string, Session | null] => [page.replace("{proposal}", firstLink(proposals, "/proposals") ?? ""), "member", sessions.member!]),
    ["/licensing", "reviewer", sessions.reviewer!],
    ["/financing", "officer", sessions.officer!],
  ];
  console.log(`${"page".padEnd(40)} ${"role".padEnd(8)} ${"all JS".padStart(9)} ${"framework".padStart(10)} ${"portal".padStart(8)}  (KB gzipped)`);
  let over = 0;
  for (const [target, role, session] of pages) {
    const html = await get(target, session);
    const scripts = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1]!))];
    let own = 0;
    let total = 0;
    for (const src of scripts) {
      const size = await gzipped(src);
      total += size;
      if (owned.get(src)) own += size;
    }
    if (own > Number(values.budget)) over++;
    const kb = (n: number) => (n / 1024).toFixed(1).padStart(8);
    console.log(`${target.padEnd(40)} ${role.padEnd(8)} ${kb(total)} ${kb(total - own).padStart(10)} ${kb(own)}${own > Number(values.budget) ? "  over budget" : ""}`);
  }
  process.exit(over ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
