import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/form/action-form";
import { db } from "@/lib/db";
import { seatAllows } from "@/lib/policy";
import { allCountries, getProposal } from "@/lib/proposals/service";
import { orNotFound, requirePageActor } from "@/lib/session";
import { isEditable } from "@/lib/workflow";
import { updatePartyAction } from "../actions";
import { partyFields } from "../party-fields";

export const metadata: Metadata = { title: "Edit a party" };

export default async function EditPartyPage({ params }: { params: Promise<{ id: string; partyId: string }> }) {
  const { id, partyId } = await params;
  const actor = await requirePageActor("proposal:update", `/proposals/${id}/parties/${partyId}`);
  const client = db();
  const { proposal, seatRole } = await orNotFound(getProposal(client, actor, id));
  const party = proposal.parties.find((p) => p.id === partyId);
  if (!party) notFound();
  const mayEdit = isEditable(proposal.status) && seatAllows(seatRole, "proposal:update");
  const countries = await allCountries(client);
  return (
    <>
      <p className="mb-2">
        <Link href={`/proposals/${proposal.id}/parties`}>Back to the parties</Link>
      </p>
      <h1 className="mb-6 text-3xl font-bold">Edit {party.name}</h1>
      {mayEdit ? (
        <section className="card max-w-3xl">
          <ActionForm action={updatePartyAction} label={`Edit ${party.name}`} submitLabel="Save party" hidden={{ proposalId: proposal.id, partyId: party.id }} fields={partyFields(countries, party)} />
        </section>
      ) : (
        <p>This proposal can no longer be changed.</p>
      )}
    </>
  );
}
