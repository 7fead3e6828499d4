"use client";

import { useActionState, useState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { ErrorMessage, TextField, questionClass, summaryItems } from "@/components/ui/field";
import { TrainingFields } from "@/components/trainees/training-fields";
import type { PickerRegion } from "@/components/trainees/hospital-picker";
import { NEW_HOSPITAL_FIELD_NAMES } from "@/lib/validation/hospital-requests";
import { MODALITY_LABELS, SUBSPECIALTY_LABELS } from "@/lib/validation/constants";
import { saveProfileAction } from "@/app/client-actions";
import type { FormState } from "@/lib/validation/form-state";

const FIELD_ORDER = ["name", "grade", "deaneryId", "homeSiteId", ...NEW_HOSPITAL_FIELD_NAMES, "gmcNumber", "orcid", "modalities", "subspecialties", "authorSurname", "authorInitials"];

export interface ProfileFormValues {
  name: string;
  grade: string;
  deaneryId: string;
  homeSiteId: string;
  gmcNumber: string;
  orcid: string;
  modalities: string;
  subspecialties: string;
  contactConsent: string;
  authorSurname: string;
  authorInitials: string;
}

export function ProfileForm({ regions, initial }: { regions: PickerRegion[]; initial: ProfileFormValues }) {
  const [state, action] = useActionState<FormState, FormData>(saveProfileAction, { status: "idle" });
  const [answered, setAnswered] = useState({ state, count: 0 });
  if (answered.state !== state) setAnswered({ state, count: answered.count + 1 });
  return (
    <form action={action} noValidate>
      <ProfileFields key={answered.count} state={state} regions={regions} initial={initial} />
    </form>
  );
}

function ProfileFields({ state, regions, initial }: { state: FormState; regions: PickerRegion[]; initial: ProfileFormValues }) {
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values: ProfileFormValues = state.status === "error" ? { ...initial, ...state.values } : initial;
  const modalities = new Set(values.modalities.split(",").filter(Boolean));
  const subspecialties = new Set(values.subspecialties.split(",").filter(Boolean));
  return (
    <>
      {state.status === "saved" ? (
        <div role="status" className="mb-6 border-l-8 border-ok bg-white p-4">
          {state.message}
        </div>
      ) : null}
      <ErrorSummary errors={summaryItems(errors, FIELD_ORDER)} formError={state.status === "error" ? state.formError : undefined} />
      <fieldset className="mb-6">
        <legend className="mb-4 text-2xl font-bold">About you</legend>
        <TextField name="name" label="Full name" autoComplete="name" defaultValue={values.name} error={errors.name} />
        <TrainingFields regions={regions} values={values} errors={errors} />
        <TextField
          name="orcid"
          label="ORCID iD (optional)"
          hint="16 characters in 4 groups, like 0000-0002-1825-0097. Pasting the whole https://orcid.org/ link works too."
          autoComplete="off"
          spellCheck={false}
          defaultValue={values.orcid}
          error={errors.orcid}
        />
      </fieldset>
      <fieldset className="mb-6">
        <legend className="mb-2 text-2xl font-bold">Your interests</legend>
        <CheckboxGroup
          name="modalities"
          legend="Modalities"
          options={MODALITY_LABELS}
          checked={modalities}
          error={errors.modalities}
        />
        <CheckboxGroup
          name="subspecialties"
          legend="Subspecialties"
          options={SUBSPECIALTY_LABELS}
          checked={subspecialties}
          error={errors.subspecialties}
        />
        <div className="mb-5 flex items-start gap-3">
          <input
            id="field-contactConsent"
            name="contactConsent"
            type="checkbox"
            defaultChecked={values.contactConsent === "on" || values.contactConsent === "true"}
            className="mt-1 size-5"
          />
          <label htmlFor="field-contactConsent">E-mail me about new projects that match my interests and hospital</label>
        </div>
      </fieldset>
      <fieldset className="mb-6">
        <legend className="mb-2 text-2xl font-bold">Your name in author lists</legend>
        <p className="mb-4 max-w-2xl">
          Papers from the collaborative list every citable collaborator as &quot;Surname Initials (Hospital)&quot;. Leave these
          empty to use your full name, or correct the spelling here.
        </p>
        <TextField name="authorSurname" label="Surname as published (optional)" defaultValue={values.authorSurname} error={errors.authorSurname} />
        <TextField
          name="authorInitials"
          label="Initials as published (optional)"
          hint="Letters only, like MJ."
          defaultValue={values.authorInitials}
          error={errors.authorInitials}
        />
      </fieldset>
      <SubmitButton pendingText="Saving…">Save profile</SubmitButton>
    </>
  );
}

function CheckboxGroup({
  name,
  legend,
  options,
  checked,
  error,
}: {
  name: string;
  legend: string;
  options: Record<string, string>;
  checked: Set<string>;
  error?: string;
}) {
  return (
    <fieldset id={`field-${name}`} className={questionClass(error)} aria-describedby={error ? `field-${name}-error` : undefined}>
      <legend className="font-semibold">{legend}</legend>
      <ErrorMessage id={`field-${name}`} error={error} />
      <div className="mt-1 grid gap-x-6 gap-y-1 sm:grid-cols-2">
        {Object.entries(options).map(([value, label]) => (
          <div key={value} className="flex items-center gap-2">
            <input id={`${name}-${value}`} type="checkbox" name={name} value={value} defaultChecked={checked.has(value)} className="size-5" />
            <label htmlFor={`${name}-${value}`}>{label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
