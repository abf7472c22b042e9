import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { DataTable } from "@/components/data-table";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/dates";
import type { EntityDiff, FieldChange } from "@/lib/proposals/snapshot-diff";
import { compareVersions } from "@/lib/proposals/versions";
import { orNotFound, requirePageActor } from "@/lib/session";

type Params = { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string | string[]; to?: string | string[] }> };

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

// One read per request, shared by the title and the page.
const load = cache(async (id: string, from: string, to: string) => {
  const actor = await requirePageActor("proposal:read", `/proposals/${id}/versions/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
  return orNotFound(compareVersions(db(), actor, id, from, to));
});

async function read({ params, searchParams }: Params) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  return { id, data: await load(id, one(query.from), one(query.to)) };
}

export async function generateMetadata(props: Params): Promise<Metadata> {
  const { data } = await read(props);
  return { title: `What changed, version ${data.from.number} to ${data.to.number} – ${data.proposal.title}` };
}

function Changes({ caption, changes, from, to }: { caption: string; changes: FieldChange[]; from: number; to: number }) {
  return (
    <DataTable caption={caption} columns={["Field", `Version ${from}`, `Version ${to}`]} className="">
      {changes.map((change) => (
        <tr key={change.field} data-testid="field-change">
          <th scope="row" className="text-left font-semibold">
            {change.label}
          </th>
          <td className="whitespace-pre-line">
            <del className="no-underline">{change.from}</del>
          </td>
          <td className="whitespace-pre-line">
            <ins className="no-underline font-semibold">{change.to}</ins>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function Rows({ title, id, diff, from, to, noun }: { title: string; id: string; diff: EntityDiff; from: number; to: number; noun: string }) {
  const none = diff.added.length + diff.removed.length + diff.changed.length === 0;
  return (
    <section aria-labelledby={`${id}-heading`} className="card">
      <h2 id={`${id}-heading`} className="mb-3 text-xl font-bold">
        {title}
      </h2>
      {none ? <p>No {noun} changed.</p> : null}
      {diff.changed.length > 0 ? (
        <>
          <h3 className="mb-2 text-lg font-semibold">Changed</h3>
          <ul className="mb-4 space-y-4">
            {diff.changed.map((row) => (
              <li key={row.id} data-testid={`${id}-changed`}>
                <p className="mb-1 font-semibold">{row.label}</p>
                <Changes caption={`Changes to ${row.label}`} changes={row.changes} from={from} to={to} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <RowList title={`Added in version ${to}`} rows={diff.added} testId={`${id}-added`} />
      <RowList title={`Removed since version ${from}`} rows={diff.removed} testId={`${id}-removed`} last />
    </section>
  );
}

export default async function CompareVersionsPage(props: Params) {
  const { data } = await read(props);
  const { proposal, from, to, diff } = data;
  return (
    <>
      <p className="mb-2">
        <Link href={`/proposals/${proposal.id}/versions`}>All versions</Link> · <Link href={`/proposals/${proposal.id}`}>Back to the proposal</Link>
      </p>
      <header className="mb-6">
        <p className="text-sm text-[var(--color-muted)]">
          {proposal.reference} · {proposal.consortium.name}
        </p>
        <h1 className="text-3xl font-bold">
          What changed: version {from.number} → version {to.number}
        </h1>
        <p className="mt-2">
          <Link href={`/proposals/${proposal.id}/versions/${from.number}`}>Version {from.number}</Link>: submitted by {from.submittedBy.name} on {formatDateTime(from.submittedAt)}.{" "}
          <Link href={`/proposals/${proposal.id}/versions/${to.number}`}>Version {to.number}</Link>: submitted by {to.submittedBy.name} on {formatDateTime(to.submittedAt)}.
        </p>
        {diff.same ? <p className="mt-3 font-semibold">The two versions are the same.</p> : null}
      </header>
      <div className="space-y-8">
        <section aria-labelledby="fields-heading" className="card">
          <h2 id="fields-heading" className="mb-3 text-xl font-bold">
            Overview, end use and financing ask
          </h2>
          {diff.fields.length === 0 ? <p>No field changed.</p> : <Changes caption="Changed fields of the proposal" changes={diff.fields} from={from.number} to={to.number} />}
        </section>
        <Rows title="Line items" id="items" noun="line item" diff={diff.lineItems} from={from.number} to={to.number} />
        <Rows title="Parties" id="parties" noun="party" diff={diff.parties} from={from.number} to={to.number} />
        <Rows title="Attachments" id="attachments" noun="attachment" diff={diff.attachments} from={from.number} to={to.number} />
      </div>
    </>
  );
}

/** Rows only one version has, each with its non-empty fields. */
function RowList({ title, rows, testId, last = false }: { title: string; rows: ReadonlyArray<{ id: string; label: string; fields: ReadonlyArray<{ label: string; value: string }> }>; testId: string; last?: boolean }) {
  if (rows.length === 0) return null;
  return (
    <>
      <h3 className="mb-2 text-lg font-semibold">{title}</h3>
      <ul className={`${last ? "" : "mb-4 "}list-disc space-y-1 pl-6`}>
        {rows.map((row) => (
          <li key={row.id} data-testid={testId}>
            <span className="font-semibold">{row.label}</span>
            <span className="block text-sm">{row.fields.filter((f) => f.value !== "—").map((f) => `${f.label}: ${f.value}`).join(" · ")}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
