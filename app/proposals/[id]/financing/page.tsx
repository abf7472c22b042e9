import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { cache } from "react";
import { StepFrame } from "@/components/builder/step-frame";
import { ActionForm } from "@/components/form/action-form";
import { Autosave } from "@/components/form/autosave";
import { db } from "@/lib/db";
import { packageValue } from "@/lib/financing/rules";
import { formatCents } from "@/lib/money";
import { builderPageData } from "@/lib/proposals/steps";
import { requestSettings } from "@/lib/request-cache";
import { orNotFound, requirePageActor } from "@/lib/session";
import { saveFinancingAction } from "../builder-actions";
import { financingRequestFields } from "../../proposal-fields";

const load = cache(async (id: string) => {
  const actor = await requirePageActor("proposal:read", `/proposals/${id}/financing`);
  const settings = await requestSettings();
  return { settings, ...(await orNotFound(builderPageData(db(), actor, id, settings))) };
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { proposal } = await load((await params).id);
  return { title: `Financing – ${proposal.title}` };
}

const dollarsText = (cents: bigint) => formatCents(cents).replace("$", "");

export default async function FinancingStep({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { proposal, mayEdit, steps } = await load(id);
  if (!mayEdit) redirect(`/proposals/${proposal.id}`);
  const financing = proposal.financingRequest;
  const value = packageValue(proposal.lineItems);

  return (
    <StepFrame
      proposal={proposal}
      steps={steps}
      current="financing"
      intro={
        <p>
          The financing you ask EXIM for. The package&apos;s line items come to {formatCents(value.contractPriceCents)}, of which {formatCents(value.usContentCents)} is US content; the
          review step checks the ask against the program&apos;s cover rules.
        </p>
      }
    >
      <section aria-labelledby="financing-heading" className="card">
        <h2 id="financing-heading" className="mb-3 text-xl font-bold">
          Financing request
        </h2>
        <Autosave action={saveFinancingAction} proposalId={proposal.id} step="financing">
          <ActionForm
            action={saveFinancingAction}
            label="Financing request"
            submitLabel="Save financing request"
            hidden={{ proposalId: proposal.id, expectedVersion: String(proposal.version) }}
            fields={financingRequestFields(
              financing
                ? {
                    product: financing.product,
                    requestedAmount: dollarsText(financing.requestedAmountCents),
                    eligibleForeignContent: dollarsText(financing.eligibleForeignContentCents),
                    localCosts: dollarsText(financing.localCostsCents),
                    repaymentYears: String(financing.repaymentYears),
                    obligorSector: financing.obligorSector,
                  }
                : undefined,
            )}
          />
        </Autosave>
      </section>
    </StepFrame>
  );
}
