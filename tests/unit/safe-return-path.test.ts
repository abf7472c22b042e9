import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/safe-return-path";

describe("the page a user returns to after sign-in", () => {
  it.each([
    ["/proposals?status=DRAFT", "/proposals?status=DRAFT"],
    ["/proposals/abc#history", "/proposals/abc#history"],
    ["/licensing/../financing", "/financing"],
    ["/proposals/a%2Fb", "/proposals/a%2Fb"],
  ])("keeps a portal path: %s", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  it.each([
    undefined,
    "",
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "javascript:alert(1)",
    "dashboard",
    // Become "//evil.example" only after the URL parser resolves dot segments.
    "/.//evil.example",
    "/..//evil.example",
    "/./..//evil.example",
    "/a/../..//evil.example",
    // Tabs and newlines are dropped by the URL parser.
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    // Encoded slashes and backslashes.
    "/%2F/evil.example",
    "/%2f%2fevil.example",
    "/%5C/evil.example",
    "/%5cevil.example",
    // Backslashes anywhere.
    "/..\\/evil.example",
    "\\\\evil.example",
    // Other schemes and control characters.
    "http:/evil.example",
    "/\u0000/evil.example",
    " //evil.example",
  ])("never leaves the portal: %j", (input) => {
    expect(safeReturnPath(input)).toBe("/dashboard");
  });

  it("never returns anything a browser would read as another host", () => {
    const tricky = ["/", ".", "/", "\\", "\t", "%2f", "%5c", "..", "evil.example", "@", ":"];
    // Every short combination of the tricky pieces after a leading slash.
    for (const a of tricky) for (const b of tricky) for (const c of tricky) {
      const result = safeReturnPath(`/${a}${b}${c}`);
      expect(result.startsWith("/")).toBe(true);
      expect(result.startsWith("//")).toBe(false);
      expect(new URL(result, "https://portal.example").host).toBe("portal.example");
    }
  });
});
