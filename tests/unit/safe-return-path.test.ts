import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/safe-return-path";

describe("the page a user returns to after sign-in", () => {
  it.each([
    ["/proposals?status=DRAFT", "/proposals?status=DRAFT"],
    ["/proposals/abc#history", "/proposals/abc#history"],
  ])("keeps a portal path: %s", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  it.each([undefined, "", "https://evil.example/", "//evil.example", "/\\evil.example", "/\\/evil.example", "javascript:alert(1)", "dashboard"])(
    "never leaves the portal: %s",
    (input) => {
      expect(safeReturnPath(input)).toBe("/dashboard");
    },
  );
});
