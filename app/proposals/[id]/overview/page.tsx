import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { cache } from "react";
import { StepFrame } from "@/components/builder/step-frame";
import { ActionForm } from "@/components/form/action-form";
import { Autosave } from "@/components/form/autosave";
import { Notice } from "@/components/notice";
import { db } from "@/lib/db";
import { regionOf } from "@/lib/proposals/builder";
import { destinationCountries } from "@/lib/proposals/service";
import { builderPageData } from "@/lib/proposals/steps";
import { requestSettings } from "@/lib/request-cache";
import { orNotFound, requirePageActor } from "@/lib/session";
import { saveOverviewAction } from "../builder-actions";
import { overviewFields } from "../../proposal-fields";

// Read once per request: the tab title and the page share what was loaded.
const load = cache(async (id: string) => {
  const actor = await requirePageActor("proposal:read", `/proposals/${id}/overview`);
  const settings = await requestSettings();
  return { settings, ...(await orNotFound(builderPageData(db(), actor, id, settings))) };
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { proposal } = await load((await params).id);
  return { title: `Overview – ${proposal.title}` };
}

export default async function OverviewStep({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> }) {
  const { id } = await params;
  const { notice } = await searchParams;
  const { proposal, mayEdit, steps, settings } = await load(id);
  if (!mayEdit) redirect(`/proposals/${proposal.id}`);
  const countries = await destinationCountries(db(), settings);
  const regions = settings["program.regions"];
  const destinations = proposal.targetCountries.map((c) => ({ code: c.countryCode, name: c.country.name, region: regionOf(c.countryCode, regions) }));

  return (
    <StepFrame
      proposal={proposal}
      steps={steps}
      current="overview"
      // Only right after creation: the first save (or any change) moves the version on.
      notice={notice === "created" && proposal.version === 1 ? <Notice>Draft proposal created. Work through the steps in any order; nothing is sent to reviewers until you submit.</Notice> : null}
      intro={<p>What the package is and where it goes. Each destination gets its own export-license determination when you submit.</p>}
    >
      <section aria-labelledby="destinations-heading" className="card">
        <h2 id="destinations-heading" className="mb-3 text-xl font-bold">
          Destinations
        </h2>
        {destinations.length === 0 ? (
          <p>No destination yet.</p>
        ) : (
          <ul className="list-disc pl-6">
            {destinations.map((d) => (
              <li key={d.code}>
                {d.name} <span className="text-[var(--color-muted)]">· {d.region}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="overview-heading" className="card">
        <h2 id="overview-heading" className="mb-3 text-xl font-bold">
          Title, summary and destinations
        </h2>
        <Autosave action={saveOverviewAction} proposalId={proposal.id} step="overview">
          <ActionForm
            action={saveOverviewAction}
            label="Overview"
            submitLabel="Save overview"
            hidden={{ proposalId: proposal.id, expectedVersion: String(proposal.version) }}
            fields={overviewFields(
              countries.map((c) => ({ ...c, region: regionOf(c.code, regions) })),
              { title: proposal.title, summary: proposal.summary, destinationCountryCodes: destinations.map((d) => d.code) },
            )}
          />
        </Autosave>
      </section>
    </StepFrame>
  );
}
