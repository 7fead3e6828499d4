"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActor } from "@/lib/auth/session";
import { withdrawInvitation } from "@/lib/invitations/lifecycle";
import { inviteToSite } from "@/lib/invitations/send";
import { decideTeamRequest, recordContribution, removeMember } from "@/lib/sites/team";
import { uuidSchema } from "@/lib/validation/fields";
import { parseForm, refusal, type FormState } from "@/lib/validation/form-state";
import { inviteToSiteSchema, withdrawInvitationSchema } from "@/lib/validation/invitations";
import { contributionSchema, removeMemberSchema, type SiteFormState } from "@/lib/validation/sites";

const refresh = () => revalidatePath("/dashboard", "layout");

/**
 * Invites someone to the team. The answer is the same whether or not the
 * address belongs to a member, and wherever that member takes part.
 */
export async function inviteToSiteAction(_previous: SiteFormState, formData: FormData): Promise<SiteFormState> {
  const actor = await requireActor();
  const parsed = parseForm(inviteToSiteSchema, formData);
  if (!parsed.ok) return parsed.state;
  let result;
  try {
    result = await inviteToSite(actor, parsed.data);
  } catch (error) {
    return refusal(error, formData);
  }
  refresh();
  return {
    status: "saved",
    message: result.outcome === "invited" ? `An invitation was sent to ${parsed.data.email}.` : `${result.name} is now a collaborator, no longer a site lead.`,
  };
}

export async function withdrawInvitationAction(_previous: SiteFormState, formData: FormData): Promise<SiteFormState> {
  const actor = await requireActor();
  const parsed = parseForm(withdrawInvitationSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await withdrawInvitation(actor, parsed.data.invitationId);
  } catch (error) {
    return refusal(error, formData);
  }
  refresh();
  return { status: "saved", message: "The invitation has been withdrawn." };
}

export async function removeMemberAction(_previous: SiteFormState, formData: FormData): Promise<SiteFormState> {
  const actor = await requireActor();
  const parsed = parseForm(removeMemberSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await removeMember(actor, parsed.data.projectSiteId, parsed.data.collaborationId);
  } catch (error) {
    return refusal(error, formData);
  }
  refresh();
  return { status: "saved", message: "The member has been removed from the team." };
}

export async function recordContributionAction(_previous: SiteFormState, formData: FormData): Promise<SiteFormState> {
  const actor = await requireActor();
  const parsed = parseForm(contributionSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await recordContribution(actor, parsed.data);
  } catch (error) {
    return refusal(error, formData);
  }
  refresh();
  return { status: "saved", message: "Saved." };
}

const decideSchema = z.object({
  collaborationId: uuidSchema("That request could not be found"),
  decision: z.enum(["CONFIRM", "DECLINE"], { error: "Choose confirm or decline" }),
});

/** Confirm or decline from the site's team page; the site comes from the page, the request from the form, and both are checked. */
export async function decideTeamRequestAction(projectSiteId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  const parsed = parseForm(decideSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await decideTeamRequest(actor, projectSiteId, parsed.data.collaborationId, parsed.data.decision);
  } catch (error) {
    return refusal(error, formData);
  }
  refresh();
  return { status: "idle" };
}
