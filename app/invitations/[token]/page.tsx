import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/form/action-form";
import { newPasswordFields } from "@/components/form/new-password-fields";
import { invitationByToken, SEAT_ROLE_LABELS } from "@/lib/consortia/people";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/dates";
import { currentActor } from "@/lib/session";
import { acceptAsSignedInAction, acceptWithNewAccountAction } from "./actions";

export const metadata: Metadata = { title: "Your invitation" };

const ENDED = {
  expired: "This invitation has expired. Ask the consortium's lead to send you a new one.",
  used: "This invitation has already been used. Sign in to reach the consortium.",
  revoked: "This invitation was withdrawn or replaced by a newer one. Use the latest invitation you received, or ask the consortium's lead for a new one.",
} as const;

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const found = await invitationByToken(db(), token);
  if (!found) {
    return (
      <div className="max-w-2xl">
        <h1 className="mb-4 text-3xl font-bold">This invitation link doesn&apos;t work</h1>
        <p>Check that you opened the whole link from the message. If it still doesn&apos;t work, ask the consortium&apos;s lead for a new invitation.</p>
      </div>
    );
  }
  const { invitation, state, accountExists } = found;
  const actor = accountExists ? await currentActor() : null;
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-3xl font-bold">Join {invitation.consortium.name}</h1>
      {state !== "open" ? (
        <p role="alert" className="border-l-8 border-[var(--color-error)] bg-red-50 p-4">
          {ENDED[state]}
        </p>
      ) : (
        <>
          <p className="mb-2">
            You are invited to work in {invitation.consortium.name}&apos;s workspace as{" "}
            <strong>{SEAT_ROLE_LABELS[invitation.seatRole].toLowerCase()}</strong>, as <strong>{invitation.email}</strong>.
          </p>
          <p className="mb-6">This link works once, until {formatDateTime(invitation.expiresAt)}.</p>
          {!accountExists ? (
            <div className="card">
              <h2 className="mb-4 text-xl font-semibold">Create your account</h2>
              <ActionForm
                action={acceptWithNewAccountAction}
                hidden={{ token }}
                submitLabel="Create account and join"
                fields={[
                  { kind: "text", name: "name", label: "Full name", autoComplete: "name", required: true },
                  ...newPasswordFields({ name: "password", label: "Password" }),
                ]}
              />
            </div>
          ) : actor && actor.email.toLowerCase() === invitation.email.toLowerCase() ? (
            <ActionForm action={acceptAsSignedInAction} hidden={{ token }} submitLabel={`Join ${invitation.consortium.name}`} fields={[]} />
          ) : (
            <p>
              {actor ? `You are signed in as ${actor.email}. ` : ""}
              <Link href={`/sign-in?callbackUrl=${encodeURIComponent(`/invitations/${token}`)}`}>Sign in as {invitation.email}</Link> to accept.
            </p>
          )}
        </>
      )}
    </div>
  );
}
