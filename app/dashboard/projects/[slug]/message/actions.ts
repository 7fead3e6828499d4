"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { messageSites } from "@/lib/sites/message";
import { parseForm, refusal } from "@/lib/validation/form-state";
import { messageSitesSchema, type SiteFormState } from "@/lib/validation/sites";

export async function messageSitesAction(_previous: SiteFormState, formData: FormData): Promise<SiteFormState> {
  const actor = await requireActor();
  const parsed = parseForm(messageSitesSchema, formData);
  if (!parsed.ok) return parsed.state;
  let recipients;
  try {
    ({ recipients } = await messageSites(actor, parsed.data));
  } catch (error) {
    return refusal(error, formData);
  }
  revalidatePath("/dashboard", "layout");
  return { status: "saved", message: `Your message has been sent to ${recipients} ${recipients === 1 ? "site lead" : "site leads"}.` };
}
