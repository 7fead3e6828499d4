"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { memberAction } from "@/lib/form-action";
import { recordProjectItem } from "@/lib/sites/governance";
import type { FormState } from "@/lib/validation/form-state";
import { recordProjectItemSchema } from "@/lib/validation/governance";

/** A lead of the project records its IRAS number or REC reference; the settings page closes the form and says so. */
export async function recordProjectItemAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: recordProjectItemSchema }, async ({ actor, data }) => {
    const recorded = await recordProjectItem(actor, data);
    revalidatePath("/dashboard", "layout");
    redirect(`/dashboard/projects/${recorded.slug}/settings?done=${data.kind}`);
  });
}
