"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { messageSites } from "@/lib/sites/message";
import { failure, fieldErrorsOf, refusal, type FormState } from "@/lib/validation/form-state";
import { messageSitesFormObject, messageSitesSchema, type SiteFormState } from "@/lib/validation/sites";

export async function messageSitesAction(_previous: SiteFormState, formData: FormData): Promise<SiteFormState> {
  const actor = await requireActor();
  const parsed = messageSitesSchema.safeParse(messageSitesFormObject(formData));
  if (!parsed.success) return refill(failure(formData, fieldErrorsOf(parsed.error)), formData);
  let outcome;
  try {
    outcome = await messageSites(actor, parsed.data);
  } catch (error) {
    return refill(refusal(error, formData), formData);
  }
  revalidatePath("/dashboard", "layout");
  const { recipients, sites } = outcome;
  return {
    status: "saved",
    message: `Your message has been sent to ${recipients} ${recipients === 1 ? "site lead" : "site leads"} at ${sites} ${sites === 1 ? "site" : "sites"}.`,
  };
}

/** The ticked sites come back as a comma-separated list, so the form can tick them again. */
function refill(state: FormState, formData: FormData): FormState {
  if (state.status !== "error") return state;
  return { ...state, values: { ...state.values, siteIds: formData.getAll("siteIds").map(String).join(",") } };
}
