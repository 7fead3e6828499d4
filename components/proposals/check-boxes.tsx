import { ChoiceGroup } from "@/components/ui/choice-group";

/** A group of tick boxes under one question, in two columns on wider screens. */
export function CheckBoxes({
  options,
  checked,
  ...question
}: {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  options: Record<string, string>;
  checked: readonly string[];
}) {
  return (
    <ChoiceGroup
      type="checkbox"
      options={Object.entries(options)}
      isChosen={(value) => checked.includes(value)}
      layout="grid max-w-2xl grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-2"
      {...question}
    />
  );
}
