"use client";

import { proposeAmendmentAction } from "@/app/client-actions";
import { DateInput, dateValueFrom } from "@/components/ui/date-input";
import { TextAreaField, TextField, shortControlClass } from "@/components/ui/field";
import { ActionForm } from "@/components/ui/form";
import { ChoiceGroup } from "@/components/ui/choice-group";

export const AMENDMENT_FIELDS = [
  "collectionStart",
  "collectionEnd",
  "targetSites",
  "targetCasesPerSite",
  "methods",
  "dataItems",
  "keepCoLeadIds",
  "inviteCoLead",
  "reason",
];

export interface AmendmentFormValues {
  collectionStart: string | null;
  collectionEnd: string | null;
  targetSites: number | null;
  targetCasesPerSite: number | null;
  methods: string;
  dataItems: string;
}

const asText = (value: number | null) => (value === null ? "" : String(value));

/**
 * The lead's amendment: the changeable fields prefilled with the approved values, the co-leads to
 * keep, someone to invite, and why. Nothing changes until the committee approves it.
 */
export function AmendmentForm({
  projectId,
  current,
  coLeads,
}: {
  projectId: string;
  current: AmendmentFormValues;
  coLeads: { id: string; name: string }[];
}) {
  return (
    <ActionForm action={proposeAmendmentAction} fields={AMENDMENT_FIELDS} submit="Send the amendment to the committee" pendingText="Sending…">
      {({ errors, values }) => {
        const typed = Object.keys(values).length > 0;
        const kept = typed ? (values.keepCoLeadIds ?? "").split(",") : coLeads.map((lead) => lead.id);
        return (
          <>
            <input type="hidden" name="projectId" value={projectId} />
            <DateInput name="collectionStart" legend="Data collection starts" error={errors.collectionStart} value={dateValueFrom(values, "collectionStart", current.collectionStart)} />
            <DateInput name="collectionEnd" legend="Data collection ends" error={errors.collectionEnd} value={dateValueFrom(values, "collectionEnd", current.collectionEnd)} />
            <TextField
              name="targetSites"
              label="Target number of sites"
              inputMode="numeric"
              autoComplete="off"
              className={shortControlClass}
              defaultValue={typed ? values.targetSites : asText(current.targetSites)}
              error={errors.targetSites}
            />
            <TextField
              name="targetCasesPerSite"
              label="Target cases per site"
              inputMode="numeric"
              autoComplete="off"
              className="mt-1 block w-32 border-2 border-ink bg-white px-2 py-1.5 text-base aria-[invalid=true]:border-danger"
              defaultValue={typed ? values.targetCasesPerSite : asText(current.targetCasesPerSite)}
              error={errors.targetCasesPerSite}
            />
            <TextAreaField name="methods" label="Methods" rows={8} defaultValue={typed ? values.methods : current.methods} error={errors.methods} />
            <TextAreaField
              name="dataItems"
              label="Data items to be collected"
              rows={6}
              defaultValue={typed ? values.dataItems : current.dataItems}
              error={errors.dataItems}
            />
            {coLeads.length > 0 ? (
              <ChoiceGroup
                type="checkbox"
                name="keepCoLeadIds"
                legend="Co-leads"
                hint="Untick a co-lead to remove them once the committee approves the amendment."
                options={coLeads.map((lead) => [lead.id, lead.name] as const)}
                isChosen={(id) => kept.includes(id)}
                layout="space-y-1"
                error={errors.keepCoLeadIds}
              />
            ) : null}
            <TextField
              name="inviteCoLead"
              label="Invite a co-lead (optional)"
              hint="Their e-mail address. Once the committee approves the amendment they are sent an invitation: they become a co-lead only if they accept it. Nobody is made a co-lead unasked."
              type="email"
              autoComplete="off"
              spellCheck={false}
              defaultValue={values.inviteCoLead}
              error={errors.inviteCoLead}
            />
            <TextAreaField
              name="reason"
              label="Why the project needs this change"
              hint="The committee reads this with the change. Say what happened and why the change is needed."
              defaultValue={values.reason}
              error={errors.reason}
            />
          </>
        );
      }}
    </ActionForm>
  );
}
