"use client";
import { useFormStatus } from "react-dom";

export function SubmitButton({
  children,
  variant = "primary",
  size = "normal",
}: {
  children: React.ReactNode;
  variant?: "primary" | "secondary" | "danger";
  size?: "normal" | "small";
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={`btn btn-${variant} ${size === "small" ? "btn-small" : ""}`} aria-disabled={pending} disabled={pending}>
      {pending ? "Working…" : children}
    </button>
  );
}
