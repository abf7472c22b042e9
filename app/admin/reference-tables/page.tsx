import type { Metadata } from "next";
import { DataTable } from "@/components/data-table";
import { ActionForm } from "@/components/form/action-form";
import { db } from "@/lib/db";
import { listReferenceVersions } from "@/lib/financing/reference-tables";
import { requirePageActor } from "@/lib/session";
import { addReferenceVersionAction } from "./actions";

export const metadata: Metadata = { title: "EXIM reference tables" };

const KIND_LABELS = { CIRR: "CIRR (minimum fixed rates by repayment term)", EXPOSURE_FEE: "Exposure-fee grid (country risk category by tenor)" } as const;

const EXAMPLE_CIRR = '{"bands":[{"maxRepaymentYears":5,"rateBasisPoints":452},{"maxRepaymentYears":8.5,"rateBasisPoints":467},{"maxRepaymentYears":null,"rateBasisPoints":481}]}';

export default async function ReferenceTablesPage() {
  const actor = await requirePageActor("settings:manage", "/admin/reference-tables");
  const versions = await listReferenceVersions(db(), actor);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">EXIM reference tables</h1>
      <p className="mb-6 max-w-3xl">
        Dated versions of the CIRR table and the exposure-fee grid. The version in force on a date is the latest one effective on or before it;
        versions are added, never edited, and every addition is in the audit trail.
      </p>
      <DataTable caption="Reference table versions, newest first" columns={["Table", "Effective from", "Content", "Added by"]} className="card mb-8">
        {versions.map((version) => (
          <tr key={version.id}>
            <td>{KIND_LABELS[version.kind]}</td>
            <td>{version.effectiveFrom.toISOString().slice(0, 10)}</td>
            <td>
              <details>
                <summary>Show the table{version.note ? ` (${version.note})` : ""}</summary>
                <pre className="max-w-xl overflow-x-auto text-xs">{JSON.stringify(version.data, null, 1)}</pre>
              </details>
            </td>
            <td>{version.createdBy?.name ?? "Loaded with the reference data"}</td>
          </tr>
        ))}
      </DataTable>
      <h2 className="mb-2 text-2xl font-bold">Add a version</h2>
      <ActionForm
        action={addReferenceVersionAction}
        label="Add a reference table version"
        submitLabel="Add version"
        fields={[
          { kind: "radio", name: "kind", label: "Table", required: true, options: Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label })) },
          { kind: "text", name: "effectiveFrom", label: "Effective from", required: true, hint: "yyyy-mm-dd; CIRR versions run from the 15th.", width: "max-w-xs" },
          {
            kind: "textarea",
            name: "data",
            label: "Table (JSON)",
            required: true,
            rows: 8,
            hint: `Rates in basis points (452 = 4.52%). CIRR: ${EXAMPLE_CIRR}. Exposure fees: {"rows":[{"riskCategory":0,"maxTenorYears":5,"upFrontBasisPoints":40,"asDrawnBasisPoints":43}, ...]}; null marks the open-ended last band.`,
          },
          { kind: "text", name: "note", label: "Note", hint: "Where the figures come from." },
        ]}
      />
    </>
  );
}
