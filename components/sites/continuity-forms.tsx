"use client";

import { SelectField, TextField } from "@/components/ui/field";
import { ActionForm, type FormAction } from "@/components/ui/form";
import { APPOINT_LEAD_FIELDS, BY_EMAIL, HAND_OVER_FIELDS, NOBODY_REPLACED } from "@/lib/validation/continuity";

export interface Person {
  id: string;
  name: string;
}

/** The site lead chooses the collaborator who takes the site over. */
export function HandOverForm({ action, projectSiteId, collaborators }: { action: FormAction; projectSiteId: string; collaborators: Person[] }) {
  return (
    <ActionForm action={action} fields={HAND_OVER_FIELDS} submit="Offer the site" pendingText="Sending…">
      {({ errors, values }) => (
        <>
          <input type="hidden" name="projectSiteId" value={projectSiteId} />
          <SelectField
            name="collaborationId"
            label="Who takes the site over"
            hint="They are asked, and become a site lead only if they accept. You stay on the team as a collaborator."
            defaultValue={values.collaborationId ?? ""}
            error={errors.collaborationId}
          >
            <option value="">Choose a member of the team</option>
            {collaborators.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </SelectField>
        </>
      )}
    </ActionForm>
  );
}

/** A lead of the project invites a member of the team, or anyone by address, to be a site lead, optionally in place of one. */
export function AppointLeadForm({
  action,
  projectSiteId,
  collaborators,
  siteLeads,
}: {
  action: FormAction;
  projectSiteId: string;
  collaborators: Person[];
  siteLeads: Person[];
}) {
  return (
    <ActionForm action={action} fields={APPOINT_LEAD_FIELDS} submit="Send the invitation" pendingText="Sending…">
      {({ errors, values }) => (
        <>
          <input type="hidden" name="projectSiteId" value={projectSiteId} />
          <SelectField name="member" label="Who becomes a site lead" defaultValue={values.member ?? ""} error={errors.member}>
            <option value="">Choose a person</option>
            {collaborators.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
            <option value={BY_EMAIL}>Someone else, by e-mail address</option>
          </SelectField>
          <TextField
            name="email"
            type="email"
            label="Their e-mail address (for someone else)"
            hint="Someone without a RADIANT account is asked to create one with this address."
            autoComplete="off"
            spellCheck={false}
            defaultValue={values.email}
            error={errors.email}
          />
          <SelectField
            name="replacesId"
            label="In place of"
            hint="The site lead replaced stays on the team as a collaborator, once the person invited accepts. Until then nothing changes."
            defaultValue={values.replacesId ?? NOBODY_REPLACED}
            error={errors.replacesId}
          >
            <option value={NOBODY_REPLACED}>Nobody: add a site lead</option>
            {siteLeads.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </SelectField>
        </>
      )}
    </ActionForm>
  );
}
