import { DataTable } from "@/components/data-table";
import type { Metadata } from "next";
import { Pagination } from "@/components/pagination";
import { pageRequestParams } from "@/lib/pagination";
import { db } from "@/lib/db";
import { formatCents } from "@/lib/money";
import { listPublishedPackages } from "@/lib/proposals/published";
import { PRODUCT_LABELS } from "@/lib/financing/labels";

export const metadata: Metadata = { title: "Approved packages" };

export default async function PublishedPage({ searchParams }: { searchParams: Promise<{ after?: string; before?: string }> }) {
  const list = await listPublishedPackages(db(), pageRequestParams(await searchParams));
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">Approved AI export packages</h1>
      <p className="mb-6">Packages whose export licenses were granted and whose financing EXIM approved.</p>
      {list.rows.length === 0 ? (
        <p>No package has been approved yet.</p>
      ) : (
        <DataTable caption="Approved packages, newest first" columns={["Reference", "Package", "Consortium", "Destination", "Financing", "Approved on"]}>
          {list.rows.map((row) => {
            const approved = row.financingRequest?.decisions[0]?.approvedAmountCents;
            return (
              <tr key={row.id}>
                <td>{row.reference}</td>
                <td>{row.title}</td>
                <td>{row.consortium.name}</td>
                <td>{row.targetCountries.map((c) => c.country.name).join(", ")}</td>
                <td>
                  {approved ? formatCents(approved) : "—"}
                  {row.financingRequest ? <span className="block text-sm">{PRODUCT_LABELS[row.financingRequest.product]}</span> : null}
                </td>
                <td>{row.publishedAt?.toISOString().slice(0, 10)}</td>
              </tr>
            );
          })}
        </DataTable>
      )}
      <Pagination next={list.next} previous={list.previous} basePath="/published" />
    </>
  );
}
