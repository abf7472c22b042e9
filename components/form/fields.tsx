// Form fields that carry their label, hint and error the accessible way:
// the input points at its hint and error with aria-describedby and says
// aria-invalid when its value was refused.
import type { ReactNode } from "react";
import { fieldId } from "@/lib/forms";

type FieldProps = {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  /** Required in some cases only, which the hint says: marked neither required nor "(optional)". */
  requiredWhen?: boolean;
};

function describedBy(name: string, hint?: string, error?: string) {
  const ids = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function FieldHint({ name, hint }: { name: string; hint?: string }) {
  return hint ? (
    <p id={`${name}-hint`} className="text-sm text-[var(--color-muted)]">
      {hint}
    </p>
  ) : null;
}

function FieldError({ name, error }: { name: string; error?: string }) {
  return error ? (
    <p id={`${name}-error`} className="font-semibold text-[var(--color-error)]">
      <span className="sr-only">Error: </span>
      {error}
    </p>
  ) : null;
}

function FieldFrame({ name, label, hint, error, required, requiredWhen, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className={`mb-5 ${error ? "border-l-4 border-[var(--color-error)] pl-4" : ""}`}>
      <label htmlFor={fieldId(name)} className="block font-semibold">
        {label}
        {required || requiredWhen ? null : <span className="font-normal text-[var(--color-muted)]"> (optional)</span>}
      </label>
      <FieldHint name={name} hint={hint} />
      <FieldError name={name} error={error} />
      <div className="mt-1">{children}</div>
    </div>
  );
}

export function TextField(
  props: FieldProps & { defaultValue?: string; type?: string; inputMode?: "numeric" | "decimal" | "text" | "email"; autoComplete?: string; width?: string },
) {
  const { name, hint, error, required, defaultValue, type = "text", inputMode, autoComplete, width } = props;
  return (
    <FieldFrame {...props}>
      <input
        id={fieldId(name)}
        name={name}
        type={type}
        inputMode={inputMode}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        required={required}
        aria-required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        className={`input ${width ?? ""}`}
      />
    </FieldFrame>
  );
}

export function TextArea(props: FieldProps & { defaultValue?: string; rows?: number }) {
  const { name, hint, error, required, defaultValue, rows = 4 } = props;
  return (
    <FieldFrame {...props}>
      <textarea
        id={fieldId(name)}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        required={required}
        aria-required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        className="input"
      />
    </FieldFrame>
  );
}

export function SelectField(
  props: FieldProps & { defaultValue?: string; options: ReadonlyArray<{ value: string; label: string }>; placeholder?: string },
) {
  const { name, hint, error, required, defaultValue, options, placeholder } = props;
  return (
    <FieldFrame {...props}>
      <select
        id={fieldId(name)}
        name={name}
        defaultValue={defaultValue ?? ""}
        required={required}
        aria-required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        className="input"
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A file picker; its form posts multipart (the upload route streams it). */
export function FileField(props: FieldProps & { accept?: string }) {
  const { name, hint, error, required, accept } = props;
  return (
    <FieldFrame {...props}>
      <input
        id={fieldId(name)}
        name={name}
        type="file"
        accept={accept}
        required={required}
        aria-required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error)}
        className="block w-full"
      />
    </FieldFrame>
  );
}

export function CheckboxField({ name, label, defaultChecked, error }: { name: string; label: string; defaultChecked?: boolean; error?: string }) {
  return (
    <div className={`mb-5 ${error ? "border-l-4 border-[var(--color-error)] pl-4" : ""}`}>
      <FieldError name={name} error={error} />
      <div className="flex items-center gap-2">
        <input
          id={fieldId(name)}
          name={name}
          type="checkbox"
          defaultChecked={defaultChecked}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${name}-error` : undefined}
          className="h-5 w-5"
        />
        <label htmlFor={fieldId(name)}>{label}</label>
      </div>
    </div>
  );
}

/** A group of radio buttons in a fieldset with a legend. */
export function RadioGroup(
  props: FieldProps & { options: ReadonlyArray<{ value: string; label: string }>; defaultValue?: string },
) {
  const { name, label, hint, error, options, defaultValue } = props;
  return (
    <fieldset
      className={`mb-5 ${error ? "border-l-4 border-[var(--color-error)] pl-4" : ""}`}
      aria-describedby={describedBy(name, hint, error)}
      aria-invalid={error ? true : undefined}
    >
      <legend className="font-semibold">{label}</legend>
      <FieldHint name={name} hint={hint} />
      <FieldError name={name} error={error} />
      {options.map((option, index) => (
        <div key={option.value} className="mt-2 flex items-center gap-2">
          <input
            id={index === 0 ? fieldId(name) : `${fieldId(name)}-${option.value}`}
            type="radio"
            name={name}
            value={option.value}
            defaultChecked={defaultValue === option.value}
            className="h-5 w-5"
          />
          <label htmlFor={index === 0 ? fieldId(name) : `${fieldId(name)}-${option.value}`}>{option.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
