"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { memberAction } from "@/lib/form-action";
import { checkSiteItem, recordSiteItem, sendBackSiteItem } from "@/lib/sites/governance";
import type { FormState } from "@/lib/validation/form-state";
import { checkSiteItemSchema, recordSiteItemSchema, sendBackSiteItemSchema } from "@/lib/validation/governance";

const refresh = () => revalidatePath("/dashboard", "layout");

/** The site lead records an item; the page closes the form and says what was saved (from a fixed list, never from the address). */
export async function recordSiteItemAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: recordSiteItemSchema }, async ({ actor, data }) => {
    const recorded = await recordSiteItem(actor, data);
    refresh();
    redirect(`${recorded.path}?done=itemRecorded`);
  });
}

export async function checkSiteItemAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: checkSiteItemSchema }, async ({ actor, data }) => {
    const checked = await checkSiteItem(actor, data);
    refresh();
    redirect(`${checked.path}?done=${checked.complete ? "checklistChecked" : "itemChecked"}`);
  });
}

export async function sendBackSiteItemAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: sendBackSiteItemSchema }, async ({ actor, data }) => {
    const sent = await sendBackSiteItem(actor, data);
    refresh();
    redirect(`${sent.path}?done=itemSentBack`);
  });
}
