"use client";

import { CheckBoxes } from "@/components/proposals/check-boxes";
import { TextAreaField } from "@/components/ui/field";
import { ActionForm, type FormAction } from "@/components/ui/form";
import { Radios } from "@/components/ui/radios";
import { MESSAGE_SITES_FIELDS } from "@/lib/validation/sites";

export interface SiteChoice {
  projectSiteId: string;
  /** "Addenbrooke's Hospital, Cambridge: 12 of 50 cases, behind target (site lead: Catriona MacLeod)" */
  label: string;
}

const people = (count: number) => `${count} ${count === 1 ? "site lead" : "site leads"}`;

/** A message to the site leads the project lead chooses: all, those behind target, or those of the sites ticked. */
export function MessageSitesForm({
  action,
  projectId,
  sites,
  recipients,
}: {
  action: FormAction;
  projectId: string;
  sites: SiteChoice[];
  recipients: { all: number; behind: number };
}) {
  return (
    <ActionForm action={action} fields={MESSAGE_SITES_FIELDS} submit="Send the message" pendingText="Sending…">
      {({ errors, values }) => (
        <>
          <input type="hidden" name="projectId" value={projectId} />
          <Radios
            name="recipients"
            legend="Who should get the message?"
            options={[
              ["all", `All site leads (${people(recipients.all)})`],
              ["behind", `Site leads of sites behind target (${people(recipients.behind)})`],
              ["chosen", "Site leads of the sites I choose below"],
            ]}
            value={values.recipients ?? "all"}
            error={errors.recipients}
          />
          <CheckBoxes
            name="siteIds"
            legend="Sites"
            hint="Used when you choose the sites: tick each site whose leads should get the message."
            options={Object.fromEntries(sites.map((site) => [site.projectSiteId, site.label]))}
            checked={values.siteIds ? values.siteIds.split(",") : []}
            error={errors.siteIds}
          />
          <TextAreaField
            name="message"
            label="Message"
            hint="Up to 1,000 characters. Never include patient details."
            rows={6}
            defaultValue={values.message}
            error={errors.message}
          />
        </>
      )}
    </ActionForm>
  );
}
