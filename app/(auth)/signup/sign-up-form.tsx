"use client";

import { useActionState, useState } from "react";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SelectField, TextField, summaryItems } from "@/components/ui/field";
import type { RegionOption } from "@/lib/reference/places";
import { GRADE_LABELS, PASSWORD_MIN_LENGTH } from "@/lib/validation/constants";
import { IDLE, type FormState } from "@/lib/validation/form-state";
import { signUpAction } from "./actions";

const FIELD_ORDER = ["name", "email", "password", "grade", "deaneryId", "homeSiteId", "gmcNumber"];

export function SignUpForm({ regions }: { regions: RegionOption[] }) {
  const [state, action] = useActionState(signUpAction, IDLE);
  // Each answer from the server remounts the fields with what was sent, so
  // React's reset of the form after an action cannot blank them.
  const [answered, setAnswered] = useState({ state, count: 0 });
  if (answered.state !== state) setAnswered({ state, count: answered.count + 1 });
  return (
    <form action={action} noValidate>
      <SignUpFields key={answered.count} state={state} regions={regions} />
    </form>
  );
}

function SignUpFields({ state, regions }: { state: FormState; regions: RegionOption[] }) {
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : {};
  const [regionId, setRegionId] = useState(values.deaneryId ?? "");
  const sitesShown = regionId ? regions.filter((region) => region.id === regionId) : regions;

  return (
    <>
      <ErrorSummary
        errors={summaryItems(errors, FIELD_ORDER)}
        formError={state.status === "error" ? state.formError : undefined}
      />
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
          defaultValue={values.email}
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
        <SelectField name="grade" label="Grade" defaultValue={values.grade ?? ""} error={errors.grade}>
          <option value="">Select your grade</option>
          {Object.entries(GRADE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="deaneryId"
          label="Training region"
          defaultValue={values.deaneryId ?? ""}
          onChange={(event) => setRegionId(event.target.value)}
          error={errors.deaneryId}
        >
          <option value="">Select your training region</option>
          {regions.map((region) => (
            <option key={region.id} value={region.id}>
              {region.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          name="homeSiteId"
          label="Home hospital"
          hint="The hospital where you work now. Choosing your region first shortens the list."
          defaultValue={values.homeSiteId ?? ""}
          key={regionId}
          error={errors.homeSiteId}
        >
          <option value="">Select your home hospital</option>
          {sitesShown.map((region) => (
            <optgroup key={region.id} label={region.name}>
              {region.sites.map((site) => (
                <option key={site.id} value={site.id}>
                  {site.name}, {site.city}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        <TextField
          name="gmcNumber"
          label="GMC number (optional)"
          hint="7 digits. It appears on your certificates of participation."
          inputMode="numeric"
          autoComplete="off"
          defaultValue={values.gmcNumber}
          error={errors.gmcNumber}
        />
      </fieldset>
      <SubmitButton pendingText="Creating your account…">Create account</SubmitButton>
    </>
  );
}
