"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireActor } from "@/lib/auth/session";
import { addMember, decideTeamRequest, recordContribution, removeMember } from "@/lib/sites/team";
import { uuidSchema } from "@/lib/validation/fields";
import { parseForm, refusal, type FormState } from "@/lib/validation/form-state";
import { addMemberSchema, contributionSchema, removeMemberSchema, type SiteFormState } from "@/lib/validation/sites";

const refresh = () => revalidatePath("/dashboard", "layout");

export async function addMemberAction(_previous: SiteFormState, formData: FormData): Promise<SiteFormState> {
  const actor = await requireActor();
  const parsed = parseForm(addMemberSchema, formData);
  if (!parsed.ok) return parsed.state;
  let added;
  try {
    added = await addMember(actor, parsed.data);
  } catch (error) {
    return refusal(error, formData);
  }
  refresh();
  const role = parsed.data.role === "SITE_LEAD" ? "a site lead" : "a collaborator";
  return {
    status: "saved",
    message: added.outcome === "added" ? `${parsed.data.email} has been added to the team as ${role}.` : `${parsed.data.email} is now ${role}.`,
  };
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
