import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/form/action-form";
import { Notice } from "@/components/notice";
import { db } from "@/lib/db";
import { reviewerConflicts } from "@/lib/licensing/conflicts";
import { requirePageActor } from "@/lib/session";
import { declareConflictAction, withdrawConflictAction } from "../actions";

export const metadata: Metadata = { title: "Conflicts of interest" };

export default async function ConflictsPage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const { notice } = await searchParams;
  const actor = await requirePageActor("license:decide", "/licensing/conflicts");
  const { declared, organizations } = await reviewerConflicts(db(), actor);
  return (
    <>
      <p className="mb-2">
        <Link href="/licensing">Back to the license queue</Link>
      </p>
      {notice === "withdrawn" ? <Notice>Declaration withdrawn.</Notice> : null}
      <h1 className="mb-2 text-3xl font-bold">Your conflicts of interest</h1>
      <p className="mb-6 max-w-3xl">
        Declare any organization you have a financial or personal interest in (a former employer, shares, a relative). You won&apos;t be able to take or decide
        the license requests of any consortium it belongs to; another reviewer will.
      </p>
      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="declared-heading" className="card">
          <h2 id="declared-heading" className="mb-3 text-xl font-bold">
            Declared
          </h2>
          {declared.length === 0 ? (
            <p>You have declared no conflict of interest.</p>
          ) : (
            <ul className="space-y-3">
              {declared.map((conflict) => (
                <li key={conflict.id}>
                  <p className="font-semibold">{conflict.organization.legalName}</p>
                  <p className="text-sm">
                    Declared {conflict.declaredAt.toISOString().slice(0, 10)}
                    {conflict.note ? `: ${conflict.note}` : ""}
                  </p>
                  <ActionForm size="small" action={withdrawConflictAction} label={`Withdraw the declaration about ${conflict.organization.legalName}`} submitLabel="Withdraw" variant="secondary" hidden={{ conflictId: conflict.id }} fields={[]} />
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="declare-heading" className="card">
          <h2 id="declare-heading" className="mb-3 text-xl font-bold">
            Declare a conflict
          </h2>
          <ActionForm
            action={declareConflictAction}
            label="Declare a conflict of interest"
            submitLabel="Declare"
            fields={[
              { kind: "select", name: "organizationId", label: "Organization", required: true, placeholder: "Choose an organization", options: organizations.map((o) => ({ value: o.id, label: o.legalName })) },
              { kind: "textarea", name: "note", label: "Nature of the interest", hint: "For example: employed there until 2024." },
            ]}
          />
        </section>
      </div>
    </>
  );
}
