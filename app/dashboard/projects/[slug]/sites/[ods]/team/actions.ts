"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { withdrawInvitation } from "@/lib/invitations/lifecycle";
import { inviteToSite } from "@/lib/invitations/send";
import { decideTeamRequest, recordContribution, removeMember } from "@/lib/sites/team";
import { memberAction } from "@/lib/form-action";
import { uuidSchema } from "@/lib/validation/fields";
import { periodChoiceSchema } from "@/lib/validation/periods";
import { IDLE, type FormState } from "@/lib/validation/form-state";
import { inviteToSiteSchema, withdrawInvitationSchema } from "@/lib/validation/invitations";
import { contributionSchema, removeMemberSchema } from "@/lib/validation/sites";

const refresh = () => revalidatePath("/dashboard", "layout");

/**
 * Invites someone to the team. The answer is the same whether or not the
 * address belongs to a member, and wherever that member takes part.
 */
export async function inviteToSiteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: inviteToSiteSchema }, async ({ actor, data }) => {
    const result = await inviteToSite(actor, data);
    refresh();
    return {
      status: "saved",
      message: result.outcome === "invited" ? `An invitation was sent to ${data.email}.` : `${result.name} is now a collaborator, no longer a site lead.`,
    };
  });
}

export async function withdrawInvitationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: withdrawInvitationSchema }, async ({ actor, data }) => {
    await withdrawInvitation(actor, data.invitationId);
    refresh();
    return { status: "saved", message: "The invitation has been withdrawn." };
  });
}

export async function removeMemberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: removeMemberSchema }, async ({ actor, data }) => {
    await removeMember(actor, data.projectSiteId, data.collaborationId);
    refresh();
    return { status: "saved", message: "The member has been removed from the team." };
  });
}

export async function recordContributionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: contributionSchema }, async ({ actor, data }) => {
    await recordContribution(actor, data);
    refresh();
    return { status: "saved", message: "Saved." };
  });
}

const decideSchema = z.object({
  collaborationId: uuidSchema("That request could not be found"),
  decision: z.enum(["CONFIRM", "DECLINE"], { error: "Choose confirm or decline" }),
  periodId: periodChoiceSchema,
});

/** Confirm or decline from the site's team page; the site comes from the page, the request from the form, and both are checked. */
export async function decideTeamRequestAction(projectSiteId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: decideSchema }, async ({ actor, data }) => {
    await decideTeamRequest(actor, projectSiteId, data.collaborationId, data.decision, data.periodId);
    refresh();
    return IDLE;
  });
}
