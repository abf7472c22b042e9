import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { cache } from "react";
import { StepFrame } from "@/components/builder/step-frame";
import { ActionForm } from "@/components/form/action-form";
import { Autosave } from "@/components/form/autosave";
import { db } from "@/lib/db";
import { DATA_CENTER_FIELDS, DATA_CENTER_ROLES } from "@/lib/schemas/builder";
import { allCountries } from "@/lib/proposals/service";
import { builderPageData } from "@/lib/proposals/steps";
import { requestSettings } from "@/lib/request-cache";
import { orNotFound, requirePageActor } from "@/lib/session";
import { saveOperationsAction } from "../builder-actions";
import { operationsFields } from "../../proposal-fields";

const load = cache(async (id: string) => {
  const actor = await requirePageActor("proposal:read", `/proposals/${id}/operations`);
  const settings = await requestSettings();
  return { settings, ...(await orNotFound(builderPageData(db(), actor, id, settings))) };
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { proposal } = await load((await params).id);
  return { title: `Operations and security – ${proposal.title}` };
}

export default async function OperationsStep({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { proposal, mayEdit, steps } = await load(id);
  if (!mayEdit) redirect(`/proposals/${proposal.id}`);
  const countries = await allCountries(db());
  const current: Record<string, string> = {};
  for (const role of DATA_CENTER_ROLES) {
    const party = proposal.parties.find((p) => p.role === role);
    if (party) {
      current[DATA_CENTER_FIELDS[role].name] = party.name;
      current[DATA_CENTER_FIELDS[role].country] = party.countryCode;
    }
  }
  if (proposal.securityPlan) current.securityPlan = proposal.securityPlan;

  return (
    <StepFrame
      proposal={proposal}
      steps={steps}
      current="operations"
      intro={<p>Who builds, owns and operates the data centers, and how the installation is secured. These companies are screened with the other parties when you submit.</p>}
    >
      <section aria-labelledby="operations-heading" className="card">
        <h2 id="operations-heading" className="mb-3 text-xl font-bold">
          Data centers and security
        </h2>
        <Autosave action={saveOperationsAction} proposalId={proposal.id} step="operations">
          <ActionForm
            action={saveOperationsAction}
            label="Operations and security"
            submitLabel="Save operations and security"
            hidden={{ proposalId: proposal.id, expectedVersion: String(proposal.version) }}
            fields={operationsFields(countries, current)}
          />
        </Autosave>
      </section>
    </StepFrame>
  );
}
