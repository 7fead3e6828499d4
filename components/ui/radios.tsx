import { ChoiceGroup } from "./choice-group";

/** A question answered by one of a few options, laid out in a row. */
export function Radios({
  options,
  value,
  ...question
}: {
  name: string;
  legend: string;
  hint?: string;
  options: readonly (readonly [string, string])[];
  value?: string;
  error?: string;
}) {
  return <ChoiceGroup type="radio" options={options} isChosen={(option) => option === value} layout="flex flex-wrap gap-x-6 gap-y-1" {...question} />;
}
