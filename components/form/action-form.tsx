"use client";
// One accessible form for every server action: fields described as data, the
// error summary on top, field-level messages, and the user's input kept on error.
import { useActionState } from "react";
import { initialFormState, type FormState } from "@/lib/forms";
import { CheckboxField, RadioGroup, SelectField, TextArea, TextField } from "./fields";
import { FormFeedback } from "./form-feedback";
import { SubmitButton } from "./submit-button";

type Option = { value: string; label: string };

export type FieldSpec =
  | {
      kind: "text";
      name: string;
      label: string;
      hint?: string;
      required?: boolean;
      /** Required in some cases only (the hint says which): no "(optional)" beside it. */
      requiredWhen?: boolean;
      defaultValue?: string;
      type?: "text" | "email" | "password";
      inputMode?: "numeric" | "decimal" | "text" | "email";
      autoComplete?: string;
      width?: string;
    }
  | { kind: "textarea"; name: string; label: string; hint?: string; required?: boolean; defaultValue?: string; rows?: number }
  | { kind: "select"; name: string; label: string; hint?: string; required?: boolean; defaultValue?: string; options: Option[]; placeholder?: string }
  | { kind: "radio"; name: string; label: string; hint?: string; required?: boolean; defaultValue?: string; options: Option[] }
  | { kind: "checkbox"; name: string; label: string; defaultValue?: boolean }
  | { kind: "heading"; text: string };

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  fields: FieldSpec[];
  hidden?: Record<string, string>;
  submitLabel: string;
  variant?: "primary" | "secondary" | "danger";
  /** An accessible name for the form, when a page has several. */
  label?: string;
  size?: "normal" | "small";
};

export function ActionForm({ action, fields, hidden = {}, submitLabel, variant, label, size }: Props) {
  // The server action itself goes to useActionState, so the form also posts and
  // shows its answer without JavaScript. Each answer re-mounts the fields, so every
  // input (selects and radios too) starts from what the user typed after an error,
  // or from the saved data.
  const [state, formAction] = useActionState(action, initialFormState);
  const typed = state.values;
  // After an error the typed values come back; otherwise the page's current data.
  const value = (name: string, fallback?: string) => (state.status === "error" ? (typed[name] ?? "") : fallback);
  return (
    <form key={state.answer ?? "first"} action={formAction} noValidate aria-label={label}>
      <FormFeedback state={state} />
      {Object.entries(hidden).map(([name, v]) => (
        <input key={name} type="hidden" name={name} value={v} />
      ))}
      {fields.map((field, index) => {
        const error = "name" in field ? state.fieldErrors[field.name] : undefined;
        switch (field.kind) {
          case "heading":
            return (
              <h3 key={`heading-${index}`} className="mb-3 mt-2 text-lg font-semibold">
                {field.text}
              </h3>
            );
          case "text":
            return <TextField key={field.name} {...field} defaultValue={value(field.name, field.defaultValue)} error={error} />;
          case "textarea":
            return <TextArea key={field.name} {...field} defaultValue={value(field.name, field.defaultValue)} error={error} />;
          case "select":
            return <SelectField key={field.name} {...field} defaultValue={value(field.name, field.defaultValue)} error={error} />;
          case "radio":
            return <RadioGroup key={field.name} {...field} defaultValue={value(field.name, field.defaultValue)} error={error} />;
          case "checkbox":
            return (
              <CheckboxField
                key={field.name}
                name={field.name}
                label={field.label}
                defaultChecked={state.status === "error" ? typed[field.name] === "on" : field.defaultValue}
                error={error}
              />
            );
        }
      })}
      <SubmitButton variant={variant} size={size}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
