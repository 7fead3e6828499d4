"use client";

import { useActionState } from "react";
import { useAnswerCount } from "@/components/ui/form";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { SelectField, TextAreaField, TextField, summaryItems } from "@/components/ui/field";
import type { HospitalRequestForDecision } from "@/lib/reference/hospital-requests";
import { IDLE, type FormState } from "@/lib/validation/form-state";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

const errorsOf = (state: FormState) => (state.status === "error" ? state.fieldErrors : {});
const valuesOf = (state: FormState): Record<string, string> => (state.status === "error" ? state.values : {});
const formErrorOf = (state: FormState) => (state.status === "error" ? state.formError : undefined);

/** The three decisions on a request: approve (corrected), merge into a hospital on the list, decline with a reason. */
export function HospitalRequestDecisions({
  request,
  approveAction,
  mergeAction,
  declineAction,
}: {
  request: HospitalRequestForDecision;
  approveAction: Action;
  mergeAction: Action;
  declineAction: Action;
}) {
  return (
    <>
      <ApproveForm request={request} action={approveAction} />
      <MergeForm request={request} action={mergeAction} />
      <DeclineForm request={request} action={declineAction} />
    </>
  );
}

function ApproveForm({ request, action }: { request: HospitalRequestForDecision; action: Action }) {
  const [state, formAction] = useActionState(action, IDLE);
  const count = useAnswerCount(state);
  const errors = errorsOf(state);
  const values = valuesOf(state);
  return (
    <section aria-labelledby="approve-title" className="mt-8">
      <h2 id="approve-title" className="text-2xl font-bold">
        Approve it
      </h2>
      <p className="mb-4">Correct what the member typed if need be. The hospital goes on the list, offered to everyone.</p>
      <form action={formAction} noValidate key={count}>
        <ErrorSummary errors={summaryItems(errors, ["name", "trust", "odsCode", "city", "deaneryId"])} formError={formErrorOf(state)} titleId="approve-problem" />
        <input type="hidden" name="requestId" value={request.id} />
        <TextField name="name" label="Name of the hospital" defaultValue={values.name ?? request.name} error={errors.name} />
        <TextField name="trust" label="NHS trust or health board" defaultValue={values.trust ?? request.trust} error={errors.trust} />
        <TextField
          name="odsCode"
          label="Organisation code"
          hint="The hospital's ODS code: 3 to 6 letters and digits, like RGT01."
          autoComplete="off"
          spellCheck={false}
          defaultValue={values.odsCode ?? request.suggestedCode ?? ""}
          error={errors.odsCode}
        />
        <TextField name="city" label="Town or city" defaultValue={values.city ?? request.city} error={errors.city} />
        <SelectField name="deaneryId" label="Training region" defaultValue={values.deaneryId ?? request.deaneryId} error={errors.deaneryId}>
          {request.regions.map((region) => (
            <option key={region.id} value={region.id}>
              {region.name}
            </option>
          ))}
        </SelectField>
        <SubmitButton pendingText="Approving…">Approve and add to the list</SubmitButton>
      </form>
    </section>
  );
}

function MergeForm({ request, action }: { request: HospitalRequestForDecision; action: Action }) {
  const [state, formAction] = useActionState(action, IDLE);
  const count = useAnswerCount(state);
  const errors = errorsOf(state);
  const values = valuesOf(state);
  return (
    <section aria-labelledby="merge-title" className="mt-10">
      <h2 id="merge-title" className="text-2xl font-bold">
        It is on the list already
      </h2>
      <p className="mb-4">Merge it into the hospital on the list it is: the member&apos;s profile moves there, and this entry is retired.</p>
      <form action={formAction} noValidate key={count}>
        <ErrorSummary errors={summaryItems(errors, ["intoSiteId", "note"])} formError={formErrorOf(state)} titleId="merge-problem" />
        <input type="hidden" name="requestId" value={request.id} />
        <SelectField name="intoSiteId" label="The hospital on the list" defaultValue={values.intoSiteId ?? ""} error={errors.intoSiteId}>
          <option value="">Select a hospital</option>
          {request.mergeTargets.map((group) => (
            <optgroup key={group.region} label={group.region}>
              {group.sites.map((site) => (
                <option key={site.id} value={site.id}>
                  {site.name}, {site.city}
                </option>
              ))}
            </optgroup>
          ))}
        </SelectField>
        <TextAreaField name="note" label="A note to the member (optional)" rows={3} defaultValue={values.note} error={errors.note} />
        <SubmitButton pendingText="Merging…">Merge into this hospital</SubmitButton>
      </form>
    </section>
  );
}

function DeclineForm({ request, action }: { request: HospitalRequestForDecision; action: Action }) {
  const [state, formAction] = useActionState(action, IDLE);
  const count = useAnswerCount(state);
  const errors = errorsOf(state);
  const values = valuesOf(state);
  return (
    <section aria-labelledby="decline-title" className="mt-10">
      <h2 id="decline-title" className="text-2xl font-bold">
        Decline it
      </h2>
      <p className="mb-4">
        The member is told your reason. The entry is retired; it stays on their profile until they choose a hospital from the list.
      </p>
      <form action={formAction} noValidate key={count}>
        <ErrorSummary errors={summaryItems(errors, ["reason"])} formError={formErrorOf(state)} titleId="decline-problem" />
        <input type="hidden" name="requestId" value={request.id} />
        <TextAreaField
          name="reason"
          label="Why it is declined"
          hint="Said to the member, for example that it is not a hospital with radiology trainees."
          rows={3}
          defaultValue={values.reason}
          error={errors.reason}
        />
        <SubmitButton variant="secondary" pendingText="Declining…">
          Decline the request
        </SubmitButton>
      </form>
    </section>
  );
}
