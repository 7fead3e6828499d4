"use client";

import { useActionState } from "react";
import { ActionForm, errorsOf, formErrorOf, useAnswerCount, valuesOf, type FormAnswer } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { IDLE, type FormState } from "@/lib/validation/form-state";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

const NATIONS = [
  ["ENGLAND", "England"],
  ["SCOTLAND", "Scotland"],
  ["WALES", "Wales"],
  ["NORTHERN_IRELAND", "Northern Ireland"],
] as const;

export function AddRegionForm({ action }: { action: Action }) {
  return (
    <ActionForm action={action} fields={["name", "code", "nation"]} submit="Add the region" pendingText="Adding…" className="max-w-2xl">
      {(answer) => <AddRegionFields {...answer} />}
    </ActionForm>
  );
}

function AddRegionFields({ errors, values: sent }: FormAnswer) {
  return (
    <>
      <TextField name="name" label="Name" autoComplete="off" defaultValue={sent.name ?? ""} error={errors.name} />
      <TextField
        name="code"
        label="Short code"
        hint="2 to 6 letters and digits, like WES."
        autoComplete="off"
        className="mt-1 block w-32 border-2 border-ink bg-white px-2 py-1.5 text-base uppercase aria-[invalid=true]:border-danger"
        defaultValue={sent.code ?? ""}
        error={errors.code}
      />
      <SelectField name="nation" label="Nation" defaultValue={sent.nation ?? ""} error={errors.nation}>
        <option value="">Choose a nation</option>
        {NATIONS.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
    </>
  );
}

/** Renaming one region: its own small form, so a refusal stays by the region it is about. */
export function RenameRegionForm({ action, region }: { action: Action; region: { id: string; name: string } }) {
  const [state, formAction] = useActionState(action, IDLE);
  const key = useAnswerCount(state);
  const errors = errorsOf(state);
  const sent = valuesOf(state);
  const id = `rename-${region.id}`;
  const error = errors.name ?? formErrorOf(state) ?? errors.deaneryId;
  return (
    <form action={formAction} noValidate key={key} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="deaneryId" value={region.id} />
      <div>
        <label htmlFor={id} className="sr-only">
          New name for {region.name}
        </label>
        <input
          id={id}
          name="name"
          defaultValue={sent.name ?? region.name}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="block w-full max-w-xs border-2 border-ink bg-white px-2 py-1 aria-[invalid=true]:border-danger"
        />
        {error ? (
          <p id={`${id}-error`} role="alert" className="font-semibold text-danger">
            {error}
          </p>
        ) : null}
      </div>
      <SubmitButton variant="secondary" aria-label={`Rename ${region.name}`} pendingText="Renaming…">
        Rename
      </SubmitButton>
      {state.status === "saved" ? (
        <p role="status" className="w-full font-semibold">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
