import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { cache } from "react";
import { StepFrame } from "@/components/builder/step-frame";
import { DataTable } from "@/components/data-table";
import { ActionForm } from "@/components/form/action-form";
import { Notice } from "@/components/notice";
import { db } from "@/lib/db";
import { StackLayer } from "@/lib/generated/prisma/enums";
import { formatBasisPoints, formatCents } from "@/lib/money";
import { gapHref, packageTotals } from "@/lib/proposals/builder";
import { LAYER_LABELS, LAYER_SHORT_LABELS } from "@/lib/proposals/completeness";
import { builderPageData, consortiumSuppliers } from "@/lib/proposals/steps";
import { requestSettings } from "@/lib/request-cache";
import { orNotFound, requirePageActor } from "@/lib/session";
import { removeLineItemAction } from "../../actions";

const load = cache(async (id: string) => {
  const actor = await requirePageActor("proposal:read", `/proposals/${id}/package`);
  const settings = await requestSettings();
  return { settings, ...(await orNotFound(builderPageData(db(), actor, id, settings))) };
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { proposal } = await load((await params).id);
  return { title: `Package – ${proposal.title}` };
}

const NOTICES: Record<string, string> = { "item-added": "Line item added.", "item-removed": "Line item removed." };

/** "a hardware item", "an AI models item": the words of each layer's add link. */
const ITEM_NOUNS: Record<StackLayer, string> = {
  HARDWARE: "a hardware item",
  STORAGE: "a storage item",
  CLOUD_NETWORKING: "a cloud or networking item",
  DATA_PIPELINES: "a data pipeline item",
  AI_MODELS: "an AI model item",
  SECURITY: "a security item",
  APPLICATION_SOFTWARE: "a software item",
};

export default async function PackageStep({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> }) {
  const { id } = await params;
  const { notice } = await searchParams;
  const { proposal, mayEdit, steps, gaps, settings } = await load(id);
  if (!mayEdit) redirect(`/proposals/${proposal.id}`);
  const suppliers = new Map((await consortiumSuppliers(db(), proposal.consortiumId)).map((s) => [s.id, s.legalName]));
  const totals = packageTotals(proposal.lineItems);
  const threshold = settings["proposals.hardwareUsContentThresholdBasisPoints"];
  const required = new Set(settings["proposals.requiredLayers"]);
  const layers = Object.values(StackLayer);
  const packageGaps = gaps.filter((gap) => gap.step === "package");

  return (
    <StepFrame
      proposal={proposal}
      steps={steps}
      current="package"
      notice={notice && NOTICES[notice] ? <Notice>{NOTICES[notice]}</Notice> : null}
      intro={<p>The line items of the package in every layer of the stack, who supplies each, and what it costs. Required layers: {[...required].map((l) => LAYER_SHORT_LABELS[l]).join(", ")}.</p>}
    >
      {packageGaps.length > 0 ? (
        <section aria-labelledby="package-gaps-heading" className="card border-l-8 border-amber-600">
          <h2 id="package-gaps-heading" className="mb-2 text-lg font-bold">
            Still needed before you can submit
          </h2>
          <ul className="list-disc pl-6">
            {packageGaps.map((gap) => (
              <li key={`${gap.lineItemId ?? ""}${gap.field}${gap.message}`}>
                <a href={gapHref(proposal.id, gap)}>{gap.message}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {layers
        .filter((layer) => totals.layers.has(layer))
        .map((layer) => {
          const items = proposal.lineItems.filter((item) => item.layer === layer);
          const layerTotal = totals.layers.get(layer)!;
          return (
            <section key={layer} aria-labelledby={`layer-${layer}`} className="card">
              <h2 id={`layer-${layer}`} className="mb-3 text-xl font-bold">
                {LAYER_LABELS[layer]}
              </h2>
              <DataTable caption={`${LAYER_LABELS[layer]}: line items`} columns={["Item", "Supplier", "Quantity", "Unit price", "Line total", "US content", "Actions"]} className="">
                {items.map((item) => (
                  <tr key={item.id}>
                    <td>
                      {item.description}
                      {item.manufacturer || item.model || item.eccn ? (
                        <span className="block text-sm text-[var(--color-muted)]">
                          {[[item.manufacturer, item.model].filter(Boolean).join(" "), item.eccn ? `ECCN ${item.eccn}` : ""].filter(Boolean).join(" · ")}
                        </span>
                      ) : null}
                    </td>
                    <td>{item.supplierOrganizationId ? (suppliers.get(item.supplierOrganizationId) ?? "A former member") : <span className="font-semibold">Not named yet</span>}</td>
                    <td>{item.quantity.toLocaleString("en-US")}</td>
                    <td className="whitespace-nowrap">{formatCents(item.unitPriceCents)}</td>
                    <td className="whitespace-nowrap">{formatCents(item.unitPriceCents * BigInt(item.quantity))}</td>
                    <td>{formatBasisPoints(item.usContentBasisPoints)}</td>
                    <td className="whitespace-nowrap">
                      <Link href={`/proposals/${proposal.id}/package/items/${item.id}`} aria-label={`Edit ${item.description}`} className="mr-3">
                        Edit
                      </Link>
                      <ActionForm
                        size="small"
                        action={removeLineItemAction}
                        label={`Remove ${item.description}`}
                        submitLabel="Remove"
                        variant="secondary"
                        hidden={{ proposalId: proposal.id, lineItemId: item.id }}
                        fields={[]}
                      />
                    </td>
                  </tr>
                ))}
              </DataTable>
              <p className="mt-3 text-sm">
                Layer total: <strong>{formatCents(layerTotal.contractPriceCents)}</strong>, of which US content {formatCents(layerTotal.usContentCents)}.
              </p>
            </section>
          );
        })}

      <section aria-labelledby="add-heading" className="card">
        <h2 id="add-heading" className="mb-3 text-xl font-bold">
          Add a line item
        </h2>
        <ul className="grid gap-2 sm:grid-cols-2">
          {layers.map((layer) => (
            <li key={layer}>
              <Link id={`field-add-${layer.toLowerCase()}`} href={`/proposals/${proposal.id}/package/items/new?layer=${layer}`}>
                Add {ITEM_NOUNS[layer]}
              </Link>
              {required.has(layer) && !totals.layers.has(layer) ? <span className="text-sm text-[var(--color-muted)]"> (required, none yet)</span> : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="totals-heading" className="card">
        <h2 id="totals-heading" className="mb-3 text-xl font-bold">
          Package totals
        </h2>
        {proposal.lineItems.length === 0 ? (
          <p>No line items yet.</p>
        ) : (
          <>
            <DataTable caption="Totals per layer" columns={["Layer", "Value", "US content", "US share"]} className="">
              {layers
                .filter((layer) => totals.layers.has(layer))
                .map((layer) => {
                  const t = totals.layers.get(layer)!;
                  return (
                    <tr key={layer}>
                      <td>{LAYER_SHORT_LABELS[layer]}</td>
                      <td className="whitespace-nowrap">{formatCents(t.contractPriceCents)}</td>
                      <td className="whitespace-nowrap">{formatCents(t.usContentCents)}</td>
                      <td>{formatBasisPoints(t.contractPriceCents === 0n ? 0 : Number(t.usContentCentBasisPoints / t.contractPriceCents))}</td>
                    </tr>
                  );
                })}
              <tr className="font-semibold">
                <td>Package</td>
                <td className="whitespace-nowrap">{formatCents(totals.total.contractPriceCents)}</td>
                <td className="whitespace-nowrap">{formatCents(totals.total.usContentCents)}</td>
                <td>{formatBasisPoints(totals.usShareBasisPoints)}</td>
              </tr>
            </DataTable>
            <p className="mt-3" data-testid="us-content-share">
              US content of the package: <strong>{formatBasisPoints(totals.usShareBasisPoints)}</strong>, against the {formatBasisPoints(threshold)} threshold:{" "}
              {totals.usShareBasisPoints >= threshold ? "met." : "below it."}
              {totals.hardwareShareBasisPoints !== null && totals.hardwareShareBasisPoints < threshold
                ? ` The hardware layer's US content is ${formatBasisPoints(totals.hardwareShareBasisPoints)}, below the threshold: the proposal goes to manual review.`
                : ""}
            </p>
          </>
        )}
      </section>
    </StepFrame>
  );
}
