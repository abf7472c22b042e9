import { DataTable } from "@/components/data-table";
import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/pagination";
import { db } from "@/lib/db";
import { licenseQueue } from "@/lib/licensing/service";
import { LICENSE_STATUS_LABELS, reviewClock } from "@/lib/licensing/status";
import { destinationCountries } from "@/lib/proposals/service";
import { LICENSE_OUTCOMES } from "@/lib/schemas/decisions";
import { licenseQueueQuerySchema, QUEUE_AGES, QUEUE_SORTS } from "@/lib/schemas/licensing";
import { requirePageActor } from "@/lib/session";

export const metadata: Metadata = { title: "License queue" };

type Search = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** One filter of the queue: a labelled select, "any" first when the filter may be off. */
function FilterSelect({ name, label, value, options, any }: { name: string; label: string; value: string | undefined; options: Array<[string, string]>; any?: string }) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className="block font-semibold">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""} className="input max-w-xs">
        {any ? <option value="">{any}</option> : null}
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  );
}

export default async function LicenseQueuePage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor("license:decide", "/licensing");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, first(value) || undefined]));
  const query = licenseQueueQuerySchema.parse(raw);
  const client = db();
  const [queue, countries] = await Promise.all([licenseQueue(client, actor, query), destinationCountries(client)]);
  const now = new Date();
  // The filters as they were asked (the ECCN as typed), kept by the page links.
  const filters = { status: query.status === "PENDING" ? undefined : query.status, destination: query.destination, eccn: query.eccn ? raw.eccn : undefined, age: query.age, assigned: query.assigned, hits: query.hits, sort: query.sort === "due" ? undefined : query.sort };
  const filtered = Object.values(filters).some(Boolean);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">License queue</h1>
      <p className="mb-6">
        Commerce aims to decide each request within its review target; overdue requests are marked.{" "}
        <Link href="/licensing/conflicts">Your conflicts of interest</Link>
      </p>
      <form method="get" action="/licensing" aria-label="Filter the license queue" className="card mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <FilterSelect name="status" label="Status" value={query.status} options={[["PENDING", LICENSE_STATUS_LABELS.PENDING], ...LICENSE_OUTCOMES.map((o): [string, string] => [o, LICENSE_STATUS_LABELS[o]])]} />
        <FilterSelect name="destination" label="Destination" value={query.destination} any="Any destination" options={countries.map((c): [string, string] => [c.code, c.name])} />
        <div>
          <label htmlFor="filter-eccn" className="block font-semibold">ECCN</label>
          <input id="filter-eccn" name="eccn" defaultValue={raw.eccn ?? ""} className="input max-w-xs" aria-describedby="filter-eccn-hint" />
          <p id="filter-eccn-hint" className="text-sm text-[var(--color-muted)]">
            {raw.eccn && !query.eccn ? `“${raw.eccn}” is not an ECCN; not filtered.` : "Its base code, e.g. 3A090 or 4A090."}
          </p>
        </div>
        <FilterSelect name="age" label="Age" value={query.age} any="Any age" options={Object.entries(QUEUE_AGES)} />
        <FilterSelect name="assigned" label="Assigned reviewer" value={query.assigned} any="Anyone or no one" options={[["me", "Assigned to me"], ["none", "Not assigned"]]} />
        <FilterSelect name="sort" label="Sort" value={query.sort} options={Object.entries(QUEUE_SORTS)} />
        <div className="flex items-end">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="hits" value="yes" defaultChecked={query.hits === "yes"} />
            Only with open screening hits
          </label>
        </div>
        <div className="flex items-end gap-4">
          <button type="submit" className="btn btn-primary">Apply filters</button>
          {filtered ? <Link href="/licensing">Clear filters</Link> : null}
        </div>
      </form>
      {queue.rows.length === 0 ? (
        <p>{filtered ? "No license request matches these filters." : "No license request is waiting for a decision."}</p>
      ) : (
        <DataTable caption={`License requests: ${LICENSE_STATUS_LABELS[query.status].toLowerCase()}, ${QUEUE_SORTS[query.sort].toLowerCase()}`} columns={["Proposal", "Consortium", "Destination", "Controlled items", "Screening", "Assigned to", "Registered", "Review clock"]}>
          {queue.rows.map((request) => {
            const clock = reviewClock(request.registeredAt, request.dueAt, now);
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
                <td>{request.openHits > 0 ? <strong>{request.openHits} open hit(s)</strong> : "Clear"}</td>
                <td>{request.assignedReviewer ? (request.assignedReviewer.id === actor.userId ? "You" : request.assignedReviewer.name) : "—"}</td>
                <td>{request.registeredAt.toISOString().slice(0, 10)}</td>
                <td className={clock.overdue && request.status === "PENDING" ? "font-semibold text-[var(--color-error)]" : ""}>
                  {request.status === "PENDING" ? (clock.overdue ? <>Overdue: {clock.label}</> : clock.label) : LICENSE_STATUS_LABELS[request.status]}
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
      <Pagination next={queue.next} previous={queue.previous} basePath="/licensing" params={filters} />
    </>
  );
}
