import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { StepFrame, StepReadFrame } from "@/components/builder/step-frame";
import { ActionForm } from "@/components/form/action-form";
import { Notice } from "@/components/notice";
import { db } from "@/lib/db";
import { PartiesTable } from "@/components/parties-table";
import { seatAllows } from "@/lib/policy";
import { allCountries } from "@/lib/proposals/service";
import { builderPageData } from "@/lib/proposals/steps";
import { requestSettings } from "@/lib/request-cache";
import { PARTY_FORM_ROLES } from "@/lib/schemas/parties";
import { orNotFound, requirePageActor } from "@/lib/session";
import { addPartyAction, removePartyAction, saveSpecificEndUseAction } from "./actions";
import { partyFields } from "./party-fields";

// Read once per request: the tab title and the page share what was loaded.
const load = cache(async (id: string) => {
  const actor = await requirePageActor("proposal:read", `/proposals/${id}/parties`);
  const settings = await requestSettings();
  return { actor, ...(await orNotFound(builderPageData(db(), actor, id, settings))) };
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { proposal } = await load((await params).id);
  return { title: `Parties and end use – ${proposal.title}` };
}

const NOTICES: Record<string, string> = { "party-saved": "Party saved.", "party-removed": "Party removed." };

export default async function PartiesPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> }) {
  const { id } = await params;
  const { notice } = await searchParams;
  const { proposal, seatRole, mayEdit: editor, steps } = await load(id);
  const countries = await allCountries(db());
  const countryName = new Map(countries.map((c) => [c.code, c.name]));
  const mayEdit = editor && seatAllows(seatRole, "proposal:update");
  // The data-center builder, owner and operator are named on the operations step.
  const parties = proposal.parties.filter((party) => (PARTY_FORM_ROLES as readonly string[]).includes(party.role));
  const intro = (
    <p>
      Name the purchaser, the consignees and the end users of the package, and what the items will be used for. Commerce reads them to decide the export licenses: an
      end user or consignee headquartered in, or owned from, a country of concern needs a license at every destination. Name the lenders and guarantors of the financing here too. Every party is screened against the
      Consolidated Screening List when the proposal is submitted.
    </p>
  );
  const content = (
      <div className="space-y-8">
        <section aria-labelledby="parties-heading" className="card">
          <h2 id="parties-heading" className="mb-3 text-xl font-bold">
            Parties
          </h2>
          {parties.length === 0 ? (
            <p>No parties named yet.</p>
          ) : (
            <PartiesTable
              parties={parties.map((party) => ({
                ...party,
                headquartersCountry: party.headquartersCountryCode ? { name: countryName.get(party.headquartersCountryCode) ?? party.headquartersCountryCode } : null,
                parentCountry: party.parentCountryCode ? { name: countryName.get(party.parentCountryCode) ?? party.parentCountryCode } : null,
              }))}
              actions={
                mayEdit
                  ? (party) => (
                      <>
                        <Link href={`/proposals/${proposal.id}/parties/${party.id}`} aria-label={`Edit ${party.name}`}>
                          Edit
                        </Link>
                        <ActionForm
                          size="small"
                          action={removePartyAction}
                          label={`Remove ${party.name}`}
                          submitLabel="Remove"
                          variant="secondary"
                          hidden={{ proposalId: proposal.id, partyId: party.id }}
                          fields={[]}
                        />
                      </>
                    )
                  : undefined
              }
            />
          )}
          {mayEdit ? (
            <div className="mt-6 border-t pt-4">
              <h3 className="mb-3 text-lg font-semibold">Add a party</h3>
              <ActionForm action={addPartyAction} label="Add a party" submitLabel="Add party" hidden={{ proposalId: proposal.id }} fields={partyFields(countries)} />
            </div>
          ) : null}
        </section>

        <section aria-labelledby="end-use-heading" className="card">
          <h2 id="end-use-heading" className="mb-3 text-xl font-bold">
            Specific end use
          </h2>
          {mayEdit ? (
            <ActionForm
              action={saveSpecificEndUseAction}
              label="Specific end use"
              submitLabel="Save end use"
              variant="secondary"
              hidden={{ proposalId: proposal.id }}
              fields={[
                {
                  kind: "textarea",
                  name: "specificEndUse",
                  label: "What the items will be used for",
                  required: true,
                  defaultValue: proposal.specificEndUse ?? undefined,
                  hint: "Be specific: the workloads, who runs them and for whom, e.g. training and serving Arabic-language models for government e-services.",
                },
              ]}
            />
          ) : (
            <p className="whitespace-pre-line">{proposal.specificEndUse ?? "Not stated."}</p>
          )}
        </section>
      </div>
  );
  const noticeElement = notice && NOTICES[notice] ? <Notice>{NOTICES[notice]}</Notice> : null;
  if (mayEdit) {
    return (
      <StepFrame proposal={proposal} steps={steps} current="parties" intro={intro} notice={noticeElement}>
        {content}
      </StepFrame>
    );
  }
  return (
    <StepReadFrame proposal={proposal} heading="Parties and end use" intro={intro} notice={noticeElement}>
      {content}
    </StepReadFrame>
  );
}
