// The rules for a new password (NIST SP 800-63B) and who a request comes from.
import { describe, expect, it } from "vitest";
import { clientAddressOf } from "@/lib/identity/client";
import { newPasswordProblem } from "@/lib/passwords";

describe("a new password", () => {
  it.each(["correct horse battery staple", "Ünïcödé pässwörd 2026", "a-long-passphrase-with-dashes", "😀😀😀😀😀😀 emoji ok"])("may be anything long enough: %j", (password) => {
    expect(newPasswordProblem(password)).toBeNull();
  });

  it("needs at least 12 characters, counted as a person counts them", () => {
    expect(newPasswordProblem("elevenchars")).toMatch(/at least 12/);
    expect(newPasswordProblem("twelve chars")).toBeNull();
  });

  it.each(["password1234", "qwertyuiop12", "Password1234", "123456789012"])("refuses a commonly used password: %s", (password) => {
    expect(newPasswordProblem(password)).toMatch(/commonly used|harder to guess/);
  });

  it("refuses the user's own email in it", () => {
    expect(newPasswordProblem("rachel.ortiz-2026!", { email: "rachel.ortiz@commerce.example" })).toMatch(/email/);
    expect(newPasswordProblem("rachel.ortiz-2026!", { email: "someone@commerce.example" })).toBeNull();
  });

  it("refuses one character repeated and the program's own name", () => {
    expect(newPasswordProblem("aaaaaaaaaaaaaaa")).not.toBeNull();
    expect(newPasswordProblem("my AIExports password")).not.toBeNull();
  });

  it("refuses an absurd length", () => {
    expect(newPasswordProblem("x".repeat(300) + "y")).toMatch(/at most/);
  });
});

describe("the client address", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["198.51.100.1, 203.0.113.7", "203.0.113.7"],
    ["spoofed, 10.0.0.1 , 203.0.113.9", "203.0.113.9"],
    ["", null],
  ])("from X-Forwarded-For %j is the nearest proxy's entry", (header, expected) => {
    expect(clientAddressOf(new Headers(header ? { "x-forwarded-for": header } : {}))).toBe(expected);
  });
});
