"use server";
import { runFormActionAs } from "@/lib/actions";
import { db } from "@/lib/db";
import { type FormState } from "@/lib/forms";
import { regenerateRecoveryCodes } from "@/lib/identity/second-factor";
import { changePassword, endSessionsOf } from "@/lib/identity/users";
import { changePasswordSchema } from "@/lib/schemas/identity";
import { requireActiveSession } from "@/lib/session";
import { z } from "zod";

const nothing = z.object({});

export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormActionAs(formData, () => requireActiveSession("account:manage"), changePasswordSchema, async (session, input) => {
    await changePassword(db(), session.actor, session.id, input);
    return "Your password is changed. You stay signed in here; every other session has ended.";
  });
}

export async function regenerateRecoveryCodesAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormActionAs(formData, () => requireActiveSession("account:manage"), nothing, async (session) => {
    const codes = await regenerateRecoveryCodes(db(), session.actor);
    return { message: "New recovery codes. Your old ones no longer work. Keep these somewhere safe: they won't be shown again.", list: codes };
  });
}

export async function endOtherSessionsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormActionAs(formData, () => requireActiveSession("account:manage"), nothing, async (session) => {
    const ended = await endSessionsOf(db(), session.actor, session.actor.userId, session.id);
    return ended === 0 ? "You weren't signed in anywhere else." : `Signed out of ${ended} other ${ended === 1 ? "session" : "sessions"}.`;
  });
}
