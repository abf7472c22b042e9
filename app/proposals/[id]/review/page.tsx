import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { cache } from "react";
import { StepFrame } from "@/components/builder/step-frame";
import { ActionForm } from "@/components/form/action-form";
import { db } from "@/lib/db";
import { seatAllows } from "@/lib/policy";
import { BUILDER_STEPS, gapHref } from "@/lib/proposals/builder";
import { builderPageData, memberProblems } from "@/lib/proposals/steps";
import { requestSettings } from "@/lib/request-cache";
import { orNotFound, requirePageActor } from "@/lib/session";
import { transition } from "@/lib/workflow";
import { submitProposalAction } from "../../actions";

const load = cache(async (id: string) => {
  const actor = await requirePageActor("proposal:read", `/proposals/${id}/review`);
  const settings = await requestSettings();
  return { actor, settings, ...(await orNotFound(builderPageData(db(), actor, id, settings))) };
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { proposal } = await load((await params).id);
  return { title: `Review and submit – ${proposal.title}` };
}

export default async function ReviewStep({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor, proposal, seatRole, mayEdit, steps, gaps } = await load(id);
  if (!mayEdit) redirect(`/proposals/${proposal.id}`);
  const members = await memberProblems(db(), proposal.consortiumId);
  // What the page offers follows the state machine and the seat; the service enforces both.
  const maySubmit = transition(proposal.status, "submit", actor.role).ok && seatAllows(seatRole, "proposal:submit");
  const ready = gaps.length === 0 && members.length === 0;

  return (
    <StepFrame
      proposal={proposal}
      steps={steps}
      current="review"
      intro={<p>Everything submission needs, step by step. Each gap links to the field that fixes it.</p>}
    >
      <section aria-labelledby="checklist-heading" className="card">
        <h2 id="checklist-heading" className="mb-3 text-xl font-bold">
          Submission checklist
        </h2>
        {ready ? <p>Everything required is in place.</p> : null}
        {BUILDER_STEPS.filter((step) => gaps.some((gap) => gap.step === step.key)).map((step) => (
          <div key={step.key} className="mb-4">
            <h3 className="text-lg font-semibold">{step.label}</h3>
            <ul className="list-disc pl-6">
              {gaps
                .filter((gap) => gap.step === step.key)
                .map((gap) => (
                  <li key={`${gap.lineItemId ?? ""}${gap.field}${gap.message}`}>
                    <a href={gapHref(proposal.id, gap)}>{gap.message}</a>
                  </li>
                ))}
            </ul>
          </div>
        ))}
        {members.length > 0 ? (
          <div className="mb-4">
            <h3 className="text-lg font-semibold">Consortium members</h3>
            <ul className="list-disc pl-6">
              {members.map((problem) => (
                <li key={problem}>
                  {problem} <a href={`/consortia/${proposal.consortium.id}`}>Open the consortium</a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="submit-heading" className="card">
        <h2 id="submit-heading" className="mb-3 text-xl font-bold">
          Submit
        </h2>
        <p className="mb-4">Submitting sends the proposal to Commerce and EXIM. You can&apos;t change it afterwards unless it is returned for revision.</p>
        {maySubmit ? (
          <ActionForm
            key={proposal.version}
            action={submitProposalAction}
            label="Submit proposal"
            submitLabel="Submit proposal"
            hidden={{ proposalId: proposal.id, expectedVersion: String(proposal.version) }}
            fields={[]}
          />
        ) : (
          <p className="text-sm">Only the consortium&apos;s lead may submit.</p>
        )}
      </section>
    </StepFrame>
  );
}
