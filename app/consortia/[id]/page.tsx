import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { DataTable } from "@/components/data-table";
import { ActionForm } from "@/components/form/action-form";
import { Notice } from "@/components/notice";
import { openInvitations, SEAT_ROLE_LABELS } from "@/lib/consortia/people";
import { consortiumWorkspace } from "@/lib/consortia/service";
import { formatDateTime } from "@/lib/dates";
import { db } from "@/lib/db";
import { LAYER_SHORT_LABELS } from "@/lib/proposals/completeness";
import { orNotFound, requirePageActor } from "@/lib/session";
import { addMemberAction, changeSeatRoleAction, handOverAnchorAction, invitePersonAction, removeMemberAction, removePersonAction, revokeInvitationAction } from "../actions";
import { organizationFieldSpecs } from "../organization-fields";

// Read once per request: the tab title and the page share what was loaded.
const loadWorkspace = cache(async (id: string) => {
  const actor = await requirePageActor("consortium:read", `/consortia/${id}`);
  return { actor, ...(await orNotFound(consortiumWorkspace(db(), actor, id))) };
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { consortium } = await loadWorkspace((await params).id);
  return { title: consortium.name };
}

const NOTICES: Record<string, string> = {
  created: "Consortium created. Your organization is its anchor member; add the other members next.",
  "member-added": "Member added.",
  "member-removed": "Member removed.",
  "person-removed": "Person removed from the consortium.",
  "invitation-withdrawn": "Invitation withdrawn: its link no longer works.",
  joined: "Welcome: you have joined this consortium.",
};
const SEAT_OPTIONS = Object.entries(SEAT_ROLE_LABELS).map(([value, label]) => ({ value, label }));

export default async function ConsortiumPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> }) {
  const { id } = await params;
  const { notice } = await searchParams;
  const client = db();
  const { actor, consortium, members, canManage } = await loadWorkspace(id);
  const [countries, invitations] = canManage
    ? await Promise.all([client.country.findMany({ orderBy: { name: "asc" }, select: { code: true, name: true } }), openInvitations(client, consortium.id)])
    : [[], []];
  const flagged = members.filter((m) => m.ineligibility);
  return (
    <>
      <p className="mb-2">
        <Link href="/consortia">Your consortia</Link>
      </p>
      {notice && NOTICES[notice] ? <Notice>{NOTICES[notice]}</Notice> : null}
      <h1 className="mb-6 text-3xl font-bold">{consortium.name}</h1>

      {flagged.length > 0 ? (
        <div role="alert" className="mb-6 border-l-8 border-[var(--color-error)] bg-red-50 p-4">
          <h2 className="text-lg font-bold">This consortium can&apos;t submit proposals while these members remain</h2>
          <ul className="mt-2 list-disc pl-6">
            {flagged.map((m) => (
              <li key={m.id}>{m.ineligibility}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <section aria-labelledby="members" className="mb-8">
        <h2 id="members" className="mb-2 text-2xl font-semibold">
          Member organizations
        </h2>
        <DataTable caption="Member organizations" columns={["Organization", "Headquarters", "Identifiers", "Layers supplied", ...(canManage ? ["Actions"] : [])]}>
          {members.map((m) => (
            <tr key={m.id}>
              <td>
                {m.organization.legalName}
                {m.isAnchor ? <strong className="block">Anchor member</strong> : null}
                {m.ineligibility ? <span className="block font-semibold text-[var(--color-error)]">Ineligible: country of concern</span> : null}
                {m.organization.ultimateParentName ? (
                  <span className="block text-sm">
                    Parent: {m.organization.ultimateParentName}
                    {m.organization.ultimateParentCountry ? ` (${m.organization.ultimateParentCountry.name})` : ""}
                  </span>
                ) : null}
              </td>
              <td>
                {m.organization.headquartersCountry.name}
                <span className="block text-sm">Incorporated: {m.organization.countryOfIncorporation.name}</span>
              </td>
              <td className="text-sm">
                {m.organization.uei ? <span className="block">UEI {m.organization.uei}</span> : null}
                {m.organization.ein ? <span className="block">EIN {m.organization.ein}</span> : null}
                {!m.organization.uei && !m.organization.ein ? "—" : null}
              </td>
              <td>{m.layersSupplied.map((layer) => LAYER_SHORT_LABELS[layer]).join(", ") || "—"}</td>
              {canManage ? (
                <td>
                  {m.isAnchor ? null : (
                    <div className="flex flex-col gap-2">
                      <ActionForm
                        action={handOverAnchorAction}
                        hidden={{ consortiumId: consortium.id, membershipId: m.id }}
                        label={`Make ${m.organization.legalName} the anchor member`}
                        submitLabel="Make anchor"
                        variant="secondary"
                        size="small"
                        fields={[]}
                      />
                      <ActionForm
                        action={removeMemberAction}
                        hidden={{ consortiumId: consortium.id, membershipId: m.id }}
                        label={`Remove ${m.organization.legalName}`}
                        submitLabel="Remove"
                        variant="danger"
                        size="small"
                        fields={[]}
                      />
                    </div>
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </DataTable>
      </section>

      {canManage ? (
        <section aria-labelledby="add-member" className="card mb-8 max-w-2xl">
          <h2 id="add-member" className="mb-2 text-2xl font-semibold">
            Add a member organization
          </h2>
          <p className="mb-4">An organization already registered under its Unique Entity ID is added as it is: organizations may belong to several consortia.</p>
          <ActionForm action={addMemberAction} hidden={{ consortiumId: consortium.id }} label="Add a member organization" submitLabel="Add member" fields={organizationFieldSpecs(countries)} />
        </section>
      ) : null}

      <section aria-labelledby="people" className="mb-8">
        <h2 id="people" className="mb-2 text-2xl font-semibold">
          People
        </h2>
        <DataTable caption="People in this consortium" columns={["Name", "Email", "Role", ...(canManage ? ["Change"] : [])]}>
          {consortium.users.map((seat) => (
            <tr key={seat.id}>
              <td>{seat.user.name}</td>
              <td>{seat.user.email}</td>
              <td>{SEAT_ROLE_LABELS[seat.seatRole]}</td>
              {canManage ? (
                <td>
                  <div className="flex flex-col gap-2">
                    <ActionForm
                      action={changeSeatRoleAction}
                      hidden={{ consortiumId: consortium.id, userId: seat.userId }}
                      label={`Change the role of ${seat.user.name}`}
                      submitLabel="Save role"
                      variant="secondary"
                      size="small"
                      fields={[{ kind: "select", name: "seatRole", label: `Role of ${seat.user.name}`, required: true, defaultValue: seat.seatRole, options: SEAT_OPTIONS }]}
                    />
                    <ActionForm
                      action={removePersonAction}
                      hidden={{ consortiumId: consortium.id, userId: seat.userId }}
                      label={`Remove ${seat.user.name}`}
                      submitLabel={seat.userId === actor.userId ? "Leave the consortium" : "Remove"}
                      variant="danger"
                      size="small"
                      fields={[]}
                    />
                  </div>
                </td>
              ) : null}
            </tr>
          ))}
        </DataTable>
      </section>

      {canManage ? (
        <section aria-labelledby="invite" className="card mb-8 max-w-2xl">
          <h2 id="invite" className="mb-2 text-2xl font-semibold">
            Invite a person
          </h2>
          <p className="mb-4">They get a link by email that works once. Someone new creates their account from it; someone with an account signs in to accept.</p>
          <ActionForm
            action={invitePersonAction}
            hidden={{ consortiumId: consortium.id }}
            label="Invite a person"
            submitLabel="Send invitation"
            fields={[
              { kind: "text", name: "email", label: "Email address", type: "email", autoComplete: "off", required: true },
              { kind: "radio", name: "seatRole", label: "What they may do", required: true, defaultValue: "CONTRIBUTOR", options: SEAT_OPTIONS },
            ]}
          />
          {invitations.length > 0 ? (
            <>
              <h3 className="mb-2 mt-6 text-lg font-semibold">Invitations waiting for an answer</h3>
              <DataTable caption="Invitations waiting for an answer" columns={["Email", "Role", "Link works until", "Withdraw"]} className="">
                {invitations.map((invitation) => (
                  <tr key={invitation.id}>
                    <td>{invitation.email}</td>
                    <td>{SEAT_ROLE_LABELS[invitation.seatRole]}</td>
                    <td>{formatDateTime(invitation.expiresAt)}</td>
                    <td>
                      <ActionForm
                        action={revokeInvitationAction}
                        hidden={{ consortiumId: consortium.id, invitationId: invitation.id }}
                        label={`Withdraw the invitation to ${invitation.email}`}
                        submitLabel="Withdraw"
                        variant="secondary"
                        size="small"
                        fields={[]}
                      />
                    </td>
                  </tr>
                ))}
              </DataTable>
            </>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
