// A reviewer's or officer's form to send a submitted proposal back to the
// consortium, with the reason the consortium will read.
import { ActionForm } from "@/components/form/action-form";
import { returnForRevisionAction } from "@/app/proposals/actions";

export function ReturnForRevisionCard({ proposalId, expectedVersion }: { proposalId: string; expectedVersion: number }) {
  return (
    <section aria-labelledby="return-heading" className="card">
      <h2 id="return-heading" className="mb-3 text-xl font-bold">
        Return for revision
      </h2>
      <p className="mb-3 text-sm">
        The consortium can change the proposal and submit it again as a new version; you will see what changed. Pending license requests are
        determined again on resubmission.
      </p>
      <ActionForm
        action={returnForRevisionAction}
        label="Return for revision"
        submitLabel="Return for revision"
        variant="secondary"
        hidden={{ proposalId, expectedVersion: String(expectedVersion) }}
        fields={[{ kind: "textarea", name: "revisionReason", label: "Reason for returning", required: true, hint: "Say what the consortium must change. The consortium's people read this, in the portal and by email." }]}
      />
    </section>
  );
}
