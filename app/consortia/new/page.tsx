import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/form/action-form";
import { db } from "@/lib/db";
import { requirePageActor } from "@/lib/session";
import { createConsortiumAction } from "../actions";
import { organizationFieldSpecs } from "../organization-fields";

export const metadata: Metadata = { title: "Create a consortium" };

export default async function NewConsortiumPage() {
  await requirePageActor("consortium:create", "/consortia/new");
  const countries = await db().country.findMany({ orderBy: { name: "asc" }, select: { code: true, name: true } });
  return (
    <div className="max-w-2xl">
      <p className="mb-2">
        <Link href="/consortia">Your consortia</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">Create a consortium</h1>
      <p className="mb-6">
        Your organization becomes the consortium&apos;s <strong>anchor member</strong>: it leads and submits the consortium&apos;s proposals. You
        can hand the anchor role to another member later. Members headquartered in, incorporated in or owned from a country of concern
        make a consortium ineligible.
      </p>
      <div className="card">
        <ActionForm
          action={createConsortiumAction}
          submitLabel="Create consortium"
          fields={[
            { kind: "text", name: "name", label: "Consortium name", required: true },
            { kind: "heading", text: "Your organization, the anchor member" },
            ...organizationFieldSpecs(countries),
          ]}
        />
      </div>
    </div>
  );
}
