"use client";

import { useActionState } from "react";
import { CheckBoxes } from "@/components/proposals/check-boxes";
import { SubmitButton } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { TextAreaField, summaryItems } from "@/components/ui/field";
import { Radios } from "@/components/ui/radios";
import { IDLE, type FormState } from "@/lib/validation/form-state";
import { MESSAGE_SITES_FIELDS } from "@/lib/validation/sites";
import { errorsOf, formErrorOf, SavedNotice, useAnswerCount, valuesOf } from "./form-answer";

type Action = (previous: FormState, formData: FormData) => Promise<FormState>;

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
  action: Action;
  projectId: string;
  sites: SiteChoice[];
  recipients: { all: number; behind: number };
}) {
  const [state, formAction] = useActionState(action, IDLE);
  const key = useAnswerCount(state);
  const errors = errorsOf(state);
  const values = valuesOf(state);
  return (
    <form action={formAction} noValidate key={key}>
      <SavedNotice state={state} />
      <ErrorSummary errors={summaryItems(errors, MESSAGE_SITES_FIELDS)} formError={formErrorOf(state)} />
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
      <SubmitButton pendingText="Sending…">Send the message</SubmitButton>
    </form>
  );
}
