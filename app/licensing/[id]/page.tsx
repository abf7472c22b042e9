import type { Metadata } from "next";
import { QuestionThread } from "@/components/question-thread";
import Link from "next/link";
import { cache } from "react";
import { DataTable } from "@/components/data-table";
import { ActionForm, type FieldSpec } from "@/components/form/action-form";
import { LicenseTerms } from "@/components/license-conditions";
import { PartiesTable } from "@/components/parties-table";
import { Notice } from "@/components/notice";
import { ReturnForRevisionCard } from "@/components/return-for-revision";
import { ReturnedForRevision, VersionLinks } from "@/components/versions";
import { can } from "@/lib/policy";
import { versionContext } from "@/lib/proposals/versions";
import { transition } from "@/lib/workflow";
import { db } from "@/lib/db";
import { getLicenseRequest } from "@/lib/licensing/service";
import { LICENSE_STATUS_LABELS, reviewClock } from "@/lib/licensing/status";
import { formatDateTime } from "@/lib/dates";
import { formatCents } from "@/lib/money";
import { LICENSE_OUTCOMES } from "@/lib/schemas/decisions";
import { requestSettings } from "@/lib/request-cache";
import { orNotFound, requirePageActor } from "@/lib/session";
import { SCREENING_OUTCOME_LABELS } from "@/lib/screening/labels";
import { assignToMeAction, decideLicenseAction } from "../actions";

