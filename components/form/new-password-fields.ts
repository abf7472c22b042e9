// The two fields that choose a new password (the rules in the hint are those
// lib/passwords.ts enforces), shared by the account page and invitations.
import type { FieldSpec } from "./action-form";
import { PASSWORD_MIN_LENGTH } from "@/lib/passwords";

export function newPasswordFields({ name, label }: { name: string; label: string }): FieldSpec[] {
  return [
    {
      kind: "text",
      name,
      label,
      hint: `At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong password; commonly used passwords are refused.`,
      type: "password",
      autoComplete: "new-password",
      required: true,
    },
    { kind: "text", name: "confirmPassword", label: `${label} again`, type: "password", autoComplete: "new-password", required: true },
  ];
}
