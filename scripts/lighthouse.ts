// `npx tsx scripts/lighthouse.ts [--url http://localhost:3000] [--runs 3]`: Lighthouse's
// mobile performance score (its default: a mid-range phone on a slow 4G link,
// simulated) of the sign-in page, the member's dashboard and the proposal builder,
// signed in through the session cookie. Prints each run's score, the median and the
// metrics behind it; exits 1 when a median is under --min (90).
// Needs a production build served at --url and Chromium (CHROME_PATH, or Debian's
// /usr/bin/chromium); Lighthouse itself is fetched by npx on first use.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { signIn } from "./server";

const LIGHTHOUSE = "lighthouse@13.5.0";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://localhost:3000" },
    runs: { type: "string", default: "3" },
    min: { type: "string", default: "90" },
  },
});
const base = values.url.replace(/\/$/, "");
const chrome = process.env.CHROME_PATH ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((p) => existsSync(p));

type Report = { categories: { performance: { score: number } }; audits: Record<string, { numericValue?: number }> };

function lighthouse(url: string, cookie: string | null, out: string): Report {
  execFileSync(
    "npx",
    [
      "--yes",
      LIGHTHOUSE,
      url,
      "--only-categories=performance",
      "--output=json",
      `--output-path=${out}`,
      "--quiet",
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
      ...(cookie ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : []),
    ],
    { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, ...(chrome ? { CHROME_PATH: chrome } : {}) } },
  );
  return JSON.parse(readFileSync(out, "utf8")) as Report;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const member = await signIn(base, "member@atlas.example");
  const proposals = await (await fetch(`${base}/proposals`, { headers: { cookie: member.cookie } })).text();
  const draft = /href="(\/proposals\/(?!new")[A-Za-z0-9_-]+)"/.exec(proposals)?.[1];
  if (!draft) throw new Error("The member has no proposal to open the builder on.");
  const pages: Array<[string, string, string | null]> = [
    ["sign-in", "/sign-in", null],
    ["dashboard (member)", "/dashboard", member.cookie],
    ["builder: package", `${draft}/package`, member.cookie],
    ["builder: overview", `${draft}/overview`, member.cookie],
  ];
  const dir = mkdtempSync(path.join(os.tmpdir(), "lighthouse-"));
  let under = 0;
  try {
    console.log(`${"page".padEnd(22)} ${"runs".padEnd(16)} median   TBT ms  LCP ms  CLS`);
    for (const [name, target, cookie] of pages) {
      const reports = Array.from({ length: Number(values.runs) }, (_, i) => lighthouse(`${base}${target}`, cookie, path.join(dir, `${i}.json`)));
      const scores = reports.map((r) => Math.round(r.categories.performance.score * 100));
      const mid = median(scores);
      const metric = (id: string) => median(reports.map((r) => r.audits[id]?.numericValue ?? NaN));
      if (mid < Number(values.min)) under++;
      console.log(
        `${name.padEnd(22)} ${scores.join(", ").padEnd(16)} ${String(mid).padStart(6)} ${metric("total-blocking-time").toFixed(0).padStart(8)} ${metric("largest-contentful-paint").toFixed(0).padStart(7)} ${metric("cumulative-layout-shift").toFixed(3).padStart(6)}${mid < Number(values.min) ? `  under ${values.min}` : ""}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.exit(under ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
