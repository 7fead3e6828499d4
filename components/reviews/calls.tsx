"use client";

import { DateInput, dateValueFrom } from "@/components/ui/date-input";
import { TextAreaField, TextField } from "@/components/ui/field";
import { ActionForm, type FormAction } from "@/components/ui/form";
import { SelectField } from "@/components/ui/field";
import { formatDate } from "@/lib/format/dates";

/** The chair opens a call for proposals. */
export function NewCallForm({ action }: { action: FormAction }) {
  return (
    <ActionForm action={action} fields={["title", "description", "opensOn", "closesOn"]} submit="Open the call" pendingText="Saving…">
      {({ errors, values }) => (
        <>
          <TextField name="title" label="Title" hint="For example, Spring 2027 call: imaging in the emergency department." defaultValue={values.title} error={errors.title} />
          <TextAreaField name="description" label="Description (optional)" hint="What the call looks for, as leads will read it." rows={4} defaultValue={values.description} error={errors.description} />
          <DateInput name="opensOn" legend="Opens on" error={errors.opensOn} value={dateValueFrom(values, "opensOn")} />
          <DateInput name="closesOn" legend="Closes on" hint="Today or later. Proposals can be submitted in the call until the end of this day." error={errors.closesOn} value={dateValueFrom(values, "closesOn")} />
        </>
      )}
    </ActionForm>
  );
}

/** The chair moves a call's closing date (to extend it, or close it early). */
export function CallClosingForm({ action, calls }: { action: FormAction; calls: { id: string; title: string; closesOn: Date }[] }) {
  return (
    <ActionForm action={action} fields={["callId", "closesOn"]} submit="Change the closing date" pendingText="Saving…">
      {({ errors, values }) => (
        <>
          <SelectField name="callId" label="Call" defaultValue={values.callId ?? ""} error={errors.callId}>
            <option value="">Choose a call</option>
            {calls.map((call) => (
              <option key={call.id} value={call.id}>
                {call.title} (closes {formatDate(call.closesOn)})
              </option>
            ))}
          </SelectField>
          <DateInput name="closesOn" legend="New closing date" hint="Today or later." error={errors.closesOn} value={dateValueFrom(values, "closesOn")} />
        </>
      )}
    </ActionForm>
  );
}
