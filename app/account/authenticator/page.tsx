import type { Metadata } from "next";
import { EnrollmentPanel } from "@/components/identity/enrollment-panel";
import { db } from "@/lib/db";
import { enrollmentOffer } from "@/lib/identity/second-factor";
import { requirePageActor } from "@/lib/session";

export const metadata: Metadata = { title: "Set up an authenticator app" };

export default async function AccountAuthenticatorPage() {
  const actor = await requirePageActor("account:manage", "/account/authenticator");
  const offer = await enrollmentOffer(db(), actor.userId);
  return (
    <div className="mx-auto max-w-2xl">
      <h1 className="mb-2 text-3xl font-bold">Set up an authenticator app</h1>
      <p className="mb-6">
        Once confirmed, this app replaces any you set up before, and you get new recovery codes. Each sign-in then asks for the app&apos;s
        current code.
      </p>
      <EnrollmentPanel qrSvg={offer.qrSvg} secret={offer.secret} continueTo="/account" />
    </div>
  );
}
