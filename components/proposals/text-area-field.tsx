import type { TextareaHTMLAttributes } from "react";

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name"> & {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  /** Ids of further descriptions (such as a word count) to announce with the field. */
  extraDescribedBy?: string;
};

/** A labelled multi-line field in the house pattern: hint, then error, then the box. */
export function TextAreaField({ name, label, hint, error, extraDescribedBy, rows = 5, ...rest }: TextAreaFieldProps) {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null, extraDescribedBy ?? null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`mb-5 ${error ? "border-l-4 border-danger pl-3" : ""}`}>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="font-semibold text-danger">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="mt-1 block w-full max-w-2xl border-2 border-ink bg-white px-2 py-1.5 text-base aria-[invalid=true]:border-danger"
        {...rest}
      />
    </div>
  );
}
