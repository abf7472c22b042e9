"use server";
// The second step of signing in. Reachable only with a session whose password
// was checked and whose second factor is still owed; acts on that session alone.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runFormActionAs } from "@/lib/actions";
import { db } from "@/lib/db";
import { type FormState } from "@/lib/forms";
import { confirmEnrollment, verifySecondFactor } from "@/lib/identity/second-factor";
import { safeReturnPath } from "@/lib/safe-return-path";
import { enrollmentSchema, secondFactorSchema } from "@/lib/schemas/identity";
import { requirePendingSessionForAction } from "@/lib/session";

export async function secondFactorAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let destination: string | null = null;
  const state = await runFormActionAs(formData, () => requirePendingSessionForAction("secondFactor"), secondFactorSchema, async (session, input) => {
    const result = await verifySecondFactor(db(), session.actor, session.id, input.code);
    const back = safeReturnPath(input.callbackUrl);
    // The header, in the root layout, changes from "signing in" to the full navigation.
    revalidatePath("/", "layout");
    destination = result.usedRecoveryCode ? `/account?notice=recovery-code-used&left=${result.recoveryCodesLeft}` : back;
  });
  if (destination) redirect(destination);
  return state;
}

/** Confirms enrollment with a first code; answers with the recovery codes to keep. */
export async function enrollmentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormActionAs(formData, () => requirePendingSessionForAction("enrollmentOrActive"), enrollmentSchema, async (session, input) => {
    const codes = await confirmEnrollment(db(), session.actor, session.id, input.code);
    return { message: "Your authenticator app is set up. Keep these recovery codes somewhere safe.", list: codes };
  });
}
