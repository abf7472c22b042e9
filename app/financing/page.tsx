import { DataTable } from "@/components/data-table";
import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/pagination";
import { pageRequestParams } from "@/lib/pagination";
import { StatusBadge } from "@/components/status-badge";
import { db } from "@/lib/db";
import { PRODUCT_LABELS } from "@/lib/financing/labels";
import { financingQueue } from "@/lib/financing/service";
import { licenseTally } from "@/lib/licensing/status";
import { formatCents } from "@/lib/money";
import { requirePageActor } from "@/lib/session";

export const metadata: Metadata = { title: "Financing queue" };

export default async function FinancingQueuePage({ searchParams }: { searchParams: Promise<{ after?: string; before?: string }> }) {
  const actor = await requirePageActor("financing:decide", "/financing");
  const queue = await financingQueue(db(), actor, pageRequestParams(await searchParams));
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">Proposals awaiting financing</h1>
      <p className="mb-6">Financing can be approved only once every export license a package needs is granted.</p>
      {queue.rows.length === 0 ? (
        <p>No proposal is waiting for a financing decision.</p>
      ) : (
        <DataTable caption="Proposals in financing or license review, oldest submission first" columns={["Proposal", "Consortium", "Requested", "Licenses", "Status"]}>
          {queue.rows.map((row) => {
            const { total, granted, refused } = licenseTally(row.licenseRequests.map((r) => r.status));
            return (
              <tr key={row.id}>
                <td>
                  <Link href={`/financing/${row.id}`}>
                    {row.reference}: {row.title}
                  </Link>
                </td>
                <td>{row.consortium.name}</td>
                <td>
                  {row.financingRequest ? formatCents(row.financingRequest.requestedAmountCents) : "—"}
                  {row.financingRequest ? <span className="block text-sm">{PRODUCT_LABELS[row.financingRequest.product]}</span> : null}
                </td>
                <td>
                  {total === 0 ? "None required" : `${granted} of ${total} granted`}
                  {refused > 0 ? <span className="block font-semibold text-[var(--color-error)]">{refused} refused: financing can&apos;t be approved</span> : null}
                </td>
                <td>
                  <StatusBadge status={row.status} />
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
      <Pagination next={queue.next} previous={queue.previous} basePath="/financing" />
    </>
  );
}
