/** A labelled drop-down of a search form, with an "any" choice first. */
export function FilterSelect({
  id,
  name,
  label,
  defaultValue,
  anyLabel,
  options,
}: {
  id: string;
  name: string;
  label: string;
  defaultValue: string;
  anyLabel: string;
  /** Value → label, in the order shown. */
  options: Record<string, string>;
}) {
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <select id={id} name={name} defaultValue={defaultValue} className="mt-1 block w-full border-2 border-ink bg-white px-2 py-1.5">
        <option value="">{anyLabel}</option>
        {Object.entries(options).map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
