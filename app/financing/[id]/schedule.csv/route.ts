// A financing's repayment schedule as CSV, for those who may read the financing.
import { stringify } from "csv-stringify/sync";
import { db } from "@/lib/db";
import { financingSchedule } from "@/lib/financing/service";
import { SCHEDULE_CSV_HEADER, scheduleRows } from "@/lib/financing/schedule";
import { errorResponse } from "@/lib/http";
import { requireActor } from "@/lib/session";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireActor("financing:read");
    const { id } = await params;
    const { reference, schedule } = await financingSchedule(db(), actor, id);
    return new Response(stringify([[...SCHEDULE_CSV_HEADER], ...scheduleRows(schedule)]), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${reference}-repayment-schedule.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
