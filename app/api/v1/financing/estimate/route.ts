// POST /api/v1/financing/estimate: the public estimator as JSON (no sign-in).
import { db } from "@/lib/db";
import { estimateFinancing, UnknownCountryError } from "@/lib/financing/estimate";
import { errorResponse, inputProblems, json, problemsOf, readJsonObject } from "@/lib/http";
import { financingEstimateSchema } from "@/lib/schemas/estimate";

export async function POST(request: Request) {
  try {
    const body = await readJsonObject(request);
    if (body instanceof Response) return body;
    const parsed = financingEstimateSchema.safeParse(body);
    if (!parsed.success) return inputProblems(problemsOf(parsed.error.issues));
    return json(await estimateFinancing(db(), parsed.data));
  } catch (error) {
    if (error instanceof UnknownCountryError) return inputProblems(error.problems);
    return errorResponse(error);
  }
}
