import { DataTable } from "@/components/data-table";
import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/pagination";
import { pageRequestParams } from "@/lib/pagination";
import { StatusBadge } from "@/components/status-badge";
import { db } from "@/lib/db";
import { ProposalStatus } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/policy";
import { listProposals } from "@/lib/proposals/service";
import { newMessagesLabel } from "@/lib/questions/rules";
import { unreadCounts } from "@/lib/questions/service";
import { requirePageActor } from "@/lib/session";
import { STATUS_LABELS } from "@/lib/workflow";

export const metadata: Metadata = { title: "Proposals" };

export default async function ProposalsPage({ searchParams }: { searchParams: Promise<{ after?: string; before?: string; status?: string }> }) {
  const actor = await requirePageActor("proposal:read", "/proposals");
  const params = await searchParams;
  const status = Object.values(ProposalStatus).find((s) => s === params.status);
  const list = await listProposals(db(), actor, { ...pageRequestParams(params), status });
  // New questions and answers on the rows shown (submitted ones have a thread), for those who read threads.
  const unread = await unreadCounts(db(), actor, list.rows.filter((row) => row.submittedAt !== null).map((row) => row.id));
  return (
    <>
      <div className="mb-6 flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">Proposals</h1>
        {can(actor, "proposal:create") ? (
          <Link href="/proposals/new" className="btn btn-primary">
            Start a new proposal
          </Link>
        ) : null}
      </div>
      <form method="get" className="mb-4 flex items-end gap-3">
        <div>
          <label htmlFor="status-filter" className="block font-semibold">
            Status
          </label>
          <select id="status-filter" name="status" defaultValue={status ?? ""} className="input">
            <option value="">All statuses</option>
            {Object.values(ProposalStatus).map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn btn-secondary">
          Filter
        </button>
      </form>
      {list.rows.length === 0 ? (
        <p>No proposals{status ? ` with status “${STATUS_LABELS[status]}”` : ""} yet.</p>
      ) : (
        <DataTable caption="Proposals, most recently changed first" columns={["Reference", "Title", "Consortium", "Destination", "Status", ...(can(actor, "question:read") ? ["Questions"] : []), "Last changed"]}>
          {list.rows.map((row) => (
            <tr key={row.id}>
              <td>{row.reference}</td>
              <td>
                <Link href={`/proposals/${row.id}`}>{row.title}</Link>
              </td>
              <td>{row.consortium.name}</td>
              <td>{row.targetCountries.map((c) => c.country.name).join(", ")}</td>
              <td>
                <StatusBadge status={row.status} />
              </td>
              {can(actor, "question:read") ? (
                <td>{unread.get(row.id) ? <Link href={`/proposals/${row.id}#questions`}>{newMessagesLabel(unread.get(row.id)!)}</Link> : "—"}</td>
              ) : null}
              <td>{row.updatedAt.toISOString().slice(0, 10)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination next={list.next} previous={list.previous} basePath="/proposals" params={{ status }} />
    </>
  );
}
