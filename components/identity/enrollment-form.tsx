"use client";
// Confirming an authenticator app with a first code. Once confirmed, the form
// gives way to the recovery codes (shown this once) and the way on.
import { useActionState } from "react";
import { enrollmentAction } from "@/app/sign-in/second-factor/actions";
import { initialFormState } from "@/lib/forms";
import { FormFeedback } from "@/components/form/form-feedback";
import { TextField } from "@/components/form/fields";
import { SubmitButton } from "@/components/form/submit-button";

export function EnrollmentForm({ continueTo }: { continueTo: string }) {
  const [state, formAction] = useActionState(enrollmentAction, initialFormState);
  if (state.status === "success") {
    return (
      <>
        <FormFeedback state={state} />
        <p className="mb-4">
          Each recovery code works once, instead of a code from the app, if you lose your phone. Print them or store them in a password
          manager: they won&apos;t be shown again.
        </p>
        {/* A full page load, so the header shows the signed-in navigation. */}
        <a href={continueTo} className="btn btn-primary inline-block no-underline">
          Continue
        </a>
      </>
    );
  }
  return (
    <form action={formAction} noValidate aria-label="Confirm your authenticator app">
      <FormFeedback state={state} />
      <TextField
        name="code"
        label="Code from the app"
        hint="The 6 digits your authenticator app shows for American AI Exports."
        required
        inputMode="numeric"
        autoComplete="one-time-code"
        width="w-40"
        error={state.fieldErrors.code}
      />
      <SubmitButton>Confirm and continue</SubmitButton>
    </form>
  );
}
