"use server";
// Public by nature: signing in and out are what make an actor in the first place.
import { AuthError } from "next-auth";
import { signIn, signOut } from "@/lib/auth";
import { fieldErrorsOf, formValues, unreadableFormState, type FormState } from "@/lib/forms";
import { signInSchema } from "@/lib/schemas/decisions";
import { safeReturnPath } from "@/lib/safe-return-path";

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  if (!values) return unreadableFormState;
  const parsed = signInSchema.safeParse(values);
  const kept = { email: values.email ?? "", callbackUrl: values.callbackUrl ?? "" };
  if (!parsed.success) {
    return { status: "error", message: "There is a problem signing you in.", fieldErrors: fieldErrorsOf(parsed.error), values: kept };
  }
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeReturnPath(parsed.data.callbackUrl),
    });
  } catch (error) {
    if (error instanceof AuthError) {
      return {
        status: "error",
        message: "There is a problem signing you in.",
        fieldErrors: { email: "The email address or password is not right." },
        values: kept,
      };
    }
    throw error; // the successful sign-in redirects by throwing
  }
  return { status: "success", fieldErrors: {}, values: {} };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in?signedOut=1" });
}
