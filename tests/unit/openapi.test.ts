// The OpenAPI document is generated from the zod schemas the routes use.
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { financingEstimateSchema } from "@/lib/schemas/estimate";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe("the OpenAPI 3.1 document", () => {
  const doc = openApiDocument() as Json;

  it("is OpenAPI 3.1 with the estimate as a public POST", () => {
    expect(doc.openapi).toBe("3.1.0");
    const post = doc.paths["/api/v1/financing/estimate"].post;
    expect(post.security).toEqual([]);
    expect(Object.keys(post.responses)).toEqual(["200", "400", "413"]);
    expect(post.requestBody.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/FinancingEstimateRequest" });
  });

  it("describes the request exactly as the schema parses it: every key, and the required ones", () => {
    const request = doc.components.schemas.FinancingEstimateRequest;
    expect(Object.keys(request.properties).sort()).toEqual(Object.keys(financingEstimateSchema.shape).sort());
    expect(request.required.sort()).toEqual(
      ["contractPrice", "usContent", "eligibleForeignContent", "product", "repaymentYears", "startingPoint", "destinationCountryCode"].sort(),
    );
    expect(request.properties.product.enum).toEqual(["LOAN_GUARANTEE", "DIRECT_LOAN", "EXPORT_CREDIT_INSURANCE"]);
  });

  it("names the answer's figures and the problem list; every $ref resolves", () => {
    const answer = doc.components.schemas.FinancingEstimate;
    for (const key of ["netContractPrice", "minimumCashPayment", "maximumFinanced", "bindingLimit", "term", "allowedProducts", "schedule", "problems"]) {
      expect(answer.required).toContain(key);
    }
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    for (const ref of refs) expect(doc.components.schemas[ref], ref).toBeDefined();
  });
});
