"use client";

import { useEffect, useRef } from "react";

export interface ErrorSummaryItem {
  fieldId: string;
  message: string;
}

/** GOV.UK-style summary at the top of a form; takes focus so screen readers announce it. */
export function ErrorSummary({
  errors,
  formError,
  titleId = "error-summary-title",
  description,
}: {
  errors: ErrorSummaryItem[];
  formError?: string;
  /** What happened all the same, said before the problems (GOV.UK's error summary description). */
  description?: string;
  /** For a page with several forms, whose summaries may show at once. */
  titleId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const hasErrors = errors.length > 0 || Boolean(formError);
  useEffect(() => {
    if (hasErrors) ref.current?.focus();
  }, [hasErrors, errors, formError]);
  if (!hasErrors) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={titleId}
      className="mb-6 border-4 border-danger bg-white p-4"
    >
      <h2 id={titleId} className="text-xl font-bold">
        There is a problem
      </h2>
      {description ? <p className="mt-2">{description}</p> : null}
      <ul className="mt-2 list-none space-y-1">
        {formError ? <li className="font-semibold text-danger">{formError}</li> : null}
        {errors.map((error) => (
          <li key={error.fieldId}>
            <a href={`#${error.fieldId}`} className="font-semibold text-danger">
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
