"use client";

import { decideAmendmentAction } from "@/app/client-actions";
import { TextAreaField } from "@/components/ui/field";
import { ActionForm } from "@/components/ui/form";
import { Radios } from "@/components/ui/radios";

const DECISIONS = [
  ["APPROVE", "Approve the amendment"],
  ["REJECT", "Do not approve it"],
] as const;

/** One committee member, or the chair, decides on an amendment, with a message to the leads. */
export function AmendmentDecisionForm({ amendmentId }: { amendmentId: string }) {
  return (
    <ActionForm action={decideAmendmentAction} fields={["decision", "message"]} submit="Record the decision" pendingText="Recording…">
      {({ errors, values }) => (
        <>
          <input type="hidden" name="amendmentId" value={amendmentId} />
          <Radios name="decision" legend="Your decision" options={DECISIONS} value={values.decision} error={errors.decision} />
          <TextAreaField
            name="message"
            label="Message to the leads"
            hint="Sent to every lead of the project with the decision. Needed when you do not approve it."
            defaultValue={values.message}
            error={errors.message}
          />
        </>
      )}
    </ActionForm>
  );
}
