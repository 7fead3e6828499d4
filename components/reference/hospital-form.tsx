"use client";

import { useActionState } from "react";
import { errorsOf, formErrorOf, SavedNotice, useAnswerCount, valuesOf } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SelectField, summaryItems, TextField } from "@/components/ui/field";
import { IDLE, type FormState } from "@/lib/validation/form-state";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

export interface HospitalValues {
  odsCode: string;
  name: string;
  trust: string;
  trustCode: string;
  city: string;
  postcode: string;
  deaneryId: string;
}

const FIELDS = ["odsCode", "name", "trust", "trustCode", "city", "postcode", "deaneryId"];

/** Adding a hospital, or editing one (with its id). What was typed stays after a refusal. */
export function HospitalForm({
  action,
  regions,
  saved,
  siteId,
  submitLabel,
}: {
  action: Action;
  regions: { id: string; name: string }[];
  saved: HospitalValues;
  siteId?: string;
  submitLabel: string;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  const key = useAnswerCount(state);
  const errors = errorsOf(state);
  const sent = valuesOf(state);
  const value = (field: keyof HospitalValues) => sent[field] ?? saved[field];
  return (
    <form action={formAction} noValidate key={key} className="max-w-2xl">
      <SavedNotice state={state} />
      <ErrorSummary errors={summaryItems(errors, FIELDS)} formError={formErrorOf(state) ?? errors.siteId} />
      {siteId ? <input type="hidden" name="siteId" value={siteId} /> : null}
      <TextField
        name="odsCode"
        label="Organisation code"
        hint="The NHS organisation (ODS) code of the hospital: letters and digits, like RJ121 in England, 7A4BV in Wales or G405H in Scotland."
        autoComplete="off"
        spellCheck={false}
        className="mt-1 block w-40 border-2 border-ink bg-white px-2 py-1.5 text-base uppercase aria-[invalid=true]:border-danger"
        defaultValue={value("odsCode")}
        error={errors.odsCode}
      />
      <TextField name="name" label="Name" autoComplete="off" defaultValue={value("name")} error={errors.name} />
      <TextField name="trust" label="Trust or health board" autoComplete="off" defaultValue={value("trust")} error={errors.trust} />
      <TextField
        name="trustCode"
        label="Trust or health board code (optional)"
        hint="Like RJ1 or 7A4. The NHS import uses it to name the trust and to place the trust's new hospitals in this region."
        autoComplete="off"
        spellCheck={false}
        className="mt-1 block w-40 border-2 border-ink bg-white px-2 py-1.5 text-base uppercase aria-[invalid=true]:border-danger"
        defaultValue={value("trustCode")}
        error={errors.trustCode}
      />
      <TextField name="city" label="Town or city" autoComplete="off" defaultValue={value("city")} error={errors.city} />
      <TextField
        name="postcode"
        label="Postcode (optional)"
        autoComplete="off"
        className="mt-1 block w-40 border-2 border-ink bg-white px-2 py-1.5 text-base uppercase aria-[invalid=true]:border-danger"
        defaultValue={value("postcode")}
        error={errors.postcode}
      />
      <SelectField name="deaneryId" label="Training region" defaultValue={value("deaneryId")} error={errors.deaneryId}>
        <option value="">Choose a region</option>
        {regions.map((region) => (
          <option key={region.id} value={region.id}>
            {region.name}
          </option>
        ))}
      </SelectField>
      <SubmitButton pendingText="Saving…">{submitLabel}</SubmitButton>
    </form>
  );
}
