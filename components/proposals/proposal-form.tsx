"use client";

import { useActionState, useState } from "react";
import { saveProposalAction } from "@/app/client-actions";
import { SubmitButton } from "@/components/ui/button";
import { DateInput } from "@/components/ui/date-input";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SelectField, TextAreaField, TextField, summaryItems } from "@/components/ui/field";
import { formatDate } from "@/lib/format/dates";
import { IDLE } from "@/lib/validation/form-state";
import type { ProposalFormState } from "@/lib/validation/proposal-form-state";
import {
  countWords,
  DESIGN_LABELS,
  GOVERNANCE_LABELS,
  LAY_SUMMARY_MAX_WORDS,
  MODALITY_LABELS,
  PROPOSAL_FIELD_ORDER,
  SUBSPECIALTY_LABELS,
} from "@/lib/validation/constants";
import type { ProposalFormInput } from "@/lib/validation/proposals";
import { CheckBoxes } from "./check-boxes";

interface ProposalFormProps {
  projectId: string | null;
  version: number | null;
  initial: ProposalFormInput;
  coLeads: { id: string; name: string }[];
  /** Co-lead invitations waiting for an answer: not co-leads yet. */
  invitedCoLeads?: { id: string; label: string }[];
  submitLabel: string;
  /** Text typed at the last save that could not be stored as typed, with why: shown again until corrected. */
  unsaved?: Record<string, { value: string; message: string; choices?: { id: string; label: string }[] }>;
  /** What the last action did (from the page's address), shown until the form answers again. */
  outcome?: string;
  /** The calls for proposals open now, and the one the proposal is in (which may have closed). */
  calls?: { id: string; title: string; closesOn: Date }[];
  callId?: string | null;
}

export function ProposalForm(props: ProposalFormProps) {
  const [state, action] = useActionState(saveProposalAction, IDLE);
  // Each answer from the server remounts the fields with what was sent, so
  // React's reset of the form after an action cannot blank them.
  const [answered, setAnswered] = useState({ state, count: 0 });
  if (answered.state !== state) setAnswered({ state, count: answered.count + 1 });
  return (
    <form action={action} noValidate>
      <ProposalFields key={answered.count} state={state} {...props} />
    </form>
  );
}

function LaySummary({ defaultValue, error }: { defaultValue: string; error?: string }) {
  const [words, setWords] = useState(() => countWords(defaultValue));
  const over = words > LAY_SUMMARY_MAX_WORDS;
  return (
    <>
      <TextAreaField
        name="summary"
        label="Lay summary"
        hint={`What the project is about, in plain English for someone outside medicine. Up to ${LAY_SUMMARY_MAX_WORDS} words.`}
        rows={6}
        defaultValue={defaultValue}
        error={error}
        extraDescribedBy="summary-word-count"
        onChange={(event) => setWords(countWords(event.target.value))}
      />
      <p id="summary-word-count" aria-live="polite" className={`-mt-4 mb-5 text-sm ${over ? "font-semibold text-danger" : "text-muted"}`}>
        {over
          ? `You have ${words - LAY_SUMMARY_MAX_WORDS} ${words - LAY_SUMMARY_MAX_WORDS === 1 ? "word" : "words"} too many (${words} of ${LAY_SUMMARY_MAX_WORDS})`
          : `${words} of ${LAY_SUMMARY_MAX_WORDS} words`}
      </p>
    </>
  );
}

