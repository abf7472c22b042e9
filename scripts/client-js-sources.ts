// Which source file each byte of a built JavaScript chunk comes from, through
// its source map: scripts/measure-client-js.ts splits each chunk into the
// portal's own code (app/, components/, lib/) and the rest.

/** The portal's own sources, as the bundler names them. */
const OWN_SOURCE = /\[project\]\/(app|components|lib)\//;

export type RawMap = { version: number; sources?: string[]; mappings?: string; sections?: Array<{ offset: { line: number; column: number }; map: RawMap }> };
/** A generated position (0-based line, UTF-16 column) from which on the code comes from `source` (null: generated glue). */
type Segment = { line: number; column: number; source: string | null };

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
function decodeVlq(text: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    const digit = BASE64.indexOf(char);
    if (digit < 0) throw new Error(`Bad source map character ${char}`);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = shift = 0;
    }
  }
  return out;
}

/** The segments of a source map (an index map's sections flattened), in generated order. */
function segmentsOf(map: RawMap, lineOffset = 0, columnOffset = 0): Segment[] {
  if (map.sections) {
    return map.sections.flatMap((section) => {
      const line = lineOffset + section.offset.line;
      const column = section.offset.line === 0 ? columnOffset + section.offset.column : section.offset.column;
      // A section's code starts unattributed until its first mapping.
      return [{ line, column, source: null }, ...segmentsOf(section.map, line, column)];
    });
  }
  const segments: Segment[] = [];
  const sources = map.sources ?? [];
  let sourceIndex = 0;
  (map.mappings ?? "").split(";").forEach((line, lineIndex) => {
    let column = 0;
    for (const field of line.split(",")) {
      if (!field) continue;
      const [columnDelta, sourceDelta] = decodeVlq(field);
      column += columnDelta!;
      if (sourceDelta !== undefined) sourceIndex += sourceDelta;
      segments.push({
        line: lineOffset + lineIndex,
        column: (lineIndex === 0 ? columnOffset : 0) + column,
        source: sourceDelta === undefined ? null : (sources[sourceIndex] ?? null),
      });
    }
  });
  return segments;
}

/**
 * A chunk's code, split into what its source map says comes from the portal's
 * files and the rest (`modules`: the portal's code by file). Each mapping owns
 * the code from its position to the next mapping's; code before a chunk's (or an
 * index map section's) first mapping, and code a mapping marks as having no
 * source, is the bundler's glue, counted with the framework.
 */
export function splitBySource(code: string, map: RawMap): { own: string; framework: string; modules: Map<string, string> } {
  const lines = code.split("\n");
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const segments = segmentsOf(map).sort((a, b) => a.line - b.line || a.column - b.column);
  const modules = new Map<string, string>();
  let own = "";
  let framework = code.slice(0, segments.length ? starts[segments[0]!.line]! + segments[0]!.column : code.length);
  segments.forEach((segment, index) => {
    const next = segments[index + 1];
    const from = starts[segment.line]! + segment.column;
    const to = next ? starts[next.line]! + next.column : code.length;
    const text = code.slice(from, Math.max(from, to));
    if (segment.source && OWN_SOURCE.test(segment.source) && !segment.source.includes("/node_modules/")) {
      own += text;
      const file = segment.source.replace(/^.*\[project\]\//, "");
      modules.set(file, (modules.get(file) ?? "") + text);
    } else framework += text;
  });
  return { own, framework, modules };
}

