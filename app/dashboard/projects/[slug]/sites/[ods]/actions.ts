"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { approveSite } from "@/lib/sites/approvals";
import { moveSite } from "@/lib/sites/status";
import { memberAction } from "@/lib/form-action";
import type { FormState } from "@/lib/validation/form-state";
import { approveSiteSchema, moveSiteSchema } from "@/lib/validation/sites";

const refresh = () => revalidatePath("/dashboard", "layout");

/** A status move from the site's page; the page then says what happened (from a fixed list, never from the address). */
export async function moveSiteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: moveSiteSchema }, async ({ actor, data }) => {
    const moved = await moveSite(actor, data.projectSiteId, data.move);
    refresh();
    redirect(`${moved.path}?done=${data.move}`);
  });
}

/** The project lead approves a site from the national view (checks every item it recorded), which says so above its list. */
export async function approveSiteAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: approveSiteSchema }, async ({ actor, data }) => {
    const approval = await approveSite(actor, data.projectSiteId);
    refresh();
    return {
      status: "saved",
      message: approval.alreadyApproved
        ? `Every item of ${approval.hospital} was already checked.`
        : `Every item of ${approval.hospital} is checked: the site is approved.`,
    };
  });
}

/** The project lead approves a site from the site's own page. */
export async function approveSiteHereAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: approveSiteSchema }, async ({ actor, data }) => {
    const approval = await approveSite(actor, data.projectSiteId);
    refresh();
    redirect(`${approval.path}?done=approved`);
  });
}
