// The ids of the server actions in the running build, read from Next.js's
// server-reference manifest (and re-read when a rebuild or `next dev` rewrites it).
// Null when there is no manifest to read: the proxy then checks only the id's form.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";

const MANIFESTS = [
  path.join(/* turbopackIgnore: true */ process.cwd(), ".next", "server", "server-reference-manifest.json"),
  path.join(/* turbopackIgnore: true */ process.cwd(), ".next", "dev", "server", "server-reference-manifest.json"),
];

let cached: { file: string; mtimeMs: number; ids: ReadonlySet<string> } | null = null;

export function serverActionIds(): ReadonlySet<string> | null {
  for (const file of MANIFESTS) {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      continue;
    }
    if (cached?.file === file && cached.mtimeMs === mtimeMs) return cached.ids;
    try {
      const manifest = JSON.parse(readFileSync(file, "utf8")) as { node?: Record<string, unknown>; edge?: Record<string, unknown> };
      const ids = new Set([...Object.keys(manifest.node ?? {}), ...Object.keys(manifest.edge ?? {})]);
      cached = { file, mtimeMs, ids };
      return ids;
    } catch {
      return null; // being rewritten: check the next request again
    }
  }
  return null;
}
