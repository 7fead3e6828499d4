import { HintAndError, describedBy } from "@/components/ui/field";
import { DATE_PARTS, datePartsOf, partsForError, type DatePart, type DateValue } from "@/lib/validation/date-input";

const PART_LABELS: Record<DatePart, string> = { day: "Day", month: "Month", year: "Year" };
const PART_WIDTHS: Record<DatePart, string> = { day: "w-14", month: "w-14", year: "w-20" };

/**
 * The GOV.UK date input: day, month and year boxes in a fieldset. The first
 * wrong box (or the day) carries the id `field-<name>` that the error summary
 * links to. `value` is what was typed (the boxes), or a stored day (YYYY-MM-DD).
 */
export function DateInput({
  name,
  legend,
  hint = "For example, 27 3 2027",
  error,
  value,
}: {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  value?: DateValue | null;
}) {
  const id = `field-${name}`;
  const parts = datePartsOf(value);
  const wrong = partsForError(value, error);
  const target = wrong[0] ?? "day";
  const partId = (part: DatePart) => (part === target ? id : `${id}-${part}`);
  return (
    <div className={`mb-5 ${error ? "border-l-4 border-danger pl-3" : ""}`}>
      <fieldset role="group" aria-describedby={describedBy(id, hint, error)}>
        <legend className="font-semibold">{legend}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        <div className="mt-1 flex flex-wrap gap-4">
          {DATE_PARTS.map((part) => (
            <div key={part}>
              <label htmlFor={partId(part)} className="block">
                {PART_LABELS[part]}
              </label>
              <input
                id={partId(part)}
                name={`${name}-${part}`}
                inputMode="numeric"
                autoComplete="off"
                spellCheck={false}
                defaultValue={parts[part]}
                aria-invalid={wrong.includes(part) ? true : undefined}
                className={`mt-1 block ${PART_WIDTHS[part]} border-2 border-ink bg-white px-2 py-1.5 text-base aria-[invalid=true]:border-danger`}
              />
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** A form's typed boxes for one date, from the values it sent back, or else the stored day. */
export function dateValueFrom(values: Record<string, string>, name: string, fallback?: string | null): DateValue | null | undefined {
  const typed = DATE_PARTS.some((part) => `${name}-${part}` in values);
  if (!typed) return fallback;
  return { day: values[`${name}-day`] ?? "", month: values[`${name}-month`] ?? "", year: values[`${name}-year`] ?? "" };
}
