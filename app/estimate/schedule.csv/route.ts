// The estimator's repayment schedule as CSV: the same query as the page.
import { stringify } from "csv-stringify/sync";
import { db } from "@/lib/db";
import { estimateFromQuery } from "@/lib/financing/estimate";
import { errorResponse, inputProblems } from "@/lib/http";

export async function GET(request: Request) {
  try {
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const outcome = await estimateFromQuery(db(), query);
    if (outcome.kind !== "estimate") {
      const errors = outcome.kind === "invalid" ? outcome.fieldErrors : { form: "Fill in the estimator first." };
      return inputProblems(Object.entries(errors).map(([field, message]) => ({ field, message })));
    }
    const csv = stringify([
      ["installment", "due_date", "principal_usd", "interest_usd"],
      ...outcome.estimate.schedule.map((row, index) => [index + 1, row.dueDate, row.principal, row.interest]),
    ]);
    return new Response(csv, {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="repayment-schedule.csv"', "cache-control": "no-store" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
