// The public API's inputs and its OpenAPI document, generated from the same schemas.
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { determinationRequestSchema, screeningRequestSchema } from "@/lib/schemas/api";

const problems = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  result.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`) ?? [];

describe("the determination request", () => {
  it("accepts the documented example, normalizing the ECCN", () => {
    const parsed = determinationRequestSchema.parse({
      items: [{ eccn: "3a090.A", totalProcessingPerformance: 4800, performanceDensity: 5.9 }],
      destinations: ["AE"],
      parties: [{ role: "END_USER", countryCode: "SG", headquartersCountryCode: "CN", parentCountryCode: null }],
    });
    expect(parsed.items[0]!.eccn).toBe("3A090.a");
    expect(parsed.parties[0]!.role).toBe("END_USER");
  });

  it("parties are optional", () => {
    expect(determinationRequestSchema.parse({ items: [{ eccn: "EAR99" }], destinations: ["JP"] }).parties).toEqual([]);
  });

  it("names every malformed field", () => {
    const result = determinationRequestSchema.safeParse({
      items: [{ eccn: "5A992.z1", totalProcessingPerformance: "lots" }],
      destinations: ["uae"],
      parties: [{ role: "NEIGHBOUR", countryCode: "SG" }],
    });
    expect(problems(result)).toEqual([
      "items.0.eccn: “5A992.z1” is not an ECCN: paragraph “z1” is not valid. Each paragraph after a dot is one letter or a number (like 3A090.a, 4A090, 5A992.z or EAR99).",
      "items.0.totalProcessingPerformance: Invalid input: expected number, received string",
      "destinations.0: Give an ISO 3166-1 alpha-2 country code in capitals, like AE.",
      expect.stringMatching(/^parties\.0\.role: /),
    ]);
  });

  it("refuses an empty package", () => {
    expect(problems(determinationRequestSchema.safeParse({ items: [], destinations: [] }))).toEqual(["items: List at least one item.", "destinations: List at least one destination."]);
  });
});

describe("the screening request", () => {
  it("needs at least one non-empty name", () => {
    expect(problems(screeningRequestSchema.safeParse({ names: [] }))).toEqual(["names: List at least one name."]);
    expect(problems(screeningRequestSchema.safeParse({ names: ["  "] }))).toEqual(["names.0: A name can't be empty."]);
  });
});

describe("the OpenAPI document", () => {
  const document = openApiDocument("https://portal.example");

  it("is OpenAPI 3.1 with both licensing paths and the financing estimate", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(["/api/v1/licensing/determination", "/api/v1/screening", "/api/v1/financing/estimate"]);
  });

  it("describes the request bodies from the zod schemas", () => {
    const body = (document.paths["/api/v1/licensing/determination"]!.post as { requestBody: { content: { "application/json": { schema: { properties: Record<string, unknown>; required: string[] } } } } })
      .requestBody.content["application/json"].schema;
    expect(Object.keys(body.properties)).toEqual(["items", "destinations", "parties"]);
    expect(body.required).toEqual(["items", "destinations"]);
    expect(JSON.stringify(body)).toContain("END_USER");
  });
});
