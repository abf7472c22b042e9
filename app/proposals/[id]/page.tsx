import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { DataTable } from "@/components/data-table";
import { ActionForm } from "@/components/form/action-form";
import { LicenseTerms } from "@/components/license-conditions";
import { Notice } from "@/components/notice";
import { QuestionThread } from "@/components/question-thread";
import { ReturnForRevisionCard } from "@/components/return-for-revision";
import { StatusBadge } from "@/components/status-badge";
import { ReturnedForRevision, VersionLinks } from "@/components/versions";
import { AUDIT_ACTIONS, type AuditAction } from "@/lib/audit";
import { db } from "@/lib/db";
import { packageValue } from "@/lib/financing/rules";
import { OBLIGOR_SECTOR_LABELS, PRODUCT_LABELS } from "@/lib/financing/labels";
import { PARTY_ROLE_LABELS } from "@/lib/licensing/determination";
import { LICENSE_STATUS_LABELS, reviewDaysRemaining } from "@/lib/licensing/status";
import { formatBasisPoints, formatCents } from "@/lib/money";
import { can, seatAllows } from "@/lib/policy";
import { COMPLETENESS_LABELS, firstIncompleteStep, regionOf } from "@/lib/proposals/builder";
import { LAYER_SHORT_LABELS, reviewFlags } from "@/lib/proposals/completeness";
import { proposalPageData } from "@/lib/proposals/service";
import { orNotFound, requirePageActor } from "@/lib/session";
import { requestSettings } from "@/lib/request-cache";
import { STAGE_LABELS, STATUS_LABELS, transition } from "@/lib/workflow";
import { withdrawProposalAction } from "../actions";

