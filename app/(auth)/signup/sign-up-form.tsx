"use client";

import { useActionState, useState } from "react";
import { TrainingFields } from "@/components/trainees/training-fields";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextField, summaryItems } from "@/components/ui/field";
import type { RegionOption } from "@/lib/reference/places";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/constants";
import { NEW_HOSPITAL_FIELD_NAMES } from "@/lib/validation/hospital-requests";
import { IDLE, type FormState } from "@/lib/validation/form-state";
import { signUpAction } from "@/app/client-actions";

const FIELD_ORDER = ["name", "email", "password", "grade", "deaneryId", "homeSiteId", ...NEW_HOSPITAL_FIELD_NAMES, "gmcNumber"];

/** What a link into the form brings: an address to fill in, and the invitation it came from. */
export interface SignUpPrefill {
  email: string;
  invitation: { id: string; proof: string } | null;
  /** Where to go once the account is signed in (checked again by the action). */
  returnTo: string;
}

export function SignUpForm({ regions, prefill }: { regions: RegionOption[]; prefill: SignUpPrefill }) {
  const [state, action] = useActionState(signUpAction, IDLE);
  // Each answer from the server remounts the fields with what was sent, so
  // React's reset of the form after an action cannot blank them.
  const [answered, setAnswered] = useState({ state, count: 0 });
  if (answered.state !== state) setAnswered({ state, count: answered.count + 1 });
  return (
    <form action={action} noValidate>
      <SignUpFields key={answered.count} state={state} regions={regions} prefill={prefill} />
    </form>
  );
}

function SignUpFields({ state, regions, prefill }: { state: FormState; regions: RegionOption[]; prefill: SignUpPrefill }) {
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : {};

  return (
    <>
      <ErrorSummary
        errors={summaryItems(errors, FIELD_ORDER)}
        formError={state.status === "error" ? state.formError : undefined}
      />
      <input type="hidden" name="callbackUrl" value={prefill.returnTo} />
      {prefill.invitation ? (
        <>
          <input type="hidden" name="invitation" value={prefill.invitation.id} />
          <input type="hidden" name="invitationProof" value={prefill.invitation.proof} />
        </>
      ) : null}
      <fieldset className="mb-6">
        <legend className="mb-4 text-2xl font-bold">Your account</legend>
        <TextField name="name" label="Full name" autoComplete="name" defaultValue={values.name} error={errors.name} />
        <TextField
          name="email"
          label="E-mail address"
          type="email"
          autoComplete="email"
          spellCheck={false}
          hint="Use an address you will keep when you change hospital, such as your personal or NHS.net address."
          defaultValue={values.email ?? prefill.email}
          error={errors.email}
        />
        <TextField
          name="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few words together make a strong password.`}
          error={errors.password}
        />
      </fieldset>
      <fieldset className="mb-6">
        <legend className="mb-4 text-2xl font-bold">Your training</legend>
        <TrainingFields regions={regions} values={values} errors={errors} />
      </fieldset>
      <SubmitButton pendingText="Creating your account…">Create account</SubmitButton>
    </>
  );
}
