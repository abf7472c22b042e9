// The OpenAPI document is generated from the zod schemas the routes use.
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { financingEstimateSchema } from "@/lib/schemas/estimate";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe("the OpenAPI 3.1 document", () => {
  const doc = openApiDocument("https://portal.example") as Json;
  const post = doc.paths["/api/v1/financing/estimate"].post;

  it("is OpenAPI 3.1 with the estimate as a POST answering 200, 400 and 413", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([{ url: "https://portal.example" }]);
    expect(Object.keys(post.responses)).toEqual(["200", "400", "413"]);
  });

  it("describes the request exactly as the schema parses it: every key, and the required ones", () => {
    const request = post.requestBody.content["application/json"].schema;
    expect(Object.keys(request.properties).sort()).toEqual(Object.keys(financingEstimateSchema.shape).sort());
    expect(request.required.sort()).toEqual(
      ["contractPrice", "usContent", "eligibleForeignContent", "product", "repaymentYears", "startingPoint", "destinationCountryCode"].sort(),
    );
    expect(request.properties.product.enum).toEqual(["LOAN_GUARANTEE", "DIRECT_LOAN", "EXPORT_CREDIT_INSURANCE"]);
  });

  it("names the answer's figures and the problem list, with no reference left unresolved", () => {
    const answer = post.responses["200"].content["application/json"].schema;
    for (const key of ["netContractPrice", "minimumCashPayment", "maximumFinanced", "bindingLimit", "term", "allowedProducts", "schedule", "problems"]) {
      expect(answer.required).toContain(key);
    }
    expect(JSON.stringify(doc)).not.toContain("$ref");
  });
});
