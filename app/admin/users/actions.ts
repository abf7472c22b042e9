"use server";
import { runFormAction } from "@/lib/actions";
import { db } from "@/lib/db";
import { type FormState } from "@/lib/forms";
import { resetSecondFactor } from "@/lib/identity/second-factor";
import { changeRole, endSessionsOf, setAccess } from "@/lib/identity/users";
import { userAccessSchema, userIdSchema, userRoleSchema } from "@/lib/schemas/identity";

export async function changeRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "users:manage", userRoleSchema, async (actor, input) => {
    await changeRole(db(), actor, input);
    return "Role saved. The person's sessions have ended: they sign in again with the new role.";
  });
}

export async function setAccessAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "users:manage", userAccessSchema, async (actor, input) => {
    await setAccess(db(), actor, input);
    return input.access === "disable" ? "Account disabled. Every session of it has ended." : "Account enabled. The person can sign in again.";
  });
}

export async function resetSecondFactorAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "users:manage", userIdSchema, async (actor, input) => {
    await resetSecondFactor(db(), actor, input.userId);
    return "Authenticator app removed. The person sets up a new one at their next sign-in.";
  });
}

export async function endSessionsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormAction(formData, "users:manage", userIdSchema, async (actor, input) => {
    const ended = await endSessionsOf(db(), actor, input.userId);
    return `${ended} ${ended === 1 ? "session" : "sessions"} ended.`;
  });
}
