// The consortium's home (the dashboard of consortium staff): their proposals,
// what waits on them, their consortia and the latest activity.
import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { Pagination } from "@/components/pagination";
import { StatusBadge } from "@/components/status-badge";
import { AUDIT_ACTIONS, type AuditAction } from "@/lib/audit";
import { SEAT_ROLE_LABELS } from "@/lib/consortia/people";
import { formatDateTime } from "@/lib/dates";
import type { ConsortiumHome as HomeData } from "@/lib/home/service";
import { cappedCount } from "@/lib/counts";
import { HOME_COUNT_CAP } from "@/lib/home/service";
import { AGENCY_LABELS, newMessagesLabel } from "@/lib/questions/rules";
import { STATUS_LABELS } from "@/lib/workflow";

const capped = (n: number) => cappedCount(n, HOME_COUNT_CAP);
const plural = (n: number, one: string, many: string) => `${capped(n)} ${n === 1 ? one : many}`;

function activityLabel(action: string, after: unknown): string {
  const label = AUDIT_ACTIONS[action as AuditAction] ?? action;
  const status = after && typeof after === "object" && "status" in after ? String((after as { status: unknown }).status) : null;
  return action === "proposal.transitioned" && status && status in STATUS_LABELS ? `${label}: ${STATUS_LABELS[status as keyof typeof STATUS_LABELS]}` : label;
}

export function ConsortiumHome({ name, home, mayCreate }: { name: string; home: HomeData; mayCreate: boolean }) {
  const { seats, proposals, unread, waiting, returned, invitations, activity } = home;
  const leadSeats = seats.filter((s) => s.seatRole === "LEAD");
  const nothingWaiting = waiting.count === 0 && returned.length === 0 && invitations.count === 0;
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">Welcome, {name}</h1>
      {seats.length === 0 ? (
        <p className="card mb-8">
          You are not in a consortium yet. <Link href="/consortia/new">Create a consortium</Link>, or open the invitation link a consortium&apos;s lead sent you.
        </p>
      ) : null}

      <div className="mb-8 grid gap-8 lg:grid-cols-3">
        <section aria-labelledby="waiting-heading" className="card lg:col-span-2" data-testid="waiting-on-you">
          <h2 id="waiting-heading" className="mb-3 text-xl font-bold">
            Waiting on you
          </h2>
          {nothingWaiting ? <p>Nothing waits on your consortium right now.</p> : null}
          {waiting.count > 0 ? (
            <div className="mb-4">
              <h3 className="font-semibold">{plural(waiting.count, "open question", "open questions")} from the agencies</h3>
              <ul className="mt-2 space-y-2">
                {waiting.oldest.map((q) => (
                  <li key={q.id}>
                    <Link href={`/proposals/${q.proposal.id}#questions`}>
                      {q.proposal.reference}: {q.proposal.title}
                    </Link>
                    <span className="block text-sm text-[var(--color-muted)]">
                      {AGENCY_LABELS[q.side]} asked on {formatDateTime(q.createdAt)}: “{q.body}”
                    </span>
                  </li>
                ))}
              </ul>
              {waiting.count > waiting.oldest.length ? <p className="mt-2 text-sm">The oldest are shown first.</p> : null}
            </div>
          ) : null}
          {returned.length > 0 ? (
            <div className="mb-4">
              <h3 className="font-semibold">Returned for revision</h3>
              <ul className="mt-2 space-y-2">
                {returned.map((p) => (
                  <li key={p.id}>
                    <Link href={`/proposals/${p.id}`}>
                      {p.reference}: {p.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {invitations.count > 0 ? (
            <div>
              <h3 className="font-semibold">{plural(invitations.count, "invitation", "invitations")} not yet accepted</h3>
              <ul className="mt-2 space-y-1">
                {leadSeats.map((s) => (
                  <li key={s.consortium.id}>
                    <Link href={`/consortia/${s.consortium.id}`}>People in {s.consortium.name}</Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>

        <section aria-labelledby="consortia-heading" className="card">
          <h2 id="consortia-heading" className="mb-3 text-xl font-bold">
            Your consortia
          </h2>
          <ul className="space-y-3">
            {seats.map((s) => (
              <li key={s.consortium.id}>
                <Link href={`/consortia/${s.consortium.id}`} className="font-semibold">
                  {s.consortium.name}
                </Link>
                <span className="block text-sm">
                  {plural(s.consortium._count.memberships, "member organization", "member organizations")} · {plural(s.consortium._count.users, "person", "people")}
                </span>
                <span className="block text-sm text-[var(--color-muted)]">Your role: {SEAT_ROLE_LABELS[s.seatRole]}</span>
              </li>
            ))}
          </ul>
          {mayCreate ? (
            <p className="mt-4">
              <Link href="/proposals/new">Start a new proposal</Link>
            </p>
          ) : null}
        </section>
      </div>

      <section aria-labelledby="home-proposals-heading" className="mb-8">
        <h2 id="home-proposals-heading" className="mb-3 text-xl font-bold">
          Your proposals
        </h2>
        {proposals.rows.length === 0 ? (
          <p>No proposals yet.</p>
        ) : (
          <DataTable caption="Your consortia's proposals, most recently changed first" columns={["Reference", "Title", "Status", "Questions", "Last changed"]}>
            {proposals.rows.map((row) => {
              const fresh = unread.get(row.id) ?? 0;
              return (
                <tr key={row.id}>
                  <td>{row.reference}</td>
                  <td>
                    <Link href={`/proposals/${row.id}`}>{row.title}</Link>
                  </td>
                  <td>
                    <StatusBadge status={row.status} />
                  </td>
                  <td>{fresh > 0 ? <Link href={`/proposals/${row.id}#questions`}>{newMessagesLabel(fresh)}</Link> : "—"}</td>
                  <td>{row.updatedAt.toISOString().slice(0, 10)}</td>
                </tr>
              );
            })}
          </DataTable>
        )}
        <Pagination next={proposals.next} previous={null} basePath="/proposals" />
      </section>

      <section aria-labelledby="activity-heading" className="card">
        <h2 id="activity-heading" className="mb-3 text-xl font-bold">
          Recent activity
        </h2>
        {activity.length === 0 ? (
          <p>Nothing has happened yet.</p>
        ) : (
          <ol className="space-y-3" aria-label="Recent activity, newest first">
            {activity.map((event) => (
              <li key={event.id.toString()} className="text-sm">
                <p className="font-semibold">
                  {activityLabel(event.action, event.after)} · <Link href={`/proposals/${event.proposalId}`}>{event.reference}</Link>
                </p>
                <p className="text-[var(--color-muted)]">
                  {event.actorName ?? "System"} · <time dateTime={event.occurredAt.toISOString()}>{formatDateTime(event.occurredAt)}</time>
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
