import { describedBy, HintAndError } from "./field";

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
    <fieldset className={`mb-5 ${error ? "border-l-4 border-danger pl-3" : ""}`} aria-describedby={describedBy(id, hint, error)}>
      <legend className="font-semibold">{legend}</legend>
      <HintAndError id={id} hint={hint} error={error} />
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
