import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { StepFrame } from "@/components/builder/step-frame";
import { db } from "@/lib/db";
import { StackLayer } from "@/lib/generated/prisma/enums";
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

function layerOf(value: string | undefined): StackLayer | null {
  return value && (Object.values(StackLayer) as string[]).includes(value) ? (value as StackLayer) : null;
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ layer?: string }> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { proposal } = await load((await params).id);
  const layer = layerOf((await searchParams).layer);
  return { title: `Add a line item${layer ? ` (${LAYER_LABELS[layer]})` : ""} – ${proposal.title}` };
}

export default async function NewLineItemPage({ params, searchParams }: Props) {
  const { id } = await params;
  const layer = layerOf((await searchParams).layer);
  const { proposal, mayEdit, steps, settings } = await load(id);
  if (!mayEdit) redirect(`/proposals/${proposal.id}`);
  if (!layer) notFound();
  const suppliers = await consortiumSuppliers(db(), proposal.consortiumId);
  return (
    <StepFrame proposal={proposal} steps={steps} current="package" heading={`Add a line item: ${LAYER_LABELS[layer]}`}>
      <section aria-label="New line item" className="card">
        <ItemEditor proposal={proposal} layer={layer} suppliers={suppliers} otherItems={proposal.lineItems} threshold={settings["proposals.hardwareUsContentThresholdBasisPoints"]} />
        <p className="mt-4">
          <Link href={`/proposals/${proposal.id}/package`}>Back to the package without adding</Link>
        </p>
      </section>
    </StepFrame>
  );
}
