import type { Metadata } from "next";
import { db } from "@/lib/db";
import { consortiaForNewProposal, destinationCountries } from "@/lib/proposals/service";
import { requirePageActor } from "@/lib/session";
import { ActionForm } from "@/components/form/action-form";
import { createProposalAction } from "../actions";
import { proposalDetailFields } from "../proposal-fields";

export const metadata: Metadata = { title: "Start a proposal" };

export default async function NewProposalPage() {
  const actor = await requirePageActor("proposal:create", "/proposals/new");
  const [consortia, countries] = await Promise.all([consortiaForNewProposal(db(), actor), destinationCountries(db())]);
  return (
    <div className="max-w-2xl">
      <h1 className="mb-2 text-3xl font-bold">Start a proposal</h1>
      <p className="mb-6">Start with the basics. Then you build the rest step by step: the package, operations, parties, financing and attachments. Your work is saved as a draft, and nothing is sent to reviewers until you submit.</p>
      {consortia.length === 0 ? (
        <p>You don&apos;t hold a lead or contributor seat in any consortium, so you can&apos;t start a proposal.</p>
      ) : (
        <div className="card">
          <ActionForm
            action={createProposalAction}
            submitLabel="Create draft proposal"
            hidden={consortia.length === 1 ? { consortiumId: consortia[0]!.id } : {}}
            fields={[
              ...(consortia.length > 1
                ? [{ kind: "select" as const, name: "consortiumId", label: "Consortium", required: true, placeholder: "Choose a consortium", options: consortia.map((c) => ({ value: c.id, label: c.name })) }]
                : []),
              ...proposalDetailFields(countries),
            ]}
          />
        </div>
      )}
    </div>
  );
}
