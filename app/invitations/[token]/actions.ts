"use server";
// Accepting an invitation. The token in the link is the authority to accept,
// for the email it was sent to; a person with an account must also be signed in
// as that email.
import { redirect } from "next/navigation";
import { runFormAction, runFormActionAs } from "@/lib/actions";
import { acceptAsSignedIn, acceptWithNewAccount } from "@/lib/consortia/people";
import { db } from "@/lib/db";
import { type FormState } from "@/lib/forms";
import { acceptInvitationSchema, acceptSignedInSchema } from "@/lib/schemas/consortium";

export async function acceptWithNewAccountAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let destination: string | null = null;
  const state = await runFormActionAs(formData, async () => null, acceptInvitationSchema, async (_nobody, input) => {
    const { consortiumId } = await acceptWithNewAccount(db(), input);
    destination = `/sign-in?accountCreated=1&callbackUrl=${encodeURIComponent(`/consortia/${consortiumId}`)}`;
  });
  if (destination) redirect(destination);
  return state;
}

export async function acceptAsSignedInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let destination: string | null = null;
  const state = await runFormAction(formData, "consortium:read", acceptSignedInSchema, async (actor, input) => {
    const { consortiumId } = await acceptAsSignedIn(db(), actor, input.token);
    destination = `/consortia/${consortiumId}?notice=joined`;
  });
  if (destination) redirect(destination);
  return state;
}
