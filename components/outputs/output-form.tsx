"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { DateInput, dateValueFrom } from "@/components/ui/date-input";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SelectField, summaryItems, TextField } from "@/components/ui/field";
import { errorsOf, formErrorOf, SavedNotice, useAnswerCount } from "@/components/ui/form";
import { Radios } from "@/components/ui/radios";
import { IDLE, type FormState } from "@/lib/validation/form-state";
import { OUTPUT_FIELDS, OUTPUT_KIND_LABELS } from "@/lib/validation/outputs";

type LookedUpState = { status: "lookedUp"; message: string; found: boolean; values: Record<string, string> };
type State = FormState<Record<never, never>, LookedUpState>;
type Action = (previous: State, formData: FormData) => Promise<State>;

export interface OutputValues {
  kind: string;
  title: string;
  venue: string;
  /** YYYY-MM-DD, or "" for a new output. */
  date: string;
  doi: string;
  pmid: string;
  authorListId: string;
}

export const EMPTY_OUTPUT: OutputValues = { kind: "", title: "", venue: "", date: "", doi: "", pmid: "", authorListId: "" };

const KIND_OPTIONS = Object.entries(OUTPUT_KIND_LABELS) as [string, string][];

/**
 * Records an output, or changes one (`outputId`). "Look up" asks for the DOI's or PubMed ID's
 * details and fills in the title, venue and date; where that is not possible the form says so
 * and everything is typed by hand. Works before JavaScript loads: both buttons post the form.
 */
export function OutputForm({
  action,
  projectId,
  outputId,
  saved = EMPTY_OUTPUT,
  authorLists,
  submit,
}: {
  action: Action;
  projectId: string;
  outputId?: string;
  saved?: OutputValues;
  /** The project's frozen author lists, as "Version 2, frozen 3 March 2027". */
  authorLists: { id: string; label: string }[];
  submit: string;
}) {
  const [state, formAction] = useActionState(action, IDLE as State);
  const key = useAnswerCount(state);
  const errors = errorsOf(state as FormState);
  // What to draw the fields from: what was sent (an error or a lookup), else what is stored (a new output: empty).
  const sent = state.status === "error" || state.status === "lookedUp" ? state.values : null;
  const value = (name: keyof OutputValues) => (sent ? (sent[name] ?? "") : saved[name]);
  const formError = formErrorOf(state as FormState) ?? errors.projectId ?? errors.outputId;
  return (
    <form action={formAction} noValidate key={key}>
      {/* Enter in a field saves: the first submit button of a form is the one Enter presses. */}
      <button type="submit" name="intent" value="save" hidden tabIndex={-1} aria-hidden="true">
        {submit}
      </button>
      <SavedNotice state={state as FormState} />
      {state.status === "lookedUp" ? (
        <p role="status" className={`mb-4 border-l-8 bg-white p-3 font-semibold ${state.found ? "border-ok" : "border-brand"}`}>
          {state.message}
        </p>
      ) : null}
      <ErrorSummary errors={summaryItems(errors, OUTPUT_FIELDS)} formError={formError} />
      <input type="hidden" name="projectId" value={projectId} />
      {outputId ? <input type="hidden" name="outputId" value={outputId} /> : null}
      <Radios name="kind" legend="What kind of output is it?" options={KIND_OPTIONS} value={value("kind")} error={errors.kind} />
      <TextField
        name="doi"
        label="DOI (optional)"
        hint="As printed on the article or its web page, like 10.1016/j.crad.2025.01.002. A doi.org link works too."
        autoComplete="off"
        spellCheck={false}
        defaultValue={value("doi")}
        error={errors.doi}
      />
      <TextField
        name="pmid"
        label="PubMed ID (optional)"
        hint="The PMID, digits only, like 38012345. A paper needs a DOI or a PubMed ID."
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        className="mt-1 block w-40 border-2 border-ink bg-white px-2 py-1.5 text-base aria-[invalid=true]:border-danger"
        defaultValue={value("pmid")}
        error={errors.pmid}
      />
      <div className="mb-6">
        <SubmitButton name="intent" value="lookup" variant="secondary" formNoValidate pendingText="Looking up…">
          Look up the DOI or PubMed ID
        </SubmitButton>
        <p className="mt-1 text-sm text-muted">Fills in the title, venue and date where the lookup service answers. You can always type them yourself.</p>
      </div>
      <TextField name="title" label="Title" autoComplete="off" defaultValue={value("title")} error={errors.title} />
      <TextField
        name="venue"
        label="Journal, conference or publisher"
        hint="Where it was published or presented, like Clinical Radiology or UK Imaging and Oncology Congress."
        autoComplete="off"
        defaultValue={value("venue")}
        error={errors.venue}
      />
      <DateInput
        name="date"
        legend="Date of publication or presentation"
        hint="For a paper or report, the day it was published. For an abstract, poster or talk, the day of the meeting (it may be up to 2 years ahead). For example, 14 3 2027."
        value={sent ? dateValueFrom(sent, "date", null) : saved.date || null}
        error={errors.date}
      />
      <SelectField
        name="authorListId"
        label="Author list used (optional)"
        hint={authorLists.length === 0 ? "The project has no frozen author list yet." : "The frozen version of the project's author list this output was published with."}
        defaultValue={value("authorListId")}
        error={errors.authorListId}
      >
        <option value="">None</option>
        {authorLists.map((list) => (
          <option key={list.id} value={list.id}>
            {list.label}
          </option>
        ))}
      </SelectField>
      <SubmitButton name="intent" value="save" pendingText="Saving…">
        {submit}
      </SubmitButton>
    </form>
  );
}
