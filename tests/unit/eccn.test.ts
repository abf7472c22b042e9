// ECCNs read by their grammar: what is one, what is not, and what each means.
import { describe, expect, it } from "vitest";
import { eccnWithin, parseEccn, requireEccn } from "@/lib/licensing/eccn";

describe("ECCNs that parse", () => {
  it.each([
    // input, normalized, base, paragraphs, .z item
    ["3A090.a", "3A090.a", "3A090", ["a"], false],
    ["3A090", "3A090", "3A090", [], false],
    ["4A090.b", "4A090.b", "4A090", ["b"], false],
    ["5A992.z", "5A992.z", "5A992", ["z"], true],
    ["3A001.b.3.a", "3A001.b.3.a", "3A001", ["b", "3", "a"], false],
    ["3A001.z", "3A001.z", "3A001", ["z"], true],
    ["4A003.Z", "4A003.z", "4A003", ["z"], true],
    ["5D992.z", "5D992.z", "5D992", ["z"], true],
    ["4a090.A", "4A090.a", "4A090", ["a"], false],
    [" 5d992.C ", "5D992.c", "5D992", ["c"], false],
    ["3A090.a.1", "3A090.a.1", "3A090", ["a", "1"], false],
    ["5A002.a.12", "5A002.a.12", "5A002", ["a", "12"], false],
    ["3A001.z.a", "3A001.z.a", "3A001", ["z", "a"], false],
    ["0A521", "0A521", "0A521", [], false],
    ["EAR99", "EAR99", "EAR99", [], false],
    ["ear99", "EAR99", "EAR99", [], false],
  ] as const)("%j is %j (base %s, paragraphs %j, .z item: %s)", (input, normalized, base, paragraphs, isZItem) => {
    const result = parseEccn(input);
    expect(result).toEqual({ ok: true, eccn: { normalized, base, paragraphs: [...paragraphs], isEar99: base === "EAR99", isZItem } });
  });
});

describe("strings that are not ECCNs, refused with a message", () => {
  it.each([
    ["5A992.z1", "paragraph “z1” is not valid"],
    ["5A992.zz", "paragraph “zz” is not valid"],
    ["3A0901", "starts with a digit, a letter from A to E and three digits"],
    ["3A09", "starts with a digit, a letter from A to E and three digits"],
    ["A3090", "starts with a digit, a letter from A to E and three digits"],
    ["3F090", "starts with a digit, a letter from A to E and three digits"],
    ["3A090.", "an empty paragraph is not valid"],
    ["3A090..a", "an empty paragraph is not valid"],
    ["3A090.a.123", "paragraph “123” is not valid"],
    ["3A090.-", "paragraph “-” is not valid"],
    ["EAR-99", "starts with a digit"],
    ["EAR 99", "has no spaces"],
    ["3A090 .a", "has no spaces"],
    ["", "Enter an ECCN"],
    ["   ", "Enter an ECCN"],
  ])("%j: %s", (input, message) => {
    const result = parseEccn(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });

  it("requireEccn throws the parse message", () => {
    expect(() => requireEccn("3A0901")).toThrow(/not an ECCN/);
    expect(requireEccn("3a090.A").normalized).toBe("3A090.a");
  });
});

describe("an ECCN within a controlled entry", () => {
  it.each([
    ["3A090.a", "3A090", true],
    ["3A090.b", "3A090", true],
    ["3A090", "3A090", true],
    ["3A090.a", "3A090.a", true],
    ["3A090.a.1", "3A090.a", true],
    ["3A090.b", "3A090.a", false],
    ["3A090", "3A090.a", false],
    ["4A090.a", "3A090", false],
    ["3A091", "3A090", false],
    ["EAR99", "3A090", false],
  ])("%s within %s: %s", (item, entry, expected) => {
    expect(eccnWithin(requireEccn(item), requireEccn(entry))).toBe(expected);
  });
});