// One read of the request per view: the tab's title and the page share it.
const read = cache(async (id: string) => {
  const actor = await requirePageActor("license:decide", `/licensing/${id}`);
  return { actor, request: await orNotFound(getLicenseRequest(db(), actor, id)) };
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { request } = await read((await params).id);
  return { title: `Export license: ${request.destination.name} – ${request.proposal.reference}` };
}

const NOTICES: Record<string, string> = {
  assigned: "The request is assigned to you.",
  "hit-cleared": "Screening hit cleared.",
  "hit-confirmed": "Screening hit confirmed: the license can't be approved, and financing is blocked.",
};

const capitalized = (text: string) => text[0]!.toUpperCase() + text.slice(1);

export default async function LicenseRequestPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> }) {
  const { id } = await params;
  const { notice } = await searchParams;
  const [{ actor, request }, settings] = await Promise.all([read(id), requestSettings()]);
  const clock = reviewClock(request.registeredAt, request.dueAt, new Date());
  const reasons = Array.isArray(request.determinationReasons) && request.determinationReasons.length > 0 ? (request.determinationReasons as string[]) : [request.determinationReason];
  const openHits = request.screenings.filter((s) => s.outcome === "POSSIBLE_MATCH" || s.outcome === "CONFIRMED");
  // The proposal is authorized by the request's scoped read above.
  const versions = await versionContext(db(), request.proposal.id, { submitted: true, returned: request.proposal.status === "RETURNED_FOR_REVISION" });
  const mayReturn = can(actor, "proposal:return") && transition(request.proposal.status, "returnForRevision", actor.role).ok && !request.conflict;
  const templates = settings["licensing.conditionTemplates"];
  const conditionFields: FieldSpec[] = [
    { kind: "heading", text: "Binding conditions (for an approval with conditions or in part)" },
    ...templates.flatMap((template): FieldSpec[] => [
      { kind: "checkbox", name: `condition-${template.kind}`, label: `${template.label} condition` },
      { kind: "textarea", name: `conditionText-${template.kind}`, label: `${template.label} condition text`, defaultValue: template.text, rows: 3, hint: "Applies when ticked; edit it to fit this license." },
    ]),
    { kind: "textarea", name: "conditions", label: "Further conditions, or the items approved in part", hint: "Required for a partial approval: say which items are approved." },
  ];

  return (
    <>
      <p className="mb-2">
        <Link href="/licensing">Back to the license queue</Link>
      </p>
      {notice === "decided" && request.status !== "PENDING" ? <Notice>Decision recorded: {LICENSE_STATUS_LABELS[request.status].toLowerCase()}.</Notice> : null}
      {notice && NOTICES[notice] ? <Notice>{NOTICES[notice]}</Notice> : null}
      <h1 className="text-3xl font-bold">Export license: {request.destination.name}</h1>
      <p className="mb-2 text-[var(--color-muted)]">
        <Link href={`/proposals/${request.proposal.id}`}>
          {request.proposal.reference}: {request.proposal.title}
        </Link>{" "}
        · {request.proposal.consortium.name}
      </p>
      <p className="mb-6 flex flex-wrap gap-4 text-sm">
        <span>Registered {request.registeredAt.toISOString().slice(0, 10)}</span>
        <span>Target {request.dueAt.toISOString().slice(0, 10)}</span>
        {request.status === "PENDING" ? (
          <span data-testid="review-clock" className={clock.overdue ? "font-semibold text-[var(--color-error)]" : ""}>
            {clock.label}
          </span>
        ) : null}
        <span>Assigned to {request.assignedReviewer ? (request.assignedReviewer.id === actor.userId ? "you" : request.assignedReviewer.name) : "no one"}</span>
      </p>
      {request.proposal.status === "RETURNED_FOR_REVISION" && versions.revision ? <ReturnedForRevision revision={versions.revision} audience="reviewer" /> : null}
      {request.conflict ? (
        <p className="mb-6 border-l-8 border-[var(--color-error)] bg-[var(--color-warning-bg)] p-4" data-testid="conflict-warning">
          {request.conflict}
        </p>
      ) : null}

      <div className="grid gap-8 lg:grid-cols-3">
        <div className="min-w-0 space-y-8 lg:col-span-2">
          <section aria-labelledby="determination-heading" className="card">
            <h2 id="determination-heading" className="mb-2 text-xl font-bold">
              Why a license is required
            </h2>
            <ul className="list-disc space-y-1 pl-6">
              {reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
            <p className="mt-2 text-sm">
              Country groups of {request.destination.name}: {request.destinationGroups.join(", ") || "none"}
            </p>
            <p className="mt-1 text-sm" data-testid="rules-version">
              {request.rulesVersion ? (
                <>
                  Derived under export-control rules version {request.rulesVersion.number} (effective {formatDateTime(request.rulesVersion.effectiveFrom)}, changed by{" "}
                  {request.rulesVersion.createdBy?.name ?? "the reference data load"} because: {request.rulesVersion.reason})
                </>
              ) : (
                <>
                  Derived before the export-control rules were versioned (rule fingerprint <code>{request.ruleVersion ?? "not recorded"}</code>)
                </>
              )}
            </p>
          </section>

          <section aria-labelledby="items-heading" className="card">
            <h2 id="items-heading" className="mb-2 text-xl font-bold">
              Controlled items
            </h2>
            <DataTable caption="Controlled items in this license request" columns={["Item", "ECCN", "TPP", "Performance density", "Quantity", "Unit value", "Total value"]}>
              {request.items.map(({ lineItem }) => (
                <tr key={lineItem.id}>
                  <td>
                    {lineItem.description}
                    <span className="block text-sm">{[lineItem.manufacturer, lineItem.model].filter(Boolean).join(" ")}</span>
                    {lineItem.designedForDataCenter ? <span className="block text-sm">Designed for data centers</span> : null}
                  </td>
                  <td>{lineItem.eccn ?? "—"}</td>
                  <td>{lineItem.totalProcessingPerformance?.toLocaleString("en-US") ?? "—"}</td>
                  <td>{lineItem.performanceDensity?.toString() ?? "—"}</td>
                  <td>{lineItem.quantity.toLocaleString("en-US")}</td>
                  <td>{formatCents(lineItem.unitPriceCents)}</td>
                  <td>{formatCents(lineItem.unitPriceCents * BigInt(lineItem.quantity))}</td>
                </tr>
              ))}
            </DataTable>
          </section>

          <section aria-labelledby="parties-heading" className="card">
            <h2 id="parties-heading" className="mb-2 text-xl font-bold">
              Parties and end use
            </h2>
            <PartiesTable parties={request.proposal.parties} />
            <p className="mt-3">
              <span className="font-semibold">Specific end use:</span> {request.proposal.specificEndUse ?? "not stated"}
            </p>
          </section>

          <section aria-labelledby="screening-heading" className="card">
            <h2 id="screening-heading" className="mb-2 text-xl font-bold">
              Restricted-party screening
            </h2>
            <p className="mb-3 text-sm">
              {request.screenings.length === 0
                ? "The parties are being screened; reload the page in a moment."
                : openHits.length === 0
                  ? "No open screening hits."
                  : `${openHits.length} screening hit(s) stand in the way of an approval.`}{" "}
              Screened against the
              Consolidated Screening List of {request.screenings[0]?.listVersion ?? "—"}; a score of {settings["screening.matchThreshold"]} or more is a possible match.
            </p>
            <DataTable caption="Screening of every party and member organization" columns={["Screened", "Outcome", "Best score", "Listed entries", "Action"]}>
              {request.screenings.map((result) => {
                const hits = Array.isArray(result.hits) ? (result.hits as Array<{ entryName: string; source: string; score: number }>) : [];
                return (
                  <tr key={result.id}>
                    <td>
                      {result.query}
                      <span className="block text-sm">{capitalized(result.subjectKind)}</span>
                    </td>
                    <td data-testid="screening-outcome">
                      {SCREENING_OUTCOME_LABELS[result.outcome]}
                      {result.reviewedBy ? <span className="block text-sm">by {result.reviewedBy.name}: {result.reviewReason}</span> : null}
                    </td>
                    <td>{result.topScore}</td>
                    <td>
                      {hits.length === 0
                        ? "—"
                        : hits.map((hit) => (
                            <span key={hit.entryName} className="block text-sm">
                              {hit.entryName} ({hit.source}, {hit.score})
                            </span>
                          ))}
                    </td>
                    <td>
                      {result.outcome === "POSSIBLE_MATCH" ? (
                        <Link href={`/licensing/${request.id}/screening/${result.id}`} aria-label={`Review the hit for ${result.query}`}>
                          Review
                        </Link>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </DataTable>
          </section>

          <section aria-labelledby="snapshot-heading" className="card">
            <h2 id="snapshot-heading" className="mb-2 text-xl font-bold">
              As submitted
            </h2>
            {versions.latest ? (
              <>
                <p className="mb-2">
                  <VersionLinks proposalId={request.proposal.id} latest={versions.latest} />
                </p>
                <p>
                  <Link href={`/proposals/${request.proposal.id}/versions/${versions.latest.number}`}>Read version {versions.latest.number} as submitted</Link>
                </p>
              </>
            ) : (
              <p>No snapshot recorded.</p>
            )}
          </section>

          <QuestionThread actor={actor} proposalId={request.proposal.id} />
        </div>

        <aside className="min-w-0 space-y-8">
          <section aria-labelledby="decision-heading" className="card">
            <h2 id="decision-heading" className="mb-2 text-xl font-bold">
              Decision
            </h2>
            <p className="mb-4">
              Status: <strong data-testid="license-status">{LICENSE_STATUS_LABELS[request.status]}</strong>
            </p>
            {request.status === "PENDING" && request.proposal.status === "RETURNED_FOR_REVISION" ? (
              <p>The proposal is with the consortium for revision: decide when it is submitted again.</p>
            ) : request.status === "PENDING" && !request.conflict ? (
              <>
                {request.assignedReviewer?.id !== actor.userId ? (
                  <div className="mb-4">
                    <ActionForm action={assignToMeAction} label="Assign to me" submitLabel="Assign to me" variant="secondary" size="small" hidden={{ licenseRequestId: request.id }} fields={[]} />
                  </div>
                ) : null}
                <ActionForm
                  action={decideLicenseAction}
                  label="License decision"
                  submitLabel="Record decision"
                  hidden={{ licenseRequestId: request.id }}
                  fields={[
                    { kind: "radio", name: "outcome", label: "Decision", required: true, options: LICENSE_OUTCOMES.map((o) => ({ value: o, label: LICENSE_STATUS_LABELS[o] })) },
                    { kind: "textarea", name: "reason", label: "Reason", required: true, hint: "Recorded with the decision and shown to the applicant." },
                    ...conditionFields,
                  ]}
                />
              </>
            ) : request.status === "PENDING" ? (
              <p>Another reviewer must decide this request.</p>
            ) : (
              request.decisions.map((decision) => (
                <div key={decision.id} className="text-sm">
                  <p>
                    {LICENSE_STATUS_LABELS[decision.outcome]} by {decision.decidedBy.name} on {decision.decidedAt.toISOString().slice(0, 10)}
                  </p>
                  <LicenseTerms licenseNumber={request.licenseNumber} expiresAt={request.expiresAt} decision={decision} />
                </div>
              ))
            )}
          </section>
          {mayReturn ? <ReturnForRevisionCard proposalId={request.proposal.id} expectedVersion={request.proposal.version} /> : null}
        </aside>
      </div>
    </>
  );
}
