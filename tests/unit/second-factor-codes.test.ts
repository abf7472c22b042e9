// Authenticator-app codes, recovery codes and sealed secrets: pure functions.
import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { open, seal } from "@/lib/identity/secret-box";
import {
  hashRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  normalizeRecoveryCode,
  normalizeTotpCode,
  totpCode,
  totpUri,
  verifyTotp,
} from "@/lib/identity/totp";

const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const AT = new Date("2026-11-30T12:00:10Z");
const step = (date: Date) => Math.floor(date.getTime() / 30_000);

describe("authenticator-app codes", () => {
  it("a new secret is 160 bits of base32", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
  });

  it("the QR code's URI names the program and the account", () => {
    const uri = totpUri(SECRET, "rachel@commerce.example");
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain("secret=" + SECRET);
    expect(decodeURIComponent(uri)).toContain("American AI Exports:rachel@commerce.example");
  });

  it("accepts the current code and returns its time step", async () => {
    expect(await verifyTotp(SECRET, await totpCode(SECRET, AT), null, AT)).toBe(step(AT));
  });

  it("accepts one step of clock drift either way, not two", async () => {
    const before = new Date(AT.getTime() - 30_000);
    const after = new Date(AT.getTime() + 30_000);
    const twoAhead = new Date(AT.getTime() + 60_000);
    expect(await verifyTotp(SECRET, await totpCode(SECRET, before), null, AT)).toBe(step(before));
    expect(await verifyTotp(SECRET, await totpCode(SECRET, after), null, AT)).toBe(step(after));
    expect(await verifyTotp(SECRET, await totpCode(SECRET, twoAhead), null, AT)).toBeNull();
  });

  it("never accepts a code from a step already used (no replay)", async () => {
    const code = await totpCode(SECRET, AT);
    expect(await verifyTotp(SECRET, code, step(AT), AT)).toBeNull();
    expect(await verifyTotp(SECRET, code, step(AT) - 1, AT)).toBe(step(AT));
  });

  it("refuses a wrong code, another secret's code, and anything not six digits", async () => {
    const other = await generate({ secret: newTotpSecret(), epoch: AT.getTime() / 1000 });
    const right = await totpCode(SECRET, AT);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, "0");
    for (const code of [wrong, other === right ? "000000" : other, "12345", "1234567", "abcdef", ""]) {
      expect(await verifyTotp(SECRET, code, null, AT)).toBeNull();
    }
  });

  it.each([
    ["123 456", "123456"],
    ["123-456", "123456"],
    [" 123456 ", "123456"],
    ["12345", null],
    ["12a456", null],
  ])("reads %j as typed: %j", (typed, expected) => {
    expect(normalizeTotpCode(typed)).toBe(expected);
  });
});

describe("recovery codes", () => {
  it("ten distinct codes of ten characters without look-alikes", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
  });

  it("are read whatever the case, spaces and dashes", () => {
    expect(normalizeRecoveryCode("ABCDE-FGHJK")).toBe("abcdefghjk");
    expect(normalizeRecoveryCode(" abcde fghjk ")).toBe("abcdefghjk");
    expect(normalizeRecoveryCode("abcde-fghj")).toBeNull();
    expect(normalizeRecoveryCode("abcde-fghj1")).toBeNull(); // 1 is not in the alphabet
  });

  it("are stored as hashes that differ from the code and from each other", () => {
    const [a, b] = newRecoveryCodes(2).map((c) => normalizeRecoveryCode(c)!);
    expect(hashRecoveryCode(a!)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode(a!)).not.toContain(a!);
    expect(hashRecoveryCode(a!)).not.toBe(hashRecoveryCode(b!));
    expect(hashRecoveryCode(a!)).toBe(hashRecoveryCode(a!));
  });
});

describe("sealed secrets", () => {
  it("open to what was sealed, and never show it", () => {
    const sealed = seal(SECRET, "totp-secret");
    expect(sealed).not.toContain(SECRET);
    expect(open(sealed, "totp-secret")).toBe(SECRET);
    expect(seal(SECRET, "totp-secret")).not.toBe(sealed); // a fresh IV each time
  });

  it("refuse to open when altered, or for another purpose", () => {
    const sealed = seal(SECRET, "totp-secret");
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3]!, "base64url");
    body[0] = body[0]! ^ 1;
    const altered = [...parts.slice(0, 3), body.toString("base64url")].join(".");
    expect(() => open(altered, "totp-secret")).toThrow();
    expect(() => open(sealed, "something-else")).toThrow();
    expect(() => open("not sealed", "totp-secret")).toThrow();
  });
});
