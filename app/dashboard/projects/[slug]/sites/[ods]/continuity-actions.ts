"use server";

import { revalidatePath } from "next/cache";
import { memberAction } from "@/lib/form-action";
import { appointSiteLead, handOverSite } from "@/lib/sites/continuity";
import type { FormState } from "@/lib/validation/form-state";
import { appointLeadSchema, handOverSchema } from "@/lib/validation/continuity";

const refresh = () => revalidatePath("/dashboard", "layout");

/** The site lead offers the site to a collaborator on its team. */
export async function handOverSiteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: handOverSchema }, async ({ actor, data }) => {
    const { name, sent } = await handOverSite(actor, data);
    refresh();
    return {
      status: "saved",
      message: sent
        ? `${name} is invited to take the site over. You stay its site lead until they accept; then you are a collaborator on the team.`
        : `${name} already has an invitation to take the site over, still waiting for an answer.`,
    };
  });
}

/** A lead of the project invites someone to be a site lead, optionally in place of one. */
export async function appointSiteLeadAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: appointLeadSchema }, async ({ actor, data }) => {
    const { label, sent } = await appointSiteLead(actor, data);
    refresh();
    return {
      status: "saved",
      message: sent
        ? `An invitation to be a site lead was sent to ${label}. Nothing changes until they accept.`
        : `${label} already has an invitation to be a site lead here, still waiting for an answer.`,
    };
  });
}
