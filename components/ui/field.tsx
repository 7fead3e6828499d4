import type { InputHTMLAttributes, ReactNode, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

interface FieldFrameProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}

/** A question's label, hint and error above its control, marked at the side when in error. */
export function FieldFrame({ id, label, hint, error, children }: FieldFrameProps) {
  return (
    <div className={questionClass(error)}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}

/** A question's hint and error, under its label or legend; `describedBy` names them for the control. */
export function HintAndError({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <ErrorMessage id={id} error={error} />
    </>
  );
}

/** The class of a question's box: a bar at its side while it is in error. */
export function questionClass(error?: string) {
  return `mb-5 ${error ? "border-l-4 border-danger pl-3" : ""}`;
}

/** A question's error, `${id}-error` for the control's `aria-describedby`; nothing without one. */
export function ErrorMessage({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="font-semibold text-danger">
      <span className="sr-only">Error: </span>
      {error}
    </p>
  );
}

export function describedBy(id: string, hint?: string, error?: string, extra?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null, extra ?? null].filter(Boolean).join(" ") || undefined;
}

export const controlClass =
  "mt-1 block w-full max-w-xl border-2 border-ink bg-white px-2 py-1.5 text-base aria-[invalid=true]:border-danger";

/** A control for a short number (days, weeks, a target): the same frame, a few digits wide. */
export const shortControlClass = "mt-1 block w-24 border-2 border-ink bg-white px-2 py-1.5 text-base aria-[invalid=true]:border-danger";

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> & {
  name: string;
  label: string;
  hint?: string;
  error?: string;
};

export function TextField({ name, label, hint, error, ...input }: TextFieldProps) {
  const id = `field-${name}`;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={controlClass}
        {...input}
      />
    </FieldFrame>
  );
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "name"> & {
  ref?: Ref<HTMLSelectElement>;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
};

export function SelectField({ name, label, hint, error, children, ...select }: SelectFieldProps) {
  const id = `field-${name}`;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={controlClass}
        {...select}
      >
        {children}
      </select>
    </FieldFrame>
  );
}

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name"> & {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  /** Ids of further descriptions (such as a word count) to announce with the field. */
  extraDescribedBy?: string;
};

/** A labelled multi-line field: wider than a line field, five rows unless told. */
export function TextAreaField({ name, label, hint, error, extraDescribedBy, rows = 5, ...textarea }: TextAreaFieldProps) {
  const id = `field-${name}`;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error, extraDescribedBy)}
        className={controlClass.replace("max-w-xl", "max-w-2xl")}
        {...textarea}
      />
    </FieldFrame>
  );
}

/** The ids the error summary links to, in the order the fields appear. */
export function summaryItems(fieldErrors: Record<string, string>, order: string[]) {
  return order
    .filter((name) => fieldErrors[name])
    .map((name) => ({ fieldId: `field-${name}`, message: fieldErrors[name]! }));
}
