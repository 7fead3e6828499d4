"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { memberAction } from "@/lib/form-action";
import { changeOutput, lookUpOutput, recordOutput, removeOutput } from "@/lib/outputs/outputs";
import { formValues, type FormState } from "@/lib/validation/form-state";
import { changeOutputSchema, lookupOutputSchema, OUTPUT_KIND_LABELS, recordOutputSchema, removeOutputSchema } from "@/lib/validation/outputs";

/** The form's own further answer: what "Look up" found (or why nothing), with the form's fields filled in. */
export type LookedUpState = { status: "lookedUp"; message: string; found: boolean; values: Record<string, string> };
export type OutputFormState = FormState<Record<never, never>, LookedUpState>;

const refresh = () => {
  revalidatePath("/dashboard", "layout");
  revalidatePath("/projects", "layout");
  revalidatePath("/outputs");
};

/** The details found, as the form's fields: the date as its three boxes. */
function filledIn(formData: FormData, found: { title?: string; venue?: string; date?: string; doi?: string }): Record<string, string> {
  const values = formValues(formData);
  if (found.title) values.title = found.title;
  if (found.venue) values.venue = found.venue;
  if (found.date) {
    const [year, month, day] = found.date.split("-");
    values["date-day"] = String(Number(day));
    values["date-month"] = String(Number(month));
    values["date-year"] = year!;
  }
  if (found.doi && !values.doi?.trim()) values.doi = found.doi;
  return values;
}

async function lookUp(formData: FormData): Promise<OutputFormState> {
  return memberAction<typeof lookupOutputSchema, LookedUpState>(formData, { schema: lookupOutputSchema }, async ({ actor, data }) => {
    const answer = await lookUpOutput(actor, data.projectId, data);
    if (answer.found === null) return { status: "lookedUp", found: false, message: answer.message, values: formValues(formData) };
    const parts = [answer.found.title ? "title" : null, answer.found.venue ? "venue" : null, answer.found.date ? "date" : null].filter(Boolean);
    const filled = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
    return {
      status: "lookedUp",
      found: true,
      message: `Found in ${answer.source}: the ${filled} ${parts.length === 1 ? "is" : "are"} filled in below. Check ${parts.length === 1 ? "it" : "them"}, then save.`,
      values: filledIn(formData, answer.found),
    };
  });
}

/** The outputs form: "Look up" fills it in; "Save" records a new output or changes the one it was opened for. */
export async function outputFormAction(_previous: OutputFormState, formData: FormData): Promise<OutputFormState> {
  if (formData.get("intent") === "lookup") return lookUp(formData);
  if (formData.has("outputId")) {
    return memberAction<typeof changeOutputSchema, LookedUpState>(formData, { schema: changeOutputSchema }, async ({ actor, data }) => {
      const { changed, output } = await changeOutput(actor, data);
      if (!changed) return { status: "saved", message: "Nothing to save: the output already said this." };
      refresh();
      return { status: "saved", message: `The ${OUTPUT_KIND_LABELS[output.kind].toLowerCase()} “${output.title}” has been changed.` };
    });
  }
  return memberAction<typeof recordOutputSchema, LookedUpState>(formData, { schema: recordOutputSchema }, async ({ actor, data }) => {
    const output = await recordOutput(actor, data);
    refresh();
    return { status: "saved", message: `The ${OUTPUT_KIND_LABELS[output.kind].toLowerCase()} “${output.title}” has been recorded. It shows on the project's public page.` };
  });
}

/** Removes an output recorded in error; the page then lists what is left. */
export async function removeOutputAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: removeOutputSchema }, async ({ actor, data }) => {
    const removed = await removeOutput(actor, data.outputId);
    refresh();
    redirect(`/dashboard/projects/${encodeURIComponent(removed.projectSlug)}/outputs?done=removed`);
  });
}
