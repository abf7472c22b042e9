// The client JavaScript budget counts the portal's own code module by module:
// each byte of a chunk goes to the source file its source map names.
import { describe, expect, it } from "vitest";
import { splitBySource, type RawMap } from "../../scripts/client-js-sources";

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
function vlq(value: number): string {
  let rest = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = "";
  do {
    let digit = rest & 31;
    rest >>>= 5;
    if (rest) digit |= 32;
    out += BASE64[digit];
  } while (rest);
  return out;
}
/** Mappings for one generated line: [column, source index] pairs (source index null: no source). */
function line(segments: Array<[number, number | null]>): string {
  let column = 0;
  let source = 0;
  return segments
    .map(([at, index]) => {
      const field = vlq(at - column) + (index === null ? "" : vlq(index - source) + vlq(0) + vlq(0));
      column = at;
      if (index !== null) source = index;
      return field;
    })
    .join(",");
}

const OWN = "turbopack:///[project]/components/session-timeout.tsx";
const LIB = "turbopack:///[project]/lib/forms.ts";
const NEXT = "turbopack:///[project]/node_modules/next/dist/client/components/layout-router.js";

describe("splitBySource", () => {
  it("gives each mapped run to its source, and glue before the first mapping and unmapped runs to the framework", () => {
    const code = "push([1,own();,2,next();,3,glue;lib()])";
    const map: RawMap = {
      version: 3,
      sources: [OWN, NEXT, LIB],
      // "push([1," glue | "own();" own | ",2,next();,3," next | "glue;" no source | "lib()" lib | "])" lib's run continues
      mappings: line([
        [8, 0],
        [14, 1],
        [27, null],
        [32, 2],
      ]),
    };
    const { own, framework, modules } = splitBySource(code, map);
    expect(own).toBe("own();lib()])");
    expect(framework).toBe("push([1,,2,next();,3,glue;");
    expect([...modules]).toEqual([
      ["components/session-timeout.tsx", "own();"],
      ["lib/forms.ts", "lib()])"],
    ]);
  });

  it("reads index maps: each section starts unattributed, at its offset, over several lines", () => {
    const code = "head;\nAAAA;own();BBBB\nnext()";
    const map: RawMap = {
      version: 3,
      sections: [
        { offset: { line: 1, column: 5 }, map: { version: 3, sources: [OWN], mappings: line([[0, 0]]) } },
        { offset: { line: 1, column: 11 }, map: { version: 3, sources: [NEXT], mappings: line([[4, 0]]) + ";" + line([[0, 0]]) } },
      ],
    };
    const { own, framework } = splitBySource(code, map);
    expect(own).toBe("own();");
    // "BBBB", before the second section's first mapping, is glue.
    expect(framework).toBe("head;\nAAAA;BBBB\nnext()");
  });

  it("does not count a package's files as the portal's, even under a folder named lib", () => {
    const code = "x();y()";
    const map: RawMap = { version: 3, sources: ["turbopack:///[project]/node_modules/some-package/lib/index.js"], mappings: line([[0, 0]]) };
    expect(splitBySource(code, map).own).toBe("");
  });
});
