// Name normalization for restricted-party screening: two spellings of one name
// come out the same; different names stay different.
import { describe, expect, it } from "vitest";
import { nameTokens, normalizeName } from "@/lib/screening/normalize";

describe("names that normalize alike", () => {
  it.each([
    // diacritics
    ["Société Générale d'Électronique", "Societe Generale dElectronique"],
    ["Müller Präzisionstechnik GmbH", "Muller Prazisionstechnik"],
    ["Łódź Optics Sp", "Lodz Optics Sp"],
    ["Øresund Dynamics A/S", "Oresund Dynamics AS"],
    ["Straße Technik", "Strasse Technik"],
    // case and punctuation
    ["ACME-TECH, LTD.", "acme tech"],
    ["Acme Tech (Holdings) Limited", "ACME TECH"],
    // legal suffixes, spelled in many ways
    ["Nova Dynamics LLC", "Nova Dynamics"],
    ["Nova Dynamics L.L.C.", "Nova Dynamics"],
    ["Nova Dynamics, Inc.", "Nova Dynamics Incorporated"],
    ["Nova Dynamics Corp", "Nova Dynamics Corporation"],
    ["Nova Dynamics S.A.", "Nova Dynamics SA"],
    ["Nova Dynamics Co., Ltd.", "Nova Dynamics"],
    ["Nova Dynamics Pte. Ltd.", "Nova Dynamics"],
    // word order
    ["Dynamics Nova", "Nova Dynamics"],
    ["Ivanov, Petr Sergeyevich", "Petr Sergeyevich Ivanov"],
    // ampersand
    ["Smith & Wesson Tools", "Smith and Wesson Tools"],
  ])("%j ~ %j", (a, b) => {
    expect(normalizeName(a)).toBe(normalizeName(b));
  });
});

describe("names that stay different", () => {
  it.each([
    ["Nova Dynamics", "Nova Dynamo"],
    ["Atlas Compute Systems", "Atlas Maritime Shipping"],
    ["Orion Microelectronics", "Orion Micro"],
  ])("%j is not %j", (a, b) => {
    expect(normalizeName(a)).not.toBe(normalizeName(b));
  });
});

describe("the normalized form", () => {
  it("is lower-case words without legal forms, sorted", () => {
    expect(normalizeName("The Zenith Quantum Works GmbH & Co. KG")).toBe("and quantum works zenith");
  });
  it("keeps a name made only of legal words", () => {
    expect(normalizeName("Holding Co.")).toBe("co holding");
  });
  it("keeps non-Latin letters and digits", () => {
    expect(normalizeName("北方 Electronics 7")).toBe("7 electronics 北方");
  });
  it("joins initials spelled with dots", () => {
    expect(nameTokens("J.S.C. Vympel")).toEqual(["jsc", "vympel"]);
  });
  it("is empty for punctuation only", () => {
    expect(normalizeName(" -- ")).toBe("");
  });
});
