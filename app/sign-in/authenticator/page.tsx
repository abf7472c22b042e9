import type { Metadata } from "next";
import { EnrollmentPanel } from "@/components/identity/enrollment-panel";
import { db } from "@/lib/db";
import { enrollmentOffer } from "@/lib/identity/second-factor";
import { safeReturnPath } from "@/lib/safe-return-path";
import { requirePendingSession } from "@/lib/session";

export const metadata: Metadata = { title: "Set up your authenticator app" };

export default async function AuthenticatorEnrollmentPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const back = safeReturnPath((await searchParams).callbackUrl);
  const session = await requirePendingSession("enrollment", back);
  const offer = await enrollmentOffer(db(), session.actor.userId);
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="mb-2 text-3xl font-bold">Set up your authenticator app</h1>
      <p className="mb-6">
        Government staff sign in with a password and a code from an authenticator app. Set the app up once; after that, each sign-in asks
        for its current code.
      </p>
      <EnrollmentPanel qrSvg={offer.qrSvg} secret={offer.secret} continueTo={back} />
    </div>
  );
}
