// The financing area's part of the OpenAPI document (lib/api/openapi.ts).
import { jsonBody, type PathItems } from "@/lib/api/json-schema";
import { financingEstimateResponseDoc, financingEstimateSchema, inputProblemsDoc } from "@/lib/schemas/estimate";

export const financingPaths: PathItems = {
  "/api/v1/financing/estimate": {
    post: {
      operationId: "estimateFinancing",
      summary: "Estimate what EXIM would finance for a contract",
      description:
        "The net contract price, the minimum cash payment, the most EXIM may finance and which limit binds, the term and the products it allows, the repayment schedule (equal semi-annual principal installments, the first six months after the starting point) and every program rule the ask breaks. Public.",
      requestBody: { required: true, ...jsonBody(financingEstimateSchema, "input") },
      responses: {
        "200": jsonBody(financingEstimateResponseDoc, "output", "The estimate; `problems` lists every rule the ask breaks (empty when none)."),
        "400": jsonBody(inputProblemsDoc, "output", "Malformed input: one problem per field."),
        "413": { description: "The body is larger than 16 KB." },
      },
    },
  },
};
