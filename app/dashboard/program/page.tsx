import type { Metadata } from "next";
import { BarChart } from "@/components/bar-chart";
import { DataTable } from "@/components/data-table";
import { db } from "@/lib/db";
import { formatCentsCompact } from "@/lib/money";
import { programDashboard } from "@/lib/program/dashboard";
import { dashboardTables } from "@/lib/program/tables";
import { requirePageActor } from "@/lib/session";

export const metadata: Metadata = { title: "Program dashboard" };

export default async function ProgramDashboardPage() {
  const actor = await requirePageActor("program:read", "/dashboard/program");
  const dashboard = await programDashboard(db(), actor);
  const tables = dashboardTables(dashboard);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">Program dashboard</h1>
      <p className="mb-6 max-w-3xl">
        The exposure cap, the financing pipeline and outstanding commitments. Each chart&apos;s figures are in the table below it; every table
        downloads as CSV.
      </p>
      <dl className="mb-8 grid gap-4 sm:grid-cols-3">
        <div className="card">
          <dt className="font-semibold">Headroom under the cap</dt>
          <dd className="text-3xl font-bold" data-testid="program-headroom" data-cents={dashboard.cap.headroomCents.toString()}>
            {formatCentsCompact(dashboard.cap.headroomCents)}
          </dd>
        </div>
        <div className="card">
          <dt className="font-semibold">Reserved (China and transformational exports)</dt>
          <dd className="text-3xl font-bold">{formatCentsCompact(dashboard.reservedCents)}</dd>
        </div>
        <div className="card">
          <dt className="font-semibold">Headroom under the proposed {formatCentsCompact(dashboard.whatIf.statutoryLimitCents)} cap</dt>
          <dd className="text-3xl font-bold">{formatCentsCompact(dashboard.whatIf.headroomCents)}</dd>
        </div>
      </dl>
      {tables.map((table) => (
        <section key={table.name} aria-labelledby={`${table.name}-heading`} className="card mb-8">
          <h2 id={`${table.name}-heading`} className="mb-2 text-xl font-bold">
            {table.caption}
          </h2>
          <BarChart rows={table.rows.map((row) => ({ label: row.label, value: row.value, text: row.display.at(-1)! }))} />
          <DataTable caption={table.caption} columns={table.columns} className="">
            {table.rows.map((row) => (
              <tr key={row.label}>
                {row.display.map((cell, i) => (i === 0 ? <th key={i} scope="row">{cell}</th> : <td key={i}>{cell}</td>))}
              </tr>
            ))}
          </DataTable>
          <p className="mt-2">
            <a href={`/dashboard/program/csv/${table.name}`} download>
              Download “{table.caption}” as CSV
            </a>
          </p>
        </section>
      ))}
    </>
  );
}
