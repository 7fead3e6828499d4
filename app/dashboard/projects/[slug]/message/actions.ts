"use server";

import { revalidatePath } from "next/cache";
import { messageSites } from "@/lib/sites/message";
import { memberAction } from "@/lib/form-action";
import type { FormState } from "@/lib/validation/form-state";
import { messageSitesFormObject, messageSitesSchema } from "@/lib/validation/sites";

/** The ticked sites come back as a comma-separated list, so the form can tick them again. */
const keep = (formData: FormData) => ({ siteIds: formData.getAll("siteIds").map(String).join(",") });

export async function messageSitesAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: messageSitesSchema, input: messageSitesFormObject, keep }, async ({ actor, data }) => {
    const { recipients, sites } = await messageSites(actor, data);
    revalidatePath("/dashboard", "layout");
    return {
      status: "saved",
      message: `Your message has been sent to ${recipients} ${recipients === 1 ? "site lead" : "site leads"} at ${sites} ${sites === 1 ? "site" : "sites"}.`,
    };
  });
}
