import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/form/action-form";
import { newPasswordFields } from "@/components/form/new-password-fields";
import { DataTable } from "@/components/data-table";
import { Notice } from "@/components/notice";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/dates";
import { recoveryCodesLeft } from "@/lib/identity/second-factor";
import { openSessions, previousSignIn, sessionEndsAt } from "@/lib/identity/sessions";
import { requirePageActor, currentSession } from "@/lib/session";
import { changePasswordAction, endOtherSessionsAction, regenerateRecoveryCodesAction } from "./actions";

export const metadata: Metadata = { title: "Your account and security" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ notice?: string; left?: string }> }) {
  const actor = await requirePageActor("account:manage", "/account");
  const session = (await currentSession())!;
  const { notice, left } = await searchParams;
  const client = db();
  const [user, codesLeft, sessions, previous] = await Promise.all([
    client.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { totpEnrolledAt: true, passwordChangedAt: true } }),
    recoveryCodesLeft(client, actor.userId),
    openSessions(client, actor.userId),
    previousSignIn(client, actor.userId, session.id),
  ]);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">Your account and security</h1>
      <p className="mb-2">
        {actor.name} · {actor.email}
      </p>
      <p className="mb-6">
        {previous
          ? `Your sign-in before this one: ${formatDateTime(previous.createdAt)}${previous.clientAddress ? ` from ${previous.clientAddress}` : ""}. If that wasn't you, change your password and sign out everywhere else.`
          : "This is your first sign-in."}
      </p>
      {notice === "recovery-code-used" ? (
        <Notice>
          You signed in with a recovery code. {Number(left) || 0} {Number(left) === 1 ? "code is" : "codes are"} left; get new codes below if
          you are running low, and set your authenticator app up again if you lost it.
        </Notice>
      ) : null}

      <section aria-labelledby="authenticator" className="card mb-6">
        <h2 id="authenticator" className="mb-2 text-2xl font-semibold">
          Authenticator app
        </h2>
        {user.totpEnrolledAt ? (
          <>
            <p className="mb-2">Set up on {formatDateTime(user.totpEnrolledAt)}. Each sign-in asks for its code.</p>
            <p className="mb-4">
              Recovery codes left: <strong>{codesLeft}</strong> of 10.
            </p>
            <ActionForm action={regenerateRecoveryCodesAction} fields={[]} submitLabel="Get new recovery codes" variant="secondary" label="Get new recovery codes" />
            <p className="mt-4">
              <Link href="/account/authenticator">Move to a new phone or app</Link>
            </p>
          </>
        ) : (
          <>
            <p className="mb-4">Not set up. An authenticator app protects your account even if your password becomes known.</p>
            <Link href="/account/authenticator" className="btn btn-primary inline-block no-underline">
              Set up an authenticator app
            </Link>
          </>
        )}
      </section>

      <section aria-labelledby="password" className="card mb-6">
        <h2 id="password" className="mb-2 text-2xl font-semibold">
          Password
        </h2>
        {user.passwordChangedAt ? <p className="mb-4">Last changed on {formatDateTime(user.passwordChangedAt)}.</p> : null}
        <ActionForm
          action={changePasswordAction}
          label="Change your password"
          submitLabel="Change password"
          fields={[
            { kind: "text", name: "currentPassword", label: "Current password", type: "password", autoComplete: "current-password", required: true },
            ...newPasswordFields({ name: "newPassword", label: "New password" }),
          ]}
        />
      </section>

      <section aria-labelledby="sessions" className="card mb-6">
        <h2 id="sessions" className="mb-2 text-2xl font-semibold">
          Where you&apos;re signed in
        </h2>
        <DataTable caption="Your open sessions" columns={["Browser", "Address", "Signed in", "Last active", "Ends unless active"]} className="mb-4">
          {sessions.map((s) => (
            <tr key={s.id}>
              <td>
                {s.userAgent ? s.userAgent.slice(0, 80) : "Unknown browser"}
                {s.id === session.id ? <strong className="block">This session</strong> : null}
              </td>
              <td>{s.clientAddress ?? "—"}</td>
              <td>{formatDateTime(s.createdAt)}</td>
              <td>{formatDateTime(s.lastSeenAt)}</td>
              <td>{formatDateTime(sessionEndsAt(s))}</td>
            </tr>
          ))}
        </DataTable>
        <ActionForm action={endOtherSessionsAction} fields={[]} submitLabel="Sign out everywhere else" variant="secondary" label="Sign out everywhere else" />
      </section>
    </>
  );
}
