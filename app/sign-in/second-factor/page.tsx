import type { Metadata } from "next";
import { ActionForm } from "@/components/form/action-form";
import { safeReturnPath } from "@/lib/safe-return-path";
import { requirePendingSession } from "@/lib/session";
import { signOutAction } from "../actions";
import { secondFactorAction } from "./actions";

export const metadata: Metadata = { title: "Enter your authentication code" };

export default async function SecondFactorPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const back = safeReturnPath((await searchParams).callbackUrl);
  const session = await requirePendingSession("secondFactor", back);
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-4 text-3xl font-bold">Enter your authentication code</h1>
      <p className="mb-4">
        Signed in as <strong>{session.actor.email}</strong>. Open your authenticator app and enter the code it shows for American AI Exports.
      </p>
      <div className="card">
        <ActionForm
          action={secondFactorAction}
          hidden={{ callbackUrl: back }}
          submitLabel="Continue"
          fields={[
            {
              kind: "text",
              name: "code",
              label: "Authentication code",
              hint: "6 digits from the app. Lost your phone? Enter one of your recovery codes instead.",
              required: true,
              autoComplete: "one-time-code",
              width: "w-56",
            },
          ]}
        />
      </div>
      <form action={signOutAction} className="mt-4">
        <button type="submit" className="btn btn-secondary">
          Cancel and sign out
        </button>
      </form>
    </div>
  );
}
