// The financing area's part of the OpenAPI document (lib/api/openapi.ts).
import type { ApiPaths } from "@/lib/api/openapi";
import { financingEstimateResponseDoc, financingEstimateSchema, inputProblemsDoc } from "@/lib/schemas/estimate";

export const financingApiPaths: ApiPaths = {
  "/api/v1/financing/estimate": {
    post: {
      operationId: "estimateFinancing",
      summary: "Estimate what EXIM would finance for a contract",
      description:
        "The net contract price, the minimum cash payment, the most EXIM may finance and which limit binds, the term and the products it allows, the repayment schedule (equal semi-annual principal installments, the first six months after the starting point) and every program rule the ask breaks. No sign-in.",
      tags: ["Financing"],
      public: true,
      requestBody: { schema: financingEstimateSchema },
      responses: {
        "200": { description: "The estimate; `problems` lists every rule the ask breaks (empty when none).", schema: financingEstimateResponseDoc },
        "400": { description: "Malformed input: a problem per field.", schema: inputProblemsDoc },
        "413": { description: "The body is larger than 16 KB." },
      },
    },
  },
};
