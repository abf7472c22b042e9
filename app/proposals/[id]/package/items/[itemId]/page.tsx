import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { StepFrame } from "@/components/builder/step-frame";
import { db } from "@/lib/db";
import { formatCents } from "@/lib/money";
import { LAYER_LABELS } from "@/lib/proposals/completeness";
import { builderPageData, consortiumSuppliers } from "@/lib/proposals/steps";
import { requestSettings } from "@/lib/request-cache";
import { orNotFound, requirePageActor } from "@/lib/session";
import { ItemEditor } from "../item-editor";

const load = cache(async (id: string) => {
  const actor = await requirePageActor("proposal:read", `/proposals/${id}/package`);
  const settings = await requestSettings();
  return { settings, ...(await orNotFound(builderPageData(db(), actor, id, settings))) };
});

type Props = { params: Promise<{ id: string; itemId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id, itemId } = await params;
  const { proposal } = await load(id);
  const item = proposal.lineItems.find((i) => i.id === itemId);
  return { title: `${item ? `Edit ${item.description}` : "Line item not found"} – ${proposal.title}` };
}

export default async function EditLineItemPage({ params }: Props) {
  const { id, itemId } = await params;
  const { proposal, mayEdit, steps, settings } = await load(id);
  if (!mayEdit) redirect(`/proposals/${proposal.id}`);
  const item = proposal.lineItems.find((i) => i.id === itemId);
  if (!item) notFound();
  const suppliers = await consortiumSuppliers(db(), proposal.consortiumId);
  const current = {
    description: item.description,
    supplierOrganizationId: item.supplierOrganizationId ?? undefined,
    manufacturer: item.manufacturer ?? undefined,
    model: item.model ?? undefined,
    quantity: String(item.quantity),
    unitPrice: formatCents(item.unitPriceCents).replace("$", ""),
    usContent: String(item.usContentBasisPoints / 100),
    eccn: item.eccn ?? undefined,
    totalProcessingPerformance: item.totalProcessingPerformance?.toString(),
    performanceDensity: item.performanceDensity?.toString(),
    designedForDataCenter: item.designedForDataCenter ?? false,
  };
  return (
    <StepFrame proposal={proposal} steps={steps} current="package" heading={`Edit line item: ${item.description}`}>
      <section aria-label="Line item" className="card">
        <p className="mb-4 text-sm text-[var(--color-muted)]">Layer: {LAYER_LABELS[item.layer]}</p>
        <ItemEditor
          proposal={proposal}
          layer={item.layer}
          suppliers={suppliers}
          otherItems={proposal.lineItems.filter((i) => i.id !== item.id)}
          threshold={settings["proposals.hardwareUsContentThresholdBasisPoints"]}
          item={{ id: item.id, description: item.description, current }}
        />
        <p className="mt-4">
          <Link href={`/proposals/${proposal.id}/package`}>Back to the package</Link>
        </p>
      </section>
    </StepFrame>
  );
}
