"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { approveSite, recordApprovals } from "@/lib/sites/approvals";
import { moveSite } from "@/lib/sites/status";
import { parseForm, refusal } from "@/lib/validation/form-state";
import { approveSiteSchema, moveSiteSchema, recordApprovalsSchema, SITE_STATUS_LABELS, type SiteFormState } from "@/lib/validation/sites";

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

export async function moveSiteAction(_previous: SiteFormState, formData: FormData): Promise<SiteFormState> {
  const actor = await requireActor();
  const parsed = parseForm(moveSiteSchema, formData);
  if (!parsed.ok) return parsed.state;
  let to;
  try {
    ({ to } = await moveSite(actor, parsed.data.projectSiteId, parsed.data.move));
  } catch (error) {
    return refusal(error, formData);
  }
  refresh();
  return { status: "saved", message: `The site is now: ${SITE_STATUS_LABELS[to].toLowerCase()}.` };
}

export async function approveSiteAction(_previous: SiteFormState, formData: FormData): Promise<SiteFormState> {
  const actor = await requireActor();
  const parsed = parseForm(approveSiteSchema, formData);
  if (!parsed.ok) return parsed.state;
  let alreadyApproved;
  try {
    ({ alreadyApproved } = await approveSite(actor, parsed.data.projectSiteId));
  } catch (error) {
    return refusal(error, formData);
  }
  refresh();
  return { status: "saved", message: alreadyApproved ? "This site was already approved." : "The site has been approved." };
}
