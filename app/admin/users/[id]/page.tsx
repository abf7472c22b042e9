import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { ActionForm } from "@/components/form/action-form";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/dates";
import { userAccount } from "@/lib/identity/users";
import { orNotFound, requirePageActor } from "@/lib/session";
import { changeRoleAction, endSessionsAction, resetSecondFactorAction, setAccessAction } from "../actions";
import { ROLE_LABELS } from "@/lib/roles";

// Read once per request: the tab title and the page share what was loaded.
const loadAccount = cache(async (id: string) => {
  const actor = await requirePageActor("users:manage", `/admin/users/${id}`);
  return { actor, user: await orNotFound(userAccount(db(), actor, id)) };
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { user } = await loadAccount((await params).id);
  return { title: `${user.name}: account and access` };
}

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { actor, user } = await loadAccount(id);
  const self = user.id === actor.userId;
  return (
    <>
      <p className="mb-2">
        <Link href="/admin/users">People and access</Link>
      </p>
      <h1 className="mb-2 text-3xl font-bold">{user.name}</h1>
      <dl className="card mb-6 grid gap-2 sm:grid-cols-[12rem_1fr]">
        <dt className="font-semibold">Email</dt>
        <dd>{user.email}</dd>
        <dt className="font-semibold">Role</dt>
        <dd>{ROLE_LABELS[user.role]}</dd>
        <dt className="font-semibold">Access</dt>
        <dd>{user.disabledAt ? `Disabled since ${formatDateTime(user.disabledAt)}` : "Can sign in"}</dd>
        <dt className="font-semibold">Authenticator app</dt>
        <dd>{user.totpEnrolledAt ? `Set up on ${formatDateTime(user.totpEnrolledAt)}` : "Not set up"}</dd>
        <dt className="font-semibold">Open sessions</dt>
        <dd>{user.openSessionCount}</dd>
      </dl>
      {self ? (
        <p className="card">This is your own account: another administrator changes its role or access. Your security settings are on <Link href="/account">your account page</Link>.</p>
      ) : (
        <div className="grid gap-6 md:grid-cols-2">
          <section aria-labelledby="role" className="card">
            <h2 id="role" className="mb-2 text-xl font-semibold">Role</h2>
            <ActionForm
              action={changeRoleAction}
              hidden={{ userId: user.id }}
              label="Change role"
              submitLabel="Save role"
              fields={[
                {
                  kind: "radio",
                  name: "role",
                  label: "What this person does in the program",
                  hint: "A new role ends the person's sessions.",
                  required: true,
                  defaultValue: user.role,
                  options: Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label })),
                },
              ]}
            />
          </section>
          <section aria-labelledby="access" className="card">
            <h2 id="access" className="mb-2 text-xl font-semibold">Access</h2>
            <ActionForm
              action={setAccessAction}
              hidden={{ userId: user.id, access: user.disabledAt ? "enable" : "disable" }}
              label={user.disabledAt ? "Enable account" : "Disable account"}
              submitLabel={user.disabledAt ? "Enable account" : "Disable account"}
              variant={user.disabledAt ? "primary" : "danger"}
              fields={[]}
            />
            <h2 className="mb-2 mt-6 text-xl font-semibold">Sessions</h2>
            <ActionForm action={endSessionsAction} hidden={{ userId: user.id }} label="End all sessions" submitLabel="End all sessions" variant="secondary" fields={[]} />
            {user.totpEnrolledAt ? (
              <>
                <h2 className="mb-2 mt-6 text-xl font-semibold">Lost authenticator app</h2>
                <ActionForm
                  action={resetSecondFactorAction}
                  hidden={{ userId: user.id }}
                  label="Remove authenticator app"
                  submitLabel="Remove authenticator app"
                  variant="danger"
                  fields={[]}
                />
              </>
            ) : null}
          </section>
        </div>
      )}
    </>
  );
}
