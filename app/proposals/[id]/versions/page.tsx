import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { DataTable } from "@/components/data-table";
import { Pagination } from "@/components/pagination";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/dates";
import { pageRequestParams, type PageRequest } from "@/lib/pagination";
import { listVersions } from "@/lib/proposals/versions";
import { orNotFound, requirePageActor } from "@/lib/session";

type Params = { params: Promise<{ id: string }>; searchParams: Promise<{ after?: string; before?: string }> };

// One read per request, shared by the title and the page.
const load = cache(async (id: string, after: string | null, before: string | null) => {
  const actor = await requirePageActor("proposal:read", `/proposals/${id}/versions`);
  const request: PageRequest = after ? { after } : { before };
  return orNotFound(listVersions(db(), actor, id, request));
});

async function read({ params, searchParams }: Params) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const request = pageRequestParams(query);
  return { id, data: await load(id, request.after ?? null, request.before ?? null) };
}

export async function generateMetadata(props: Params): Promise<Metadata> {
  const { data } = await read(props);
  return { title: `Submitted versions – ${data.proposal.title}` };
}

export default async function VersionsPage(props: Params) {
  const { data } = await read(props);
  const { proposal, page } = data;
  return (
    <>
      <p className="mb-2">
        <Link href={`/proposals/${proposal.id}`}>Back to the proposal</Link>
      </p>
      <header className="mb-6">
        <p className="text-sm text-[var(--color-muted)]">
          {proposal.reference} · {proposal.consortium.name}
        </p>
        <h1 className="text-3xl font-bold">Submitted versions</h1>
        <p className="mt-2 max-w-3xl">
          Each submission of “{proposal.title}” is kept exactly as it was submitted. Open a version to read it, or see what changed from the
          version before.
        </p>
      </header>
      {page.rows.length === 0 ? (
        <p>This proposal has not been submitted yet.</p>
      ) : (
        <DataTable caption="Submitted versions, newest first" columns={["Version", "Submitted", "Submitted by", "Changes"]}>
          {page.rows.map((version) => (
            <tr key={version.id}>
              <td>
                <Link href={`/proposals/${proposal.id}/versions/${version.number}`}>Version {version.number}</Link>
              </td>
              <td>
                <time dateTime={version.submittedAt.toISOString()}>{formatDateTime(version.submittedAt)}</time>
              </td>
              <td>{version.submittedBy.name}</td>
              <td>
                {version.number > 1 ? (
                  <Link href={`/proposals/${proposal.id}/versions/compare?from=${version.number - 1}&to=${version.number}`}>
                    What changed since version {version.number - 1}
                  </Link>
                ) : (
                  "First submission"
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination next={page.next} previous={page.previous} basePath={`/proposals/${proposal.id}/versions`} />
    </>
  );
}
