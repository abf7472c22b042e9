// The ids of the server actions in the running build, read from Next.js's
// server-reference manifest (and re-read when a rebuild or `next dev` rewrites it).
// Null when there is no manifest to read: the proxy then checks only the id's form.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";

const MANIFESTS = [
  path.join(/* turbopackIgnore: true */ process.cwd(), ".next", "server", "server-reference-manifest.json"),
  path.join(/* turbopackIgnore: true */ process.cwd(), ".next", "dev", "server", "server-reference-manifest.json"),
];

type Entry = { filename?: string; exportedName?: string };
type Actions = { ids: ReadonlySet<string>; byName: ReadonlyMap<string, string> };
let cached: { file: string; mtimeMs: number; actions: Actions } | null = null;

function readActions(): Actions | null {
  for (const file of MANIFESTS) {
    let mtimeMs: number;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      continue;
    }
    if (cached?.file === file && cached.mtimeMs === mtimeMs) return cached.actions;
    try {
      const manifest = JSON.parse(readFileSync(file, "utf8")) as { node?: Record<string, Entry>; edge?: Record<string, Entry> };
      const entries = [...Object.entries(manifest.node ?? {}), ...Object.entries(manifest.edge ?? {})];
      const actions = {
        ids: new Set(entries.map(([id]) => id)),
        byName: new Map(entries.filter(([, e]) => e.filename && e.exportedName).map(([id, e]) => [`${e.filename}#${e.exportedName}`, id])),
      };
      cached = { file, mtimeMs, actions };
      return actions;
    } catch {
      return null; // being rewritten: check the next request again
    }
  }
  return null;
}

export function serverActionIds(): ReadonlySet<string> | null {
  return readActions()?.ids ?? null;
}

/** The id of one server action, by its file and export ("app/sign-in/actions.ts", "signOutAction"). */
export function serverActionId(filename: string, exportedName: string): string | null {
  return readActions()?.byName.get(`${filename}#${exportedName}`) ?? null;
}
