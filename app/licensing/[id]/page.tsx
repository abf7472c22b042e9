import { DataTable } from "@/components/data-table";
import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/form/action-form";
import { Notice } from "@/components/notice";
import { db } from "@/lib/db";
import { getLicenseRequest } from "@/lib/licensing/service";
import { LICENSE_STATUS_LABELS, reviewDaysRemaining } from "@/lib/licensing/status";
import { formatCents } from "@/lib/money";
import { LICENSE_OUTCOMES } from "@/lib/schemas/decisions";
import { orNotFound, requirePageActor } from "@/lib/session";
import { decideLicenseAction } from "../actions";

export const metadata: Metadata = { title: "License request" };

export default async function LicenseRequestPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> }) {
  const { id } = await params;
  const { notice } = await searchParams;
  const actor = await requirePageActor("license:decide", `/licensing/${id}`);
  const request = await orNotFound(getLicenseRequest(db(), actor, id));
  const days = reviewDaysRemaining(request.dueAt, new Date());
  return (
    <>
      <p className="mb-2">
        <Link href="/licensing">Back to the license queue</Link>
      </p>
      {notice === "decided" && request.status !== "PENDING" ? <Notice>Decision recorded: {LICENSE_STATUS_LABELS[request.status].toLowerCase()}.</Notice> : null}
      <h1 className="text-3xl font-bold">
        Export license: {request.destination.name}
      </h1>
      <p className="mb-6 text-[var(--color-muted)]">
        <Link href={`/proposals/${request.proposal.id}`}>
          {request.proposal.reference}: {request.proposal.title}
        </Link>{" "}
        · {request.proposal.consortium.name}
      </p>
      <div className="grid gap-8 lg:grid-cols-3">
        <div className="space-y-8 lg:col-span-2">
          <section aria-labelledby="determination-heading" className="card">
            <h2 id="determination-heading" className="mb-2 text-xl font-bold">
              Why a license is required
            </h2>
            <p>{request.determinationReason}</p>
            <p className="mt-2 text-sm">
              Country groups of {request.destination.name}: {request.destination.groups.map((g) => g.groupCode).join(", ") || "none"}
            </p>
          </section>
          <section aria-labelledby="items-heading" className="card">
            <h2 id="items-heading" className="mb-2 text-xl font-bold">
              Controlled items
            </h2>
            <DataTable caption="Controlled items in this license request" columns={["Item", "ECCN", "TPP", "Quantity", "Total value"]} className="">
              {request.items.map(({ lineItem }) => (
                <tr key={lineItem.id}>
                  <td>
                    {lineItem.description}
                    <span className="block text-sm">{[lineItem.manufacturer, lineItem.model].filter(Boolean).join(" ")}</span>
                  </td>
                  <td>{lineItem.eccn ?? "—"}</td>
                  <td>{lineItem.totalProcessingPerformance?.toLocaleString("en-US") ?? "—"}</td>
                  <td>{lineItem.quantity.toLocaleString("en-US")}</td>
                  <td>{formatCents(lineItem.unitPriceCents * BigInt(lineItem.quantity))}</td>
                </tr>
              ))}
            </DataTable>
          </section>
        </div>
        <aside className="space-y-8">
          <section aria-labelledby="decision-heading" className="card">
            <h2 id="decision-heading" className="mb-2 text-xl font-bold">
              Decision
            </h2>
            <p className="mb-4">
              Status: <strong data-testid="license-status">{LICENSE_STATUS_LABELS[request.status]}</strong>
              {request.status === "PENDING" ? <span className="block text-sm">{days < 0 ? `${-days} days past the review target` : `${days} days left of the review target`}</span> : null}
            </p>
            {request.status === "PENDING" ? (
              <ActionForm
                action={decideLicenseAction}
                label="License decision"
                submitLabel="Record decision"
                hidden={{ licenseRequestId: request.id }}
                fields={[
                  { kind: "radio", name: "outcome", label: "Decision", required: true, options: LICENSE_OUTCOMES.map((o) => ({ value: o, label: LICENSE_STATUS_LABELS[o] })) },
                  { kind: "textarea", name: "reason", label: "Reason", required: true, hint: "Recorded with the decision and shown to the applicant." },
                  { kind: "textarea", name: "conditions", label: "Binding conditions", hint: "Required when approving with conditions (security, reporting and end-use duties) or approving in part (which items)." },
                ]}
              />
            ) : (
              request.decisions.map((decision) => (
                <div key={decision.id} className="text-sm">
                  <p>
                    {LICENSE_STATUS_LABELS[decision.outcome]} by {decision.decidedBy.name} on {decision.decidedAt.toISOString().slice(0, 10)}
                  </p>
                  <p className="mt-1">Reason: {decision.reason}</p>
                  {decision.conditions ? <p className="mt-1">Conditions: {decision.conditions}</p> : null}
                  {request.licenseNumber ? <p className="mt-1">License {request.licenseNumber}, valid to {request.expiresAt?.toISOString().slice(0, 10)}</p> : null}
                </div>
              ))
            )}
          </section>
        </aside>
      </div>
    </>
  );
}
