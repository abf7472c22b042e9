// The shape every form action returns, shared by server actions and client forms.
import type { z } from "zod";

export type FormState = {
  status: "idle" | "error" | "success";
  /** A sentence for the top of the form. */
  message?: string;
  /** Business-rule reasons, listed under the message. */
  problems?: string[];
  /** First message per field name. */
  fieldErrors: Record<string, string>;
  /** What the user typed, to put back after React resets the form. */
  values: Record<string, string>;
  /** Things to show once with a success message, such as new recovery codes. */
  list?: string[];
  /**
   * Names each answer from the server, so a form can re-mount its fields with the
   * values to show. The server sets it: forms pass their server action straight to
   * useActionState, which is what lets them post and answer without JavaScript.
   */
  answer?: string;
  /** A draft save: the version the record is at now (the next save's expectedVersion), and when it was saved. */
  version?: number;
  savedAt?: string;
  /** Refused because others saved since the user's copy: the version to save over theirs deliberately. */
  conflictVersion?: number;
  /** Refused because the session had ended: nothing was written. */
  signedOut?: boolean;
  /** What a saved draft still needs before it can be submitted (the strict schema's issues). */
  warnings?: string[];
};

/** Stamps a form's answer with a fresh name (see FormState.answer). */
export function answered(state: FormState): FormState {
  return { ...state, answer: crypto.randomUUID() };
}

export const initialFormState: FormState = { status: "idle", fieldErrors: {}, values: {} };

/**
 * The text fields of a submitted form; null when the action was called with
 * something that isn't a form (a hand-made request: the proxy refuses the ones it
 * can tell apart, this catches the rest).
 */
export function formValues(formData: unknown): Record<string, string> | null {
  if (!(formData instanceof FormData)) return null;
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  }
  return values;
}

/** The answer to a call that carried no readable form. */
export const unreadableFormState: FormState = {
  status: "error",
  message: "The form could not be read. Reload the page and try again.",
  fieldErrors: {},
  values: {},
};

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}

/** The id a field's input carries, so error-summary links can jump to it. */
export function fieldId(name: string): string {
  return `field-${name}`;
}