// Read once per request: the tab title and the page share what was loaded.
const load = cache(async (id: string) => {
  const actor = await requirePageActor("proposal:read", `/proposals/${id}`);
  const settings = await requestSettings();
  return { actor, settings, ...(await orNotFound(proposalPageData(db(), actor, id, settings))) };
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { proposal } = await load((await params).id);
  return { title: proposal.title };
}

export default async function ProposalPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> }) {
  const { id } = await params;
  const { notice } = await searchParams;
  const { actor, settings, proposal, seatRole, mayEdit, history, steps, versions } = await load(id);
  const isMember = actor.role === "CONSORTIUM_MEMBER";

  // What the page offers follows the state machine and the seat; the services enforce both.
  const mayWithdraw = transition(proposal.status, "withdraw", actor.role).ok && seatAllows(seatRole, "proposal:withdraw");
  const mayReturn = can(actor, "proposal:return") && transition(proposal.status, "returnForRevision", actor.role).ok;
  const value = packageValue(proposal.lineItems);
  const flags = reviewFlags(proposal, settings);
  const financing = proposal.financingRequest;
  const now = new Date();
  const next = steps ? firstIncompleteStep(steps) : null;

  return (
    <>
      <p className="mb-2">
        <Link href="/proposals">Back to proposals</Link>
      </p>
      {notice === "submitted" && proposal.submittedAt ? <Notice>Proposal submitted. It is now {STATUS_LABELS[proposal.status].toLowerCase()}.</Notice> : null}
      {notice === "withdrawn" && proposal.status === "WITHDRAWN" ? <Notice>Proposal withdrawn.</Notice> : null}
      {notice === "returned" && proposal.status === "RETURNED_FOR_REVISION" ? <Notice>Proposal returned to the consortium for revision.</Notice> : null}
      <header className="mb-8">
        <p className="text-sm text-[var(--color-muted)]">
          {proposal.reference} · {proposal.consortium.name}
        </p>
        <h1 className="text-3xl font-bold">{proposal.title}</h1>
        <p className="mt-2 flex flex-wrap items-center gap-3">
          <StatusBadge status={proposal.status} />
          <span>
            {proposal.targetCountries.length > 1 ? "Destinations" : "Destination"}:{" "}
            {proposal.targetCountries.map((c) => `${c.country.name} (${regionOf(c.countryCode, settings["program.regions"])})`).join(", ") || "none yet"}
          </span>
          <VersionLinks proposalId={proposal.id} latest={versions.latest} />
        </p>
      </header>
      {proposal.status === "RETURNED_FOR_REVISION" && versions.revision ? <ReturnedForRevision revision={versions.revision} audience={isMember ? "consortium" : "reviewer"} /> : null}

      {steps && next ? (
        <section aria-labelledby="builder-heading" className="card mb-8">
          <h2 id="builder-heading" className="mb-3 text-xl font-bold">
            Your draft
          </h2>
          <ul className="mb-4 grid gap-1 sm:grid-cols-2">
            {steps.map((step) => (
              <li key={step.key}>
                <Link href={step.href}>{step.label}</Link>: {COMPLETENESS_LABELS[step.completeness].toLowerCase()}
                {step.completeness === "gaps" ? ` (${step.gaps} to do)` : ""}
              </li>
            ))}
          </ul>
          <p>
            <Link href={next.href} className="btn btn-primary">
              {next.key === "review" ? "Review and submit" : "Continue editing"}
            </Link>
          </p>
        </section>
      ) : null}

      <div className="grid gap-8 lg:grid-cols-3">
        <div className="min-w-0 space-y-8 lg:col-span-2">
          <section aria-labelledby="summary-heading" className="card">
            <h2 id="summary-heading" className="mb-3 text-xl font-bold">
              Summary
            </h2>
            <p className="whitespace-pre-line">{proposal.summary || "No summary yet."}</p>
          </section>

          <section aria-labelledby="items-heading" className="card">
            <h2 id="items-heading" className="mb-3 text-xl font-bold">
              Package line items
            </h2>
            {proposal.lineItems.length === 0 ? (
              <p>No line items yet.</p>
            ) : (
              <DataTable
                caption="Line items by stack layer"
                columns={["Layer", "Item", "Quantity", "Unit price", "Line total", "US content"]}
                className=""
              >
                {proposal.lineItems.map((item) => (
                  <tr key={item.id}>
                    <td className="whitespace-nowrap">{LAYER_SHORT_LABELS[item.layer]}</td>
                    <td>
                      {item.description}
                      {item.manufacturer || item.model || item.eccn ? (
                        <span className="block text-sm text-[var(--color-muted)]">
                          {[[item.manufacturer, item.model].filter(Boolean).join(" "), item.eccn ? `ECCN ${item.eccn}` : ""].filter(Boolean).join(" · ")}
                        </span>
                      ) : null}
                    </td>
                    <td>{item.quantity.toLocaleString("en-US")}</td>
                    <td className="whitespace-nowrap">{formatCents(item.unitPriceCents)}</td>
                    <td className="whitespace-nowrap">{formatCents(item.unitPriceCents * BigInt(item.quantity))}</td>
                    <td>{formatBasisPoints(item.usContentBasisPoints)}</td>
                  </tr>
                ))}
              </DataTable>

            )}
            <dl className="mt-4 grid grid-cols-2 gap-2 text-sm sm:grid-cols-3">
              <div>
                <dt className="text-[var(--color-muted)]">Contract price</dt>
                <dd className="font-semibold">{formatCents(value.contractPriceCents)}</dd>
              </div>
              <div>
                <dt className="text-[var(--color-muted)]">US content</dt>
                <dd className="font-semibold">{formatCents(value.usContentCents)}</dd>
              </div>
            </dl>
            {flags.map((flag) => (
              <p key={flag} className="mt-3 bg-[var(--color-warning-bg)] p-2">
                {flag}
              </p>
            ))}
            {mayEdit ? (
              <p className="mt-4">
                <Link href={`/proposals/${proposal.id}/package`}>Edit the package</Link>
              </p>
            ) : null}
          </section>

          <section aria-labelledby="parties-heading" className="card">
            <h2 id="parties-heading" className="mb-3 text-xl font-bold">
              Parties and end use
            </h2>
            {proposal.parties.length === 0 ? (
              <p>No parties named yet.</p>
            ) : (
              <ul className="mb-3 space-y-1">
                {proposal.parties.map((party) => (
                  <li key={party.id}>
                    <span className="font-semibold">{PARTY_ROLE_LABELS[party.role][0]!.toUpperCase() + PARTY_ROLE_LABELS[party.role].slice(1)}:</span> {party.name} ({party.country.name})
                  </li>
                ))}
              </ul>
            )}
            <p className="mb-3 text-sm">Specific end use: {proposal.specificEndUse ?? "not stated yet"}</p>
            <p>
              <Link href={`/proposals/${proposal.id}/parties`}>{mayEdit ? "Name the parties and the end use" : "See the parties and the end use"}</Link>
            </p>
          </section>

          <section aria-labelledby="attachments-heading" className="card">
            <h2 id="attachments-heading" className="mb-3 text-xl font-bold">
              Attachments
            </h2>
            <p className="mb-3">Technical specifications, the security plan, financial statements and other supporting documents.</p>
            <p>
              <Link href={`/proposals/${proposal.id}/attachments`} className={mayEdit ? "btn btn-secondary" : undefined}>
                {mayEdit ? "Upload and manage attachments" : "See the attachments"}
              </Link>
            </p>
            {versions.latest ? (
              <p className="mt-3">
                As submitted on {versions.latest.submittedAt.toISOString().slice(0, 10)}:{" "}
                <a href={`/proposals/${proposal.id}/versions/${versions.latest.number}/pdf`}>the proposal (PDF)</a>,{" "}
                <a href={`/proposals/${proposal.id}/versions/${versions.latest.number}/zip`}>the proposal with its attachments (ZIP)</a>
              </p>
            ) : null}
          </section>

          <section aria-labelledby="financing-heading" className="card">
            <h2 id="financing-heading" className="mb-3 text-xl font-bold">
              Financing request
            </h2>
            {financing ? (
              <dl className="grid grid-cols-2 gap-3">
                <dt>Product</dt>
                <dd>{PRODUCT_LABELS[financing.product]}</dd>
                <dt>Amount requested</dt>
                <dd>{formatCents(financing.requestedAmountCents)}</dd>
                <dt>Eligible foreign content</dt>
                <dd>{formatCents(financing.eligibleForeignContentCents)}</dd>
                <dt>Local costs</dt>
                <dd>{formatCents(financing.localCostsCents)}</dd>
                <dt>Repayment term</dt>
                <dd>{financing.repaymentYears} years</dd>
                <dt>Obligor sector</dt>
                <dd>{OBLIGOR_SECTOR_LABELS[financing.obligorSector]}</dd>
                <dt>Status</dt>
                <dd>{financing.status.charAt(0) + financing.status.slice(1).toLowerCase()}</dd>
                {financing.stage ? (
                  <>
                    <dt>Stage</dt>
                    <dd>{STAGE_LABELS[financing.stage]}</dd>
                  </>
                ) : null}
                {financing.decisions[0]?.approvedAmountCents ? (
                  <>
                    <dt>Amount decided</dt>
                    <dd className="font-semibold">{formatCents(financing.decisions[0].approvedAmountCents)}</dd>
                  </>
                ) : null}
                {financing.decisions.length > 0 ? (
                  <>
                    <dt>Decision letter</dt>
                    <dd>
                      <a href={`/proposals/${proposal.id}/decision-letter`}>Download the decision letter (PDF)</a>
                    </dd>
                  </>
                ) : null}
              </dl>
            ) : (
              <p>No financing request yet.</p>
            )}
            {mayEdit ? (
              <p className="mt-4">
                <Link href={`/proposals/${proposal.id}/financing`}>Edit the financing request</Link>
              </p>
            ) : null}
            {can(actor, "financing:decide") && financing ? (
              <p className="mt-4">
                <Link href={`/financing/${proposal.id}`} className="btn btn-primary">
                  Open the financing decision
                </Link>
              </p>
            ) : null}
          </section>
          {proposal.submittedAt && can(actor, "question:read") ? <QuestionThread actor={actor} proposalId={proposal.id} /> : null}
        </div>

        <aside className="min-w-0 space-y-8">
          <section aria-labelledby="licenses-heading" className="card">
            <h2 id="licenses-heading" className="mb-3 text-xl font-bold">
              Export licenses
            </h2>
            {proposal.licenseRequests.length === 0 ? (
              <p>{proposal.submittedAt ? "No export license is required for this package." : "Licenses are determined when the proposal is submitted."}</p>
            ) : (
              <ul className="space-y-3">
                {proposal.licenseRequests.map((request) => (
                  <li key={request.id} className="border-l-4 border-[var(--color-navy-700)] pl-3">
                    <p className="font-semibold">
                      {can(actor, "license:decide") ? <Link href={`/licensing/${request.id}`}>{request.destination.name}</Link> : request.destination.name}:{" "}
                      <span data-testid="license-status">{LICENSE_STATUS_LABELS[request.status]}</span>
                    </p>
                    <p className="text-sm">{request.determinationReason}</p>
                    {request.status === "PENDING" ? (
                      <p className="text-sm">Commerce review: {reviewDaysRemaining(request.dueAt, now)} days left of the target.</p>
                    ) : (
                      <LicenseTerms licenseNumber={request.licenseNumber} expiresAt={request.expiresAt} decision={request.decisions[0]} />
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>

          {mayReturn ? <ReturnForRevisionCard proposalId={proposal.id} expectedVersion={proposal.version} /> : null}

          {mayWithdraw ? (
            <section aria-labelledby="withdraw-heading" className="card">
              <h2 id="withdraw-heading" className="mb-3 text-xl font-bold">
                Withdraw
              </h2>
              <p className="mb-3 text-sm">Withdrawing ends the proposal for good; reviewers stop work on it.</p>
              <ActionForm
                action={withdrawProposalAction}
                label="Withdraw proposal"
                submitLabel="Withdraw proposal"
                variant="danger"
                hidden={{ proposalId: proposal.id, expectedVersion: String(proposal.version) }}
                fields={[
                  ...(proposal.status === "APPROVED"
                    ? [{ kind: "textarea" as const, name: "reason", label: "Reason for withdrawing", required: true, hint: "EXIM has committed financing: withdrawing releases it, with this reason on record." }]
                    : proposal.submittedAt
                      ? [{ kind: "textarea" as const, name: "reason", label: "Reason for withdrawing", required: true, hint: "Kept with the proposal's history; the reviewers see it." }]
                      : []),
                  { kind: "checkbox", name: "confirm", label: "I understand that a withdrawn proposal can't be reopened." },
                ]}
              />
            </section>
          ) : null}

          <section aria-labelledby="history-heading" className="card">
            <h2 id="history-heading" className="mb-3 text-xl font-bold">
              History
            </h2>
            <ol className="space-y-3" aria-label="Proposal history, newest first">
              {history.map((event) => (
                <li key={event.id.toString()} className="text-sm">
                  <p className="font-semibold">{historyLabel(event.action, event.after)}</p>
                  <p className="text-[var(--color-muted)]">
                    {event.actor?.name ?? "System"} · <time dateTime={event.occurredAt.toISOString()}>{event.occurredAt.toISOString().replace("T", " ").slice(0, 16)} UTC</time>
                  </p>
                </li>
              ))}
            </ol>
          </section>
        </aside>
      </div>
    </>
  );
}

function historyLabel(action: string, after: unknown): string {
  const label = AUDIT_ACTIONS[action as AuditAction] ?? action;
  const status = after && typeof after === "object" && "status" in after ? String((after as { status: unknown }).status) : null;
  if (action === "proposal.transitioned" && status && status in STATUS_LABELS) {
    return `${label}: ${STATUS_LABELS[status as keyof typeof STATUS_LABELS]}`;
  }
  return label;
}
