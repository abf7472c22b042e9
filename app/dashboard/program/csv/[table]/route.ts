// A program dashboard table as CSV: the same figures as the page.
import { stringify } from "csv-stringify/sync";
import { db } from "@/lib/db";
import { errorResponse, json } from "@/lib/http";
import { programDashboard } from "@/lib/program/dashboard";
import { dashboardTables } from "@/lib/program/tables";
import { requireActor } from "@/lib/session";

export async function GET(_request: Request, { params }: { params: Promise<{ table: string }> }) {
  try {
    const actor = await requireActor("program:read");
    const { table: name } = await params;
    const table = dashboardTables(await programDashboard(db(), actor)).find((t) => t.name === name);
    if (!table) return json({ error: "No such table." }, { status: 404 });
    return new Response(stringify([table.columns, ...table.rows.map((row) => row.csv)]), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="program-${table.name}.csv"`, "cache-control": "no-store" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
