import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { DataTable } from "@/components/data-table";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/dates";
import { formatBasisPoints, formatCents } from "@/lib/money";
import { LAYER_SHORT_LABELS } from "@/lib/proposals/completeness";
import { attachmentFields, overviewFields, partyFields } from "@/lib/proposals/snapshot-diff";
import { getVersion } from "@/lib/proposals/versions";
import { orNotFound, requirePageActor } from "@/lib/session";

type Params = { params: Promise<{ id: string; n: string }> };

// One read per request, shared by the title and the page.
const load = cache(async (id: string, n: string) => {
  const actor = await requirePageActor("proposal:read", `/proposals/${id}/versions/${n}`);
  return orNotFound(getVersion(db(), actor, id, n));
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id, n } = await params;
  const { proposal, version } = await load(id, n);
  return { title: `Version ${version.number} – ${proposal.title}` };
}

export default async function VersionPage({ params }: Params) {
  const { id, n } = await params;
  const { proposal, version, snapshot, latestNumber } = await load(id, n);
  const numbers = Array.from({ length: latestNumber }, (_, i) => latestNumber - i);
  const others = numbers.filter((number) => number !== version.number);
  return (
    <>
      <p className="mb-2">
        <Link href={`/proposals/${proposal.id}/versions`}>All versions</Link> · <Link href={`/proposals/${proposal.id}`}>Back to the proposal</Link>
      </p>
      <header className="mb-6">
        <p className="text-sm text-[var(--color-muted)]">
          {snapshot.reference || proposal.reference} · {snapshot.consortium || proposal.consortium.name}
        </p>
        <h1 className="text-3xl font-bold">
          Version {version.number}: {snapshot.title}
        </h1>
        <p className="mt-2">
          Submitted by {version.submittedBy.name} on <time dateTime={version.submittedAt.toISOString()}>{formatDateTime(version.submittedAt)}</time>. This is the
          proposal exactly as submitted; it can&apos;t be changed.
          {version.number < latestNumber ? ` A later version, ${latestNumber}, has been submitted since.` : ""}
        </p>
        {version.number > 1 ? (
          <p className="mt-2">
            <Link href={`/proposals/${proposal.id}/versions/compare?from=${version.number - 1}&to=${version.number}`}>What changed since version {version.number - 1}</Link>
          </p>
        ) : null}
      </header>

      {others.length > 0 ? (
        <form method="get" action={`/proposals/${proposal.id}/versions/compare`} className="card mb-8 flex flex-wrap items-end gap-4" aria-label="Compare versions">
          <input type="hidden" name="to" value={version.number} />
          <div>
            <label htmlFor="compare-from" className="mb-1 block font-semibold">
              Compare version {version.number} with
            </label>
            <select id="compare-from" name="from" defaultValue={others[0]} className="input">
              {others.map((number) => (
                <option key={number} value={number}>
                  Version {number}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="btn btn-secondary">
            Compare
          </button>
        </form>
      ) : null}

      <div className="space-y-8">
        <section aria-labelledby="overview-heading" className="card">
          <h2 id="overview-heading" className="mb-3 text-xl font-bold">
            Overview, end use and financing ask
          </h2>
          <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[14rem_1fr]">
            {overviewFields(snapshot).map((field) => (
              <div key={field.field} className="contents">
                <dt className="font-semibold">{field.label}</dt>
                <dd className="whitespace-pre-line">{field.value}</dd>
              </div>
            ))}
          </dl>
        </section>

        <section aria-labelledby="items-heading" className="card">
          <h2 id="items-heading" className="mb-3 text-xl font-bold">
            Package line items
          </h2>
          {snapshot.lineItems.length === 0 ? (
            <p>No line items.</p>
          ) : (
            <DataTable caption={`Line items of version ${version.number}`} columns={["Layer", "Item", "Quantity", "Unit price", "Line total", "US content", "ECCN"]} className="">
              {snapshot.lineItems.map((item) => (
                <tr key={item.id}>
                  <td className="whitespace-nowrap">{LAYER_SHORT_LABELS[item.layer] ?? item.layer}</td>
                  <td>
                    {item.description}
                    <span className="block text-sm text-[var(--color-muted)]">
                      {[item.supplier ? `Supplied by ${item.supplier}` : "", [item.manufacturer, item.model].filter(Boolean).join(" "), item.totalProcessingPerformance ? `TPP ${item.totalProcessingPerformance.toLocaleString("en-US")}` : "", item.performanceDensity ? `Performance density ${item.performanceDensity}` : "", item.designedForDataCenter ? "Designed for data centers" : ""]
                        .filter(Boolean)
                        .join(" · ")}
                    </span>
                  </td>
                  <td>{item.quantity.toLocaleString("en-US")}</td>
                  <td className="whitespace-nowrap">{formatCents(BigInt(item.unitPriceCents))}</td>
                  <td className="whitespace-nowrap">{formatCents(BigInt(item.unitPriceCents) * BigInt(item.quantity))}</td>
                  <td>{formatBasisPoints(item.usContentBasisPoints)}</td>
                  <td>{item.eccn ?? "—"}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>

        <section aria-labelledby="parties-heading" className="card">
          <h2 id="parties-heading" className="mb-3 text-xl font-bold">
            Parties, builders, owners and operators
          </h2>
          {snapshot.parties.length === 0 ? (
            <p>No parties named.</p>
          ) : (
            <DataTable caption={`Parties of version ${version.number}`} columns={partyFields(snapshot.parties[0]!).map((f) => f.label)} className="">
              {snapshot.parties.map((party) => (
                <tr key={party.id}>
                  {partyFields(party).map((field) => (
                    <td key={field.field}>{field.value}</td>
                  ))}
                </tr>
              ))}
            </DataTable>
          )}
        </section>

        <section aria-labelledby="attachments-heading" className="card">
          <h2 id="attachments-heading" className="mb-3 text-xl font-bold">
            Attachments
          </h2>
          {snapshot.attachments.length === 0 ? (
            <p>No attachments were submitted with this version.</p>
          ) : (
            <ul className="space-y-1">
              {snapshot.attachments.map((file) => (
                <li key={file.id}>
                  {attachmentFields(file)
                    .map((f) => (f.field === "fileName" ? f.value : `${f.label}: ${f.value}`))
                    .join(" · ")}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
