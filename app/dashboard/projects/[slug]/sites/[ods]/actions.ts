"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { approveSite, recordApprovals } from "@/lib/sites/approvals";
import { moveSite } from "@/lib/sites/status";
import { parseForm, refusal } from "@/lib/validation/form-state";
import { approveSiteSchema, moveSiteSchema, recordApprovalsSchema, type SiteFormState } from "@/lib/validation/sites";

const refresh = () => revalidatePath("/dashboard", "layout");

export async function recordApprovalsAction(_previous: SiteFormState, formData: FormData): Promise<SiteFormState> {
  const actor = await requireActor();
  const parsed = parseForm(recordApprovalsSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await recordApprovals(actor, parsed.data);
  } catch (error) {
    return refusal(error, formData);
  }
  refresh();
  return { status: "saved", message: "The site's approvals have been saved." };
}

/** A status move from the site's page; the page then says what happened (from a fixed list, never from the address). */
export async function moveSiteAction(_previous: SiteFormState, formData: FormData): Promise<SiteFormState> {
  const actor = await requireActor();
  const parsed = parseForm(moveSiteSchema, formData);
  if (!parsed.ok) return parsed.state;
  let moved;
  try {
    moved = await moveSite(actor, parsed.data.projectSiteId, parsed.data.move);
  } catch (error) {
    return refusal(error, formData);
  }
  refresh();
  redirect(`${moved.path}?done=${parsed.data.move}`);
}

/** The project lead's approval of the site the form names: what was approved, or the form's answer. */
async function approveFromForm(formData: FormData) {
  const actor = await requireActor();
  const parsed = parseForm(approveSiteSchema, formData);
  if (!parsed.ok) return { state: parsed.state };
  try {
    const approval = await approveSite(actor, parsed.data.projectSiteId);
    refresh();
    return { approval };
  } catch (error) {
    return { state: refusal(error, formData) };
  }
}

/** The project lead approves a site from the national view, which says so above its list. */
export async function approveSiteAction(_previous: SiteFormState, formData: FormData): Promise<SiteFormState> {
  const { approval, state } = await approveFromForm(formData);
  if (!approval) return state;
  return {
    status: "saved",
    message: approval.alreadyApproved ? `${approval.hospital} was already approved.` : `${approval.hospital} has been approved.`,
  };
}

/** The project lead approves a site from the site's own page. */
export async function approveSiteHereAction(_previous: SiteFormState, formData: FormData): Promise<SiteFormState> {
  const { approval, state } = await approveFromForm(formData);
  if (!approval) return state;
  redirect(`${approval.path}?done=approved`);
}
