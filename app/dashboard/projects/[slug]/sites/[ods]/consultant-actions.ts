"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { memberAction } from "@/lib/form-action";
import { clearConsultant, inviteConsultant, nameConsultant, removeObserver, stopObserving } from "@/lib/sites/consultant";
import { consultantSchema, projectSiteOnlySchema, removeObserverSchema } from "@/lib/validation/consultant";
import type { FormState } from "@/lib/validation/form-state";

const refresh = () => revalidatePath("/dashboard", "layout");

export async function nameConsultantAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: consultantSchema }, async ({ actor, data }) => {
    await nameConsultant(actor, data);
    refresh();
    return { status: "saved", message: `${data.consultantName} is named as the site's supervising consultant.` };
  });
}

export async function clearConsultantAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: projectSiteOnlySchema }, async ({ actor, data }) => {
    await clearConsultant(actor, data.projectSiteId);
    refresh();
    return { status: "saved", message: "The site no longer names a supervising consultant." };
  });
}

/** The answer is the same whether or not the consultant's address belongs to a member. */
export async function inviteConsultantAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: projectSiteOnlySchema }, async ({ actor, data }) => {
    const { sent } = await inviteConsultant(actor, data.projectSiteId);
    refresh();
    return { status: "saved", message: sent ? "An invitation to observe the site was sent to the consultant." : "The consultant's invitation is still open: nothing was sent again." };
  });
}

export async function removeObserverAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: removeObserverSchema }, async ({ actor, data }) => {
    const { name } = await removeObserver(actor, data);
    refresh();
    return { status: "saved", message: `${name} no longer observes the site.` };
  });
}

/** The observer stops observing; the site's pages are no longer theirs to see, so they go back to the dashboard. */
export async function stopObservingAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: projectSiteOnlySchema }, async ({ actor, data }) => {
    await stopObserving(actor, data.projectSiteId);
    refresh();
    redirect("/dashboard?observing=stopped");
  });
}
