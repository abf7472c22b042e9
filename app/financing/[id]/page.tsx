import type { Metadata } from "next";
import { QuestionThread } from "@/components/question-thread";
import Link from "next/link";
import { cache } from "react";
import { CapPositionCard } from "@/components/cap-position";
import { DataTable } from "@/components/data-table";
import { ActionForm } from "@/components/form/action-form";
import { LicenseTerms } from "@/components/license-conditions";
import { Notice } from "@/components/notice";
import { LICENSE_STATUS_LABELS } from "@/lib/licensing/status";
import { StatusBadge } from "@/components/status-badge";
import { ReturnForRevisionCard } from "@/components/return-for-revision";
import { ReturnedForRevision, VersionLinks } from "@/components/versions";
import { versionContext } from "@/lib/proposals/versions";
import { db } from "@/lib/db";
import { AUTHORITY_LABELS } from "@/lib/financing/authority";
import { PRODUCT_LABELS } from "@/lib/financing/labels";
import { allowedProducts, financingTerm, TERM_LABELS } from "@/lib/financing/rules";
import { financingReview } from "@/lib/financing/service";
import { formatBasisPoints, formatCents } from "@/lib/money";
import { requestSettings } from "@/lib/request-cache";
import { orNotFound, requirePageActor } from "@/lib/session";
import { STAGE_LABELS, STAGE_TRANSITIONS, transition } from "@/lib/workflow";
import { cancelCommitmentAction, decideFinancingAction, recordBoardDecisionAction, recordCongressionalNotificationAction } from "../actions";

