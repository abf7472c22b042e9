"use client";
// The error summary at the top of a form (GOV.UK / USWDS pattern): it takes focus
// when it appears, and each link moves focus to the field it names.
import { useEffect, useId, useRef } from "react";
import { fieldId, type FormState } from "@/lib/forms";

export function FormFeedback({ state, labels }: { state: FormState; labels?: Record<string, string> }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId(); // a page can show several summaries at once
  useEffect(() => {
    if (state.status !== "idle") ref.current?.focus();
  }, [state]);
  // GOV.UK pattern: while a form shows errors the tab title starts with "Error: ",
  // so screen-reader users hear that the page answered with a problem.
  useEffect(() => {
    if (state.status !== "error") return;
    const title = document.title.replace(/^Error: /, "");
    document.title = `Error: ${title}`;
    return () => {
      document.title = title;
    };
  }, [state]);

  if (state.status === "success") {
    return (
      <div ref={ref} tabIndex={-1} role="status" className="mb-6 border-l-8 border-[var(--color-success)] bg-green-50 p-4">
        <p className="font-semibold">{state.message}</p>
        {state.list && state.list.length > 0 ? (
          <ul aria-label="Recovery codes" className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 font-mono text-lg sm:w-fit">
            {state.list.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        ) : null}
        {state.warnings && state.warnings.length > 0 ? (
          <>
            <p className="mt-3">Still needed before you can submit:</p>
            <ul className="mt-1 list-disc pl-6">
              {state.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    );
  }
  if (state.status !== "error") return null;
  const fields = Object.entries(state.fieldErrors);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={titleId}
      className="mb-6 border-l-8 border-[var(--color-error)] bg-red-50 p-4"
    >
      <h2 id={titleId} className="text-lg font-bold">
        {state.message ?? "There is a problem"}
      </h2>
      {fields.length > 0 ? (
        <ul className="mt-2 list-disc pl-6">
          {fields.map(([name, message]) => (
            <li key={name}>
              <a
                href={`#${fieldId(name)}`}
                onClick={(event) => {
                  // Move focus, not just scroll, so screen readers land on the field.
                  const target = document.getElementById(fieldId(name));
                  if (target) {
                    event.preventDefault();
                    target.focus();
                    target.scrollIntoView({ block: "center" });
                  }
                }}
              >
                {labels?.[name] ? `${labels[name]}: ` : ""}
                {message}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {state.problems && state.problems.length > 0 ? (
        <ul className="mt-2 list-disc pl-6">
          {state.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
