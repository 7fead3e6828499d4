/**
 * A question answered by ticking boxes or choosing one option (GOV.UK checkboxes and radios): a
 * fieldset whose legend is the question; the first option carries the id the error summary links to.
 */
export function ChoiceGroup({
  type,
  name,
  legend,
  hint,
  error,
  options,
  isChosen,
  layout,
}: {
  type: "checkbox" | "radio";
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  options: readonly (readonly [string, string])[];
  isChosen: (value: string) => boolean;
  layout: string;
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
      <div className={`mt-1 ${layout}`}>
        {options.map(([value, label], index) => (
          <div key={value} className="flex items-center gap-2">
            <input
              type={type}
              id={index === 0 ? id : `${id}-${value}`}
              name={name}
              value={value}
              defaultChecked={isChosen(value)}
              className="size-5"
            />
            <label htmlFor={index === 0 ? id : `${id}-${value}`}>{label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