// One read of the review per view: the tab's title and the page share it.
const read = cache(async (id: string) => {
  const actor = await requirePageActor("financing:decide", `/financing/${id}`);
  return { actor, review: await orNotFound(financingReview(db(), actor, id, await requestSettings())) };
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { review } = await read((await params).id);
  return { title: `Financing decision – ${review.proposal.reference}: ${review.proposal.title}` };
}

const NOTICES: Record<string, string> = {
  board: "The board's decision is on record.",
  congress: "The congressional notification is on record.",
};

const day = (date: Date | null | undefined) => (date ? date.toISOString().slice(0, 10) : "—");

export default async function FinancingDecisionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> }) {
  const { id } = await params;
  const { notice } = await searchParams;
  const { actor, review } = await read(id);
  const { proposal, limits, blockers, cap, approvable, nextEvent, terms, authority, settings, schedule } = review;
  const request = proposal.financingRequest;
  const lastDecision = request?.decisions[0];
  const hidden = { proposalId: proposal.id, expectedVersion: String(proposal.version) };
  const term = request ? financingTerm(request.requestedAmountCents, request.repaymentYears, settings) : null;
  const nextStage = nextEvent ? STAGE_TRANSITIONS[nextEvent] : null;
  // The proposal is authorized by the review's scoped read above.
  const versions = await versionContext(db(), proposal.id, { submitted: true, returned: proposal.status === "RETURNED_FOR_REVISION" });
  const mayReturn = transition(proposal.status, "returnForRevision", actor.role).ok;
  const decidable = request?.status === "REQUESTED" && (proposal.status === "IN_FINANCING_REVIEW" || proposal.status === "IN_LICENSE_REVIEW");
  return (
    <>
      <p className="mb-2">
        <Link href="/financing">Back to the financing queue</Link>
      </p>
      {notice === "decided" && lastDecision ? (
        <Notice>
          {lastDecision.outcome === "APPROVED"
            ? `${STAGE_LABELS[lastDecision.stage ?? "FINAL_COMMITMENT"]} issued for ${formatCents(lastDecision.approvedAmountCents ?? 0n)}${lastDecision.stage === "FINAL_COMMITMENT" ? ", drawn on the exposure cap" : ""}.`
            : "Financing declined."}
        </Notice>
      ) : notice && NOTICES[notice] ? (
        <Notice>{NOTICES[notice]}</Notice>
      ) : null}
      <h1 className="text-3xl font-bold">Financing decision</h1>
      <p className="mb-6">
        <Link href={`/proposals/${proposal.id}`}>
          {proposal.reference}: {proposal.title}
        </Link>{" "}
        · {proposal.consortium.name} · <StatusBadge status={proposal.status} /> · Stage:{" "}
        <span data-testid="financing-stage">{request?.stage ? STAGE_LABELS[request.stage] : "No decision yet"}</span>
      </p>
      {versions.latest ? (
        <p className="-mt-4 mb-6">
          <VersionLinks proposalId={proposal.id} latest={versions.latest} />
        </p>
      ) : null}
      {proposal.status === "RETURNED_FOR_REVISION" && versions.revision ? <ReturnedForRevision revision={versions.revision} audience="reviewer" /> : null}
      <div className="grid gap-8 lg:grid-cols-3">
        <div className="space-y-8 lg:col-span-2">
          <section aria-labelledby="licenses-heading" className="card">
            <h2 id="licenses-heading" className="mb-2 text-xl font-bold">
              Export licenses
            </h2>
            {proposal.licenseRequests.length > 0 ? (
              <ul className="mb-3 space-y-2" aria-label="Export licenses of the package">
                {proposal.licenseRequests.map((request) => (
                  <li key={request.id}>
                    <span className="font-semibold">{request.destination.name}:</span> {LICENSE_STATUS_LABELS[request.status]}
                    <LicenseTerms licenseNumber={request.licenseNumber} expiresAt={request.expiresAt} decision={request.decisions[0]} />
                  </li>
                ))}
              </ul>
            ) : null}
            {blockers.length === 0 ? (
              <p data-testid="license-readiness">
                {proposal.licenseRequests.length === 0 ? "No export license is required." : "Every required export license is granted."}
              </p>
            ) : (
              <div data-testid="license-readiness" className="bg-[var(--color-warning-bg)] p-3">
                <p className="font-semibold">The final commitment can&apos;t be given yet:</p>
                <ul className="list-disc pl-6">
                  {blockers.map((blocker) => (
                    <li key={blocker}>{blocker}</li>
                  ))}
                </ul>
              </div>
            )}
          </section>
          <section aria-labelledby="figures-heading" className="card">
            <h2 id="figures-heading" className="mb-2 text-xl font-bold">
              Cover and cash payment
            </h2>
            <dl className="grid grid-cols-2 gap-2">
              <dt>Product</dt>
              <dd>{request ? PRODUCT_LABELS[request.product] : "—"}</dd>
              <dt>Amount requested</dt>
              <dd>{request ? formatCents(request.requestedAmountCents) : "—"}</dd>
              <dt>Repayment term</dt>
              <dd>{request ? `${request.repaymentYears} years` : "—"}</dd>
              <dt>Contract price</dt>
              <dd>{formatCents(limits.contractPriceCents)}</dd>
              <dt>US content</dt>
              <dd>
                {formatCents(limits.usContentCents)} ({formatBasisPoints(limits.usContentShareBasisPoints)} of the export value)
              </dd>
              <dt>Foreign content (eligible)</dt>
              <dd>
                {formatCents(limits.foreignContentCents)} ({formatCents(limits.eligibleForeignContentCents)})
              </dd>
              <dt>Local costs (supported)</dt>
              <dd>
                {formatCents(limits.localCostsCents)} ({formatCents(limits.supportedLocalCostsCents)}, up to {formatBasisPoints(limits.localCostsShareBasisPoints)} of the export value)
              </dd>
              <dt>Net contract price</dt>
              <dd>{formatCents(limits.netContractPriceCents)}</dd>
              <dt>Minimum cash payment</dt>
              <dd>{formatCents(limits.minimumCashPaymentCents)}</dd>
              <dt>Most EXIM may finance</dt>
              <dd className="font-semibold" data-testid="maximum-financed">
                {formatCents(limits.maximumFinancedCents)}{" "}
                <span className="font-normal">({limits.bindingLimit === "usContent" ? "100% of US content binds" : "85% of the net contract price binds"})</span>
              </dd>
              <dt>Term</dt>
              <dd>
                {term ? `${TERM_LABELS[term]}: ${allowedProducts(term).map((p) => PRODUCT_LABELS[p].toLowerCase()).join(" or ")}` : "—"}
              </dd>
              <dt>CIRR for the term</dt>
              <dd>{terms?.cirrBasisPoints != null ? `${formatBasisPoints(terms.cirrBasisPoints)} a year${request?.product === "DIRECT_LOAN" ? "" : " (direct loans only)"}` : "Not published"}</dd>
              <dt>Exposure fee (up front)</dt>
              <dd>{terms?.exposure ? `${formatBasisPoints(terms.exposure.rateBasisPoints)}: ${formatCents(terms.exposure.feeCents)}` : "—"}</dd>
            </dl>
          </section>
          <section aria-labelledby="authority-heading" className="card">
            <h2 id="authority-heading" className="mb-2 text-xl font-bold">
              Approval authority
            </h2>
            {authority ? (
              <>
                <p data-testid="authority-level">{AUTHORITY_LABELS[authority.level]}.</p>
                <dl className="mt-2 grid grid-cols-2 gap-2">
                  <dt>Board decision</dt>
                  <dd>{request?.boardDecidedAt ? `${day(request.boardDecidedAt)}, minute ${request.boardMinuteReference}` : "Not recorded"}</dd>
                  <dt>Congress notified</dt>
                  <dd>{day(request?.congressNotifiedAt)}</dd>
                </dl>
                {authority.problems.length > 0 ? (
                  <ul className="mt-2 list-disc pl-6" aria-label="Authority still needed">
                    {authority.problems.map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                  </ul>
                ) : null}
                {decidable && authority.level !== "OFFICER" ? (
                  <div className="mt-4 grid gap-6 md:grid-cols-2">
                    <ActionForm
                      action={recordBoardDecisionAction}
                      label="Record the board's decision"
                      submitLabel="Record the board's decision"
                      variant="secondary"
                      size="small"
                      hidden={hidden}
                      fields={[
                        { kind: "text", name: "boardDecidedAt", label: "Date of the board's decision", required: true, hint: "yyyy-mm-dd", width: "max-w-xs" },
                        { kind: "text", name: "boardMinuteReference", label: "Minute reference", required: true, width: "max-w-xs" },
                      ]}
                    />
                    {authority.level === "BOARD_AND_CONGRESS" ? (
                      <ActionForm
                        action={recordCongressionalNotificationAction}
                        label="Record the congressional notification"
                        submitLabel="Record the notification"
                        variant="secondary"
                        size="small"
                        hidden={hidden}
                        fields={[{ kind: "text", name: "congressNotifiedAt", label: "Date Congress was notified", required: true, hint: `yyyy-mm-dd; the period lasts ${settings["financing.congressionalNotificationDays"]} days.`, width: "max-w-xs" }]}
                      />
                    ) : null}
                  </div>
                ) : null}
              </>
            ) : (
              <p>No financing request.</p>
            )}
          </section>
          {request?.decisions.length ? (
            <section aria-labelledby="decisions-heading" className="card">
              <h2 id="decisions-heading" className="mb-2 text-xl font-bold">
                Decisions
              </h2>
              <DataTable caption="Financing decisions, newest first" columns={["Date", "Stage", "Outcome", "Terms", "Reason"]} className="">
                {request.decisions.map((d) => (
                  <tr key={d.id}>
                    <td>{day(d.decidedAt)}</td>
                    <td>{d.stage ? STAGE_LABELS[d.stage] : "—"}</td>
                    <td>{d.outcome === "APPROVED" ? "Issued" : d.outcome === "DECLINED" ? "Declined" : d.outcome === "CANCELLED" ? "Cancelled" : d.outcome}</td>
                    <td>
                      {d.approvedAmountCents != null ? formatCents(d.approvedAmountCents) : "—"}
                      {d.product ? `, ${PRODUCT_LABELS[d.product].toLowerCase()} over ${d.repaymentYears} years` : ""}
                      {d.rateBasisPoints != null ? `, ${formatBasisPoints(d.rateBasisPoints)} CIRR` : ""}
                      {d.exposureFeeCents != null ? `, exposure fee ${formatCents(d.exposureFeeCents)}` : ""}
                    </td>
                    <td>{d.reason}</td>
                  </tr>
                ))}
              </DataTable>
              <p className="mt-2">
                <a href={`/proposals/${proposal.id}/decision-letter`}>Download the decision letter (PDF)</a>
              </p>
            </section>
          ) : null}
          <section aria-labelledby="schedule-heading" className="card">
            <h2 id="schedule-heading" className="mb-2 text-xl font-bold">
              Repayment schedule
            </h2>
            {schedule.length === 0 ? (
              <p>Set the starting point (shipment or project completion) with a decision to see the schedule.</p>
            ) : (
              <>
                <p className="mb-2">
                  {schedule.length} semi-annual installments from {schedule[0]!.dueDate}.{" "}
                  <a href={`/financing/${proposal.id}/schedule.csv`} download>
                    Download as CSV
                  </a>
                </p>
                <DataTable caption="Repayment schedule" columns={["Installment", "Due", "Principal", "Interest", "Outstanding after"]} className="">
                  {schedule.map((row) => (
                    <tr key={row.number}>
                      <td>{row.number}</td>
                      <td>{row.dueDate}</td>
                      <td>{formatCents(row.principalCents)}</td>
                      <td>{formatCents(row.interestCents)}</td>
                      <td>{formatCents(row.balanceAfterCents)}</td>
                    </tr>
                  ))}
                </DataTable>
              </>
            )}
          </section>
          <CapPositionCard cap={cap} />
          <QuestionThread actor={actor} proposalId={proposal.id} />
        </div>
        <aside>
          <section aria-labelledby="decision-heading" className="card">
            <h2 id="decision-heading" className="mb-2 text-xl font-bold">
              Decision
            </h2>
            {decidable && nextStage ? (
              <ActionForm
                action={decideFinancingAction}
                label="Financing decision"
                submitLabel="Record decision"
                hidden={{ ...hidden, stage: nextStage.to }}
                fields={[
                  {
                    kind: "radio",
                    name: "outcome",
                    label: "Decision",
                    required: true,
                    options: [
                      { value: "APPROVED", label: `${nextStage.label}` },
                      { value: "DECLINED", label: "Decline financing" },
                    ],
                  },
                  {
                    kind: "text",
                    name: "approvedAmount",
                    label: "Amount (US dollars)",
                    inputMode: "decimal",
                    requiredWhen: true,
                    hint: `Required to issue: at most ${formatCents(approvable)}, the lesser of the amount requested, what the cover rules allow, and the cap's headroom. The same rules as the ask apply to the amount with the requested product and term.`,
                  },
                  {
                    kind: "text",
                    name: "startingPoint",
                    label: "Starting point of repayment",
                    hint: "yyyy-mm-dd: shipment or project completion. The first installment falls six months later.",
                    defaultValue: request?.startingPoint ? day(request.startingPoint) : undefined,
                    width: "max-w-xs",
                  },
                  {
                    kind: "radio",
                    name: "exposureFeePayment",
                    label: "Exposure fee paid",
                    defaultValue: "UP_FRONT",
                    options: [
                      { value: "UP_FRONT", label: "Up front" },
                      { value: "AS_DRAWN", label: "As drawn" },
                    ],
                  },
                  { kind: "checkbox", name: "exposureFeeFinanced", label: "The exposure fee is financed" },
                  { kind: "textarea", name: "reason", label: "Reasons", required: true },
                ]}
              />
            ) : proposal.status === "APPROVED" ? (
              <>
                <p className="mb-4">Final commitment given on {day(lastDecision?.decidedAt)}.</p>
                <ActionForm
                  action={cancelCommitmentAction}
                  label="Cancel the final commitment"
                  submitLabel="Cancel the commitment"
                  variant="danger"
                  hidden={hidden}
                  fields={[{ kind: "textarea", name: "reason", label: "Reason for the cancellation", required: true, hint: "Releases the draw on the exposure cap and removes the package from the public list." }]}
                />
              </>
            ) : lastDecision ? (
              <p>
                {lastDecision.outcome === "DECLINED" ? "Declined" : lastDecision.outcome === "CANCELLED" ? "Cancelled" : "Decided"} on {day(lastDecision.decidedAt)}. {lastDecision.reason}
              </p>
            ) : (
              <p>This proposal is not awaiting a financing decision.</p>
            )}
          </section>
          {mayReturn ? (
            <div className="mt-8">
              <ReturnForRevisionCard proposalId={proposal.id} expectedVersion={proposal.version} />
            </div>
          ) : null}
        </aside>
      </div>
    </>
  );
}
