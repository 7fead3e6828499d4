/**
 * A question answered by one of a few options (GOV.UK radios): a fieldset whose legend is the
 * question; the first option carries the id the error summary links to.
 */
export function Radios({
  name,
  legend,
  hint,
  options,
  value,
  error,
}: {
  name: string;
  legend: string;
  hint?: string;
  options: readonly (readonly [string, string])[];
  value?: string;
  error?: string;
}) {
  const id = `field-${name}`;
  return (
    <fieldset
      className={`mb-5 ${error ? "border-l-4 border-danger pl-3" : ""}`}
      aria-describedby={[hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined}
    >
      <legend className="font-semibold">{legend}</legend>
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
      <div className="mt-1 flex flex-wrap gap-x-6 gap-y-1">
        {options.map(([optionValue, label], index) => (
          <div key={optionValue} className="flex items-center gap-2">
            <input
              type="radio"
              id={index === 0 ? id : `${id}-${optionValue}`}
              name={name}
              value={optionValue}
              defaultChecked={value === optionValue}
              className="size-5"
            />
            <label htmlFor={index === 0 ? id : `${id}-${optionValue}`}>{label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
