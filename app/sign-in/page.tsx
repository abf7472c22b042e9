import type { Metadata } from "next";
import { ActionForm } from "@/components/form/action-form";
import { signInAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; signedOut?: string; timedOut?: string; accountCreated?: string }> }) {
  const { callbackUrl, signedOut, timedOut, accountCreated } = await searchParams;
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-4 text-3xl font-bold">Sign in</h1>
      {signedOut ? (
        <p role="status" className="mb-4 border-l-8 border-[var(--color-success)] bg-green-50 p-3">
          You have signed out.
        </p>
      ) : null}
      {accountCreated ? (
        <p role="status" className="mb-4 border-l-8 border-[var(--color-success)] bg-green-50 p-3">
          Your account is ready and you have joined the consortium. Sign in to start.
        </p>
      ) : null}
      {timedOut ? (
        <p role="status" className="mb-4 border-l-8 border-[var(--color-navy-900)] bg-blue-50 p-3">
          You were signed out after a period without activity. Sign in to carry on where you were.
        </p>
      ) : null}
      {callbackUrl && !signedOut && !timedOut && !accountCreated ? <p className="mb-4">Sign in to continue to the page you asked for.</p> : null}
      <div className="card">
        <ActionForm
          action={signInAction}
          hidden={{ callbackUrl: callbackUrl ?? "" }}
          submitLabel="Sign in"
          fields={[
            { kind: "text", name: "email", label: "Email address", type: "email", autoComplete: "username", required: true },
            { kind: "text", name: "password", label: "Password", type: "password", autoComplete: "current-password", required: true },
          ]}
        />
      </div>
      <section aria-labelledby="system-use" className="mt-6 border-l-4 border-[var(--color-navy-900)] bg-white p-4 text-sm">
        <h2 id="system-use" className="mb-1 font-semibold">
          System use notice
        </h2>
        <p>
          You are accessing a U.S. Government information system. Use of this system is monitored and recorded, and is authorized only for
          the program&apos;s business. Unauthorized use may be subject to criminal and civil penalties. By signing in, you consent to this
          monitoring.
        </p>
      </section>
    </div>
  );
}
