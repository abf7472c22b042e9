import { DataTable } from "@/components/data-table";
import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/pagination";
import { pageRequestParams } from "@/lib/pagination";
import { db } from "@/lib/db";
import { licenseQueue } from "@/lib/licensing/service";
import { reviewDaysRemaining } from "@/lib/licensing/status";
import { requirePageActor } from "@/lib/session";

export const metadata: Metadata = { title: "License queue" };

export default async function LicenseQueuePage({ searchParams }: { searchParams: Promise<{ after?: string; before?: string }> }) {
  const actor = await requirePageActor("license:decide", "/licensing");
  const queue = await licenseQueue(db(), actor, pageRequestParams(await searchParams));
  const now = new Date();
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">License requests awaiting decision</h1>
      <p className="mb-6">
        Oldest first. Commerce aims to decide each request within its review target. <Link href="/licensing/conflicts">Your conflicts of interest</Link>
      </p>
      {queue.rows.length === 0 ? (
        <p>No license request is waiting for a decision.</p>
      ) : (
        <DataTable caption="Pending license requests, closest to their target date first" columns={["Proposal", "Consortium", "Destination", "Controlled items", "Registered", "Review clock"]}>
          {queue.rows.map((request) => {
            const days = reviewDaysRemaining(request.dueAt, now);
            return (
              <tr key={request.id}>
                <td>
                  <Link href={`/licensing/${request.id}`}>
                    {request.proposal.reference}: {request.proposal.title}
                  </Link>
                </td>
                <td>{request.proposal.consortium.name}</td>
                <td>{request.destination.name}</td>
                <td>{request.itemCount}</td>
                <td>{request.registeredAt.toISOString().slice(0, 10)}</td>
                <td className={days < 0 ? "font-semibold text-[var(--color-error)]" : ""}>{days < 0 ? `${-days} days overdue` : `${days} days left`}</td>
              </tr>
            );
          })}
        </DataTable>
      )}
      <Pagination next={queue.next} previous={queue.previous} basePath="/licensing" />
    </>
  );
}