/** The members a name matched, as radio buttons: choosing one and saving adds that member. */
function CoLeadChoices({ choices }: { choices: { id: string; label: string }[] }) {
  return (
    <fieldset className="-mt-3 mb-5 border-l-4 border-line pl-3" aria-describedby="field-addCoLead-error">
      <legend className="font-semibold">Which member do you mean?</legend>
      {choices.map((choice) => (
        <div key={choice.id} className="mt-1 flex items-center gap-2">
          <input type="radio" id={`co-lead-choice-${choice.id}`} name="addCoLeadId" value={choice.id} className="size-5" />
          <label htmlFor={`co-lead-choice-${choice.id}`}>{choice.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

function ProposalFields({
  state,
  projectId,
  version,
  initial,
  coLeads: loadedCoLeads,
  invitedCoLeads: loadedInvitations = [],
  submitLabel,
  unsaved = {},
  outcome,
  calls = [],
  callId = null,
}: ProposalFormProps & { state: ProposalFormState }) {
  const answer = state.status === "error" ? state : null;
  // After a save that stays on the page, the co-leads and invitations are those saved (one may have been invited).
  const coLeads = answer?.coLeads ?? loadedCoLeads;
  const invitedCoLeads = answer?.invitedCoLeads ?? loadedInvitations;
  const coLeadChoices = answer ? answer.coLeadChoices : unsaved.addCoLead?.choices;
  const unsavedValues = Object.fromEntries(Object.entries(unsaved).map(([name, field]) => [name, field.value]));
  const errors = answer?.fieldErrors ?? Object.fromEntries(Object.entries(unsaved).map(([name, field]) => [name, field.message]));
  const values = answer?.values ?? {
    ...initial,
    addCoLead: "",
    keepCoLeadIds: coLeads.map((lead) => lead.id),
    keepInvitationIds: invitedCoLeads.map((invitation) => invitation.id),
    callId: callId ?? "",
    ...unsavedValues,
  };
  const notice = answer
    ? answer.notice
    : Object.keys(unsaved).length > 0
      ? "Some of what you typed last time could not be saved as it was. It is shown below, marked, so that you can correct it."
      : outcome;
  const hasProblems = Boolean(answer?.formError) || Object.values(errors).some(Boolean);
  const currentId = answer ? answer.projectId : projectId;
  const currentVersion = answer ? answer.version : version;
  return (
    <>
      {/* One outcome at a time: with problems, what was saved is said inside the error summary. */}
      {notice && !hasProblems ? (
        <div role="status" className={`mb-4 border-l-8 bg-white p-4 ${answer ? "border-brand" : "border-ok"}`}>
          {notice}
        </div>
      ) : null}
      <ErrorSummary errors={summaryItems(errors, ["callId", ...PROPOSAL_FIELD_ORDER])} formError={answer?.formError} description={hasProblems ? notice : undefined} />
      <input type="hidden" name="projectId" value={currentId ?? ""} />
      <input type="hidden" name="version" value={currentVersion ?? ""} />

      {calls.length > 0 ? (
        <SelectField
          name="callId"
          label="Submit in a call (optional)"
          hint="A call for proposals is reviewed together once it closes. A proposal cannot be submitted in a call after its closing date."
          defaultValue={values.callId ?? ""}
          error={errors.callId}
        >
          <option value="">Not in a call</option>
          {calls.map((call) => (
            <option key={call.id} value={call.id}>
              {call.title} (closes {formatDate(call.closesOn)})
            </option>
          ))}
        </SelectField>
      ) : null}

      <fieldset className="mb-6">
        <legend className="mb-4 text-2xl font-bold">The question</legend>
        <TextField name="title" label="Title" defaultValue={values.title} error={errors.title} />
        <LaySummary defaultValue={values.summary} error={errors.summary} />
        <TextAreaField name="background" label="Background" hint="Why this matters and what is known already." defaultValue={values.background} error={errors.background} />
        <TextAreaField name="aims" label="Aims" rows={3} defaultValue={values.aims} error={errors.aims} />
        <TextAreaField name="primaryOutcome" label="Primary outcome" rows={2} hint="The one measure the project will report first." defaultValue={values.primaryOutcome} error={errors.primaryOutcome} />
        <TextAreaField name="methods" label="Methods" hint="How cases are found, the standard audited against, and how data are collected." defaultValue={values.methods} error={errors.methods} />
      </fieldset>

      <fieldset className="mb-6">
        <legend className="mb-4 text-2xl font-bold">Design and data</legend>
        <SelectField name="design" label="Study design" defaultValue={values.design} error={errors.design}>
          <option value="">Select the study design</option>
          {Object.entries(DESIGN_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <CheckBoxes name="modalities" legend="Modalities" hint="Select all that apply." options={MODALITY_LABELS} checked={values.modalities} error={errors.modalities} />
        <CheckBoxes name="subspecialties" legend="Subspecialties (optional)" options={SUBSPECIALTY_LABELS} checked={values.subspecialties} error={errors.subspecialties} />
        <TextAreaField name="dataItems" label="Data items to be collected" hint="One item per line. No patient-identifiable data." defaultValue={values.dataItems} error={errors.dataItems} />
        <SelectField name="governanceRoute" label="Governance route" defaultValue={values.governanceRoute} error={errors.governanceRoute}>
          <option value="">Select the governance route</option>
          {Object.entries(GOVERNANCE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
      </fieldset>

      <fieldset className="mb-6">
        <legend className="mb-4 text-2xl font-bold">Scale and timing</legend>
        <DateInput name="collectionStart" legend="Data collection starts" value={values.collectionStart} error={errors.collectionStart} />
        <DateInput name="collectionEnd" legend="Data collection ends" value={values.collectionEnd} error={errors.collectionEnd} />
        <TextField name="targetSites" label="Target number of sites" inputMode="numeric" defaultValue={values.targetSites} error={errors.targetSites} />
        <TextField name="targetCasesPerSite" label="Target cases per site" inputMode="numeric" defaultValue={values.targetCasesPerSite} error={errors.targetCasesPerSite} />
      </fieldset>

      <fieldset className="mb-6">
        <legend className="mb-4 text-2xl font-bold">People</legend>
        {coLeads.length > 0 ? (
          <fieldset className="mb-5">
            <legend className="font-semibold">Co-leads</legend>
            <p className="text-sm text-muted">Untick a co-lead to remove them when you save.</p>
            {coLeads.map((lead) => (
              <div key={lead.id} className="mt-1 flex items-center gap-2">
                <input
                  type="checkbox"
                  id={`co-lead-${lead.id}`}
                  name="keepCoLeadIds"
                  value={lead.id}
                  defaultChecked={values.keepCoLeadIds.includes(lead.id)}
                  className="size-5"
                />
                <label htmlFor={`co-lead-${lead.id}`}>{lead.name}</label>
              </div>
            ))}
          </fieldset>
        ) : null}
        {invitedCoLeads.length > 0 ? (
          <fieldset className="mb-5">
            <legend className="font-semibold">Invited as co-leads, waiting for an answer</legend>
            <p className="text-sm text-muted">They become co-leads when they accept. Untick an invitation to withdraw it when you save.</p>
            {invitedCoLeads.map((invitation) => (
              <div key={invitation.id} className="mt-1 flex items-center gap-2">
                <input
                  type="checkbox"
                  id={`invited-${invitation.id}`}
                  name="keepInvitationIds"
                  value={invitation.id}
                  defaultChecked={values.keepInvitationIds.includes(invitation.id)}
                  className="size-5"
                />
                <label htmlFor={`invited-${invitation.id}`} className="break-code">
                  {invitation.label}
                </label>
              </div>
            ))}
          </fieldset>
        ) : null}
        <TextField
          name="addCoLead"
          label="Invite a co-lead (optional)"
          hint="Type a member's name, or anyone's e-mail address. They are sent an invitation when you save, and become a co-lead when they accept it."
          autoComplete="off"
          defaultValue={values.addCoLead}
          error={errors.addCoLead}
        />
        {coLeadChoices ? <CoLeadChoices choices={coLeadChoices} /> : null}
        <TextField name="supervisorName" label="Supervising consultant" autoComplete="off" defaultValue={values.supervisorName} error={errors.supervisorName} />
        <TextField
          name="supervisorEmail"
          type="email"
          label="Supervising consultant's e-mail address"
          autoComplete="off"
          spellCheck={false}
          defaultValue={values.supervisorEmail}
          error={errors.supervisorEmail}
        />
      </fieldset>

      <div className="flex flex-wrap gap-4">
        <SubmitButton name="intent" value="save" variant="secondary" pendingText="Saving…">
          Save draft
        </SubmitButton>
        <SubmitButton name="intent" value="submit" pendingText="Submitting…">
          {submitLabel}
        </SubmitButton>
      </div>
    </>
  );
}
