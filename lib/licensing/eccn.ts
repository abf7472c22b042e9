// Export Control Classification Numbers read by their grammar (15 CFR 738.2(d)),
// never matched as strings. Pure.
//
//   ECCN      = "EAR99" | base { "." paragraph }
//   base      = category productGroup number    e.g. 3A090
//   category  = digit 0-9                        (3: electronics, 4: computers, 5: telecom and security)
//   group     = letter A-E                       (A: systems and equipment ... E: technology)
//   number    = three digits
//   paragraph = one lower-case letter, or a number of one or two digits   (a, b, 3, z, 12)
//
// So 3A090.a, 4A090.b, 5A992.z and 3A001.b.3.a are ECCNs; 5A992.z1, 5A992.zz and
// 3A0901 are not. The ".z" items are those whose last paragraph is z.

export type ParsedEccn = {
  /** As it is written: the base in capitals, paragraphs in lower case (3A090.a). */
  normalized: string;
  /** The five-character code without paragraphs (3A090), or EAR99. */
  base: string;
  paragraphs: string[];
  isEar99: boolean;
  /** The last paragraph is z: an item classified elsewhere that meets the advanced-computing parameters. */
  isZItem: boolean;
};

export type EccnParseResult = { ok: true; eccn: ParsedEccn } | { ok: false; message: string };

const BASE = /^(\d)([A-E])(\d{3})$/;
const PARAGRAPH = /^(?:[a-z]|\d{1,2})$/;
const EXAMPLES = "like 3A090.a, 4A090, 5A992.z or EAR99";

export function parseEccn(input: string): EccnParseResult {
  const text = input.trim();
  if (!text) return { ok: false, message: `Enter an ECCN, ${EXAMPLES}.` };
  if (text.length > 40) return { ok: false, message: `An ECCN is at most 40 characters, ${EXAMPLES}.` };
  if (/\s/.test(text)) return { ok: false, message: `An ECCN has no spaces: write it ${EXAMPLES}.` };
  if (text.toUpperCase() === "EAR99") {
    return { ok: true, eccn: { normalized: "EAR99", base: "EAR99", paragraphs: [], isEar99: true, isZItem: false } };
  }
  const [head = "", ...rest] = text.split(".");
  const base = head.toUpperCase();
  if (!BASE.test(base)) {
    return {
      ok: false,
      message: `“${text}” is not an ECCN: it starts with a digit, a letter from A to E and three digits (${EXAMPLES}).`,
    };
  }
  const paragraphs = rest.map((p) => p.toLowerCase());
  const bad = paragraphs.findIndex((p) => !PARAGRAPH.test(p));
  if (bad !== -1) {
    const shown = rest[bad] === "" ? "an empty paragraph" : `paragraph “${rest[bad]}”`;
    return {
      ok: false,
      message: `“${text}” is not an ECCN: ${shown} is not valid. Each paragraph after a dot is one letter or a number (${EXAMPLES}).`,
    };
  }
  const normalized = [base, ...paragraphs].join(".");
  return { ok: true, eccn: { normalized, base, paragraphs, isEar99: false, isZItem: paragraphs.at(-1) === "z" } };
}

/** The parsed ECCN, or throws with the parse message: for data already validated. */
export function requireEccn(input: string): ParsedEccn {
  const result = parseEccn(input);
  if (!result.ok) throw new Error(result.message);
  return result.eccn;
}

/**
 * Whether an ECCN falls under a controlled entry: same base, and the entry's
 * paragraphs lead the item's (3A090 covers 3A090.a and 3A090.b; 3A090.a covers
 * 3A090.a only). Never a string prefix: 3A0901 is not under 3A090.
 */
export function eccnWithin(item: ParsedEccn, entry: ParsedEccn): boolean {
  if (item.base !== entry.base) return false;
  return entry.paragraphs.every((p, i) => item.paragraphs[i] === p);
}
