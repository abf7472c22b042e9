import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { DataTable } from "@/components/data-table";
import { ActionForm } from "@/components/form/action-form";
import { db } from "@/lib/db";
import { SCREENING_OUTCOME_LABELS } from "@/lib/screening/labels";
import { getScreeningResult } from "@/lib/screening/service";
import { orNotFound, requirePageActor } from "@/lib/session";
import { reviewScreeningHitAction } from "../../../actions";

type Params = { params: Promise<{ id: string; resultId: string }> };

// One read of the result per view: the tab's title and the page share it.
const read = cache(async (id: string, resultId: string) => {
  const actor = await requirePageActor("license:decide", `/licensing/${id}/screening/${resultId}`);
  return orNotFound(getScreeningResult(db(), actor, resultId));
});

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id, resultId } = await params;
  const result = await read(id, resultId);
  return { title: `Screening hit: ${result.query} – ${result.proposal.reference}` };
}

export default async function ScreeningHitPage({ params }: Params) {
  const { id, resultId } = await params;
  const result = await read(id, resultId);
  return (
    <>
      <p className="mb-2">
        <Link href={`/licensing/${id}`}>Back to the license request</Link>
      </p>
      <h1 className="text-3xl font-bold">Screening hit: {result.query}</h1>
      <p className="mb-6 text-[var(--color-muted)]">
        {result.subjectKind[0]!.toUpperCase() + result.subjectKind.slice(1)} in {result.proposal.reference}: {result.proposal.title} · screened{" "}
        {result.screenedAt.toISOString().slice(0, 16).replace("T", " ")} UTC against the list of {result.listVersion}
      </p>
      <div className="grid gap-8 lg:grid-cols-3">
        <section aria-labelledby="matches-heading" className="card lg:col-span-2">
          <h2 id="matches-heading" className="mb-2 text-xl font-bold">
            Listed entries it matched
          </h2>
          <DataTable caption="Consolidated Screening List entries matching the name" columns={["Entry", "Matched on", "Score", "List and programs", "Addresses", "Remarks"]}>
            {result.matches.map((match) => {
              const details = (match.entry?.details ?? {}) as Record<string, string>;
              return (
                <tr key={match.entryId}>
                  <td>{match.entryName}</td>
                  <td>{match.matchedName}</td>
                  <td>{match.score}</td>
                  <td>
                    {match.source}
                    {match.entry?.programs ? <span className="block text-sm">{match.entry.programs}</span> : null}
                    {details.license_requirement ? <span className="block text-sm">License requirement: {details.license_requirement}</span> : null}
                  </td>
                  <td>{match.entry?.addresses ?? "—"}</td>
                  <td>{details.remarks || "—"}</td>
                </tr>
              );
            })}
          </DataTable>
        </section>
        <aside className="card">
          <h2 className="mb-2 text-xl font-bold">Your review</h2>
          {result.outcome === "POSSIBLE_MATCH" ? (
            <ActionForm
              action={reviewScreeningHitAction}
              label="Review the screening hit"
              submitLabel="Record review"
              hidden={{ screeningResultId: result.id, licenseRequestId: id }}
              fields={[
                {
                  kind: "radio",
                  name: "decision",
                  label: "Is the party the listed one?",
                  required: true,
                  options: [
                    { value: "CLEARED", label: "Clear: a different party (a false positive)" },
                    { value: "CONFIRMED", label: "Confirm: the listed party (blocks the license and the financing)" },
                  ],
                },
                { kind: "textarea", name: "reason", label: "Reason", required: true, hint: "What you compared: addresses, registration numbers, ownership." },
              ]}
            />
          ) : (
            <p>
              {SCREENING_OUTCOME_LABELS[result.outcome]}
              {result.reviewedBy ? ` by ${result.reviewedBy.name}: ${result.reviewReason}` : ""}
            </p>
          )}
        </aside>
      </div>
    </>
  );
}
