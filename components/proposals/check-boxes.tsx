/** A group of tick boxes under one question; the first box carries the id the error summary links to. */
export function CheckBoxes({
  name,
  legend,
  hint,
  error,
  options,
  checked,
}: {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  options: Record<string, string>;
  checked: readonly string[];
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
      <div className="mt-1 grid max-w-2xl grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-2">
        {Object.entries(options).map(([value, label], index) => (
          <div key={value} className="flex items-center gap-2">
            <input
              type="checkbox"
              id={index === 0 ? id : `${id}-${value}`}
              name={name}
              value={value}
              defaultChecked={checked.includes(value)}
              className="size-5"
            />
            <label htmlFor={index === 0 ? id : `${id}-${value}`}>{label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
