import type { Metadata } from "next";
import Link from "next/link";
import { CapPositionCard } from "@/components/cap-position";
import { ActionForm } from "@/components/form/action-form";
import { LicenseTerms } from "@/components/license-conditions";
import { Notice } from "@/components/notice";
import { LICENSE_STATUS_LABELS } from "@/lib/licensing/status";
import { StatusBadge } from "@/components/status-badge";
import { db } from "@/lib/db";
import { PRODUCT_LABELS } from "@/lib/financing/labels";
import { financingReview } from "@/lib/financing/service";
import { formatBasisPoints, formatCents } from "@/lib/money";
import { requestSettings } from "@/lib/request-cache";
import { orNotFound, requirePageActor } from "@/lib/session";
import { decideFinancingAction } from "../actions";

export const metadata: Metadata = { title: "Financing decision" };

export default async function FinancingDecisionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> }) {
  const { id } = await params;
  const { notice } = await searchParams;
  const actor = await requirePageActor("financing:decide", `/financing/${id}`);
  const { proposal, limits, blockers, cap, approvable } = await orNotFound(financingReview(db(), actor, id, await requestSettings()));
  const financingRequest = proposal.financingRequest;
  const decidable = proposal.status === "IN_FINANCING_REVIEW" || proposal.status === "IN_LICENSE_REVIEW";
  const lastDecision = financingRequest?.decisions[0];
  return (
    <>
      <p className="mb-2">
        <Link href="/financing">Back to the financing queue</Link>
      </p>
      {notice === "decided" && lastDecision ? (
        <Notice>
          {lastDecision.outcome === "APPROVED" ? `Financing approved: ${formatCents(lastDecision.approvedAmountCents ?? 0n)} drawn on the exposure cap.` : "Financing declined."}
        </Notice>
      ) : null}
      <h1 className="text-3xl font-bold">Financing decision</h1>
      <p className="mb-6">
        <Link href={`/proposals/${proposal.id}`}>
          {proposal.reference}: {proposal.title}
        </Link>{" "}
        · {proposal.consortium.name} · <StatusBadge status={proposal.status} />
      </p>
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
                <p className="font-semibold">Financing can&apos;t be approved yet:</p>
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
              <dd>{financingRequest ? PRODUCT_LABELS[financingRequest.product] : "—"}</dd>
              <dt>Amount requested</dt>
              <dd>{financingRequest ? formatCents(financingRequest.requestedAmountCents) : "—"}</dd>
              <dt>Contract price</dt>
              <dd>{formatCents(limits.contractPriceCents)}</dd>
              <dt>US content</dt>
              <dd>
                {formatCents(limits.usContentCents)} ({formatBasisPoints(limits.usContentShareBasisPoints)})
              </dd>
              <dt>Net contract price</dt>
              <dd>{formatCents(limits.netContractPriceCents)}</dd>
              <dt>Minimum cash payment</dt>
              <dd>{formatCents(limits.minimumCashPaymentCents)}</dd>
              <dt>Most EXIM may finance</dt>
              <dd className="font-semibold" data-testid="maximum-financed">
                {formatCents(limits.maximumFinancedCents)}{" "}
                <span className="font-normal">({limits.bindingLimit === "usContent" ? "100% of US content" : "85% of the net contract price"})</span>
              </dd>
            </dl>
          </section>
          <CapPositionCard cap={cap} />
        </div>
        <aside>
          <section aria-labelledby="decision-heading" className="card">
            <h2 id="decision-heading" className="mb-2 text-xl font-bold">
              Decision
            </h2>
            {decidable && financingRequest?.status === "REQUESTED" ? (
              <ActionForm
                action={decideFinancingAction}
                label="Financing decision"
                submitLabel="Record decision"
                hidden={{ proposalId: proposal.id, expectedVersion: String(proposal.version) }}
                fields={[
                  {
                    kind: "radio",
                    name: "outcome",
                    label: "Decision",
                    required: true,
                    options: [
                      { value: "APPROVED", label: "Approve financing" },
                      { value: "DECLINED", label: "Decline financing" },
                    ],
                  },
                  {
                    kind: "text",
                    name: "approvedAmount",
                    label: "Approved amount (US dollars)",
                    inputMode: "decimal",
                    hint: `Required to approve: at most ${formatCents(approvable)}, the lesser of the amount requested, what the cover rules allow, and the cap's headroom.`,
                  },
                  { kind: "textarea", name: "reason", label: "Reason", required: true },
                ]}
              />
            ) : lastDecision ? (
              <p>
                {lastDecision.outcome === "APPROVED" ? `Approved: ${formatCents(lastDecision.approvedAmountCents ?? 0n)}` : "Declined"} on{" "}
                {lastDecision.decidedAt.toISOString().slice(0, 10)}. {lastDecision.reason}
              </p>
            ) : (
              <p>This proposal is not awaiting a financing decision.</p>
            )}
          </section>
        </aside>
      </div>
    </>
  );
}
