"use server";
// Public by nature: signing in and out are what make an actor in the first place.
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn, signOut } from "@/lib/auth";
import { db } from "@/lib/db";
import { formatTimeOfDay } from "@/lib/dates";
import { answered, fieldErrorsOf, formValues, unreadableFormState, type FormState } from "@/lib/forms";
import { endSession } from "@/lib/identity/sessions";
import { signInSchema } from "@/lib/schemas/decisions";
import { safeReturnPath } from "@/lib/safe-return-path";
import { currentSession } from "@/lib/session";

/** The sentence for a refused sign-in, from the code the sign-in check gave. */
function refusal(error: AuthError): Pick<FormState, "message" | "fieldErrors"> {
  const code = error instanceof CredentialsSignin ? error.code : "";
  if (code.startsWith("throttled-")) {
    const retryAt = new Date(Number(code.slice("throttled-".length)));
    return {
      message: `Too many attempts to sign in. For your security, try again after ${formatTimeOfDay(retryAt)}.`,
      fieldErrors: {},
    };
  }
  if (code === "unavailable") {
    return { message: "The portal can't check your password right now. Nothing is wrong with your account: please try again in a few minutes.", fieldErrors: {} };
  }
  return { message: "There is a problem signing you in.", fieldErrors: { email: "The email address or password is not right." } };
}

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  if (!values) return unreadableFormState;
  const parsed = signInSchema.safeParse(values);
  const kept = { email: values.email ?? "", callbackUrl: values.callbackUrl ?? "" };
  if (!parsed.success) {
    return answered({ status: "error", message: "There is a problem signing you in.", fieldErrors: fieldErrorsOf(parsed.error), values: kept });
  }
  try {
    // Pages send a session that still owes its second factor to that step first.
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeReturnPath(parsed.data.callbackUrl),
    });
  } catch (error) {
    if (error instanceof AuthError) return answered({ status: "error", ...refusal(error), values: kept });
    throw error; // the successful sign-in redirects by throwing
  }
  return { status: "success", fieldErrors: {}, values: {} };
}

export async function signOutAction(): Promise<void> {
  const session = await currentSession();
  if (session) await endSession(db(), session.id);
  await signOut({ redirectTo: "/sign-in?signedOut=1" });
}
