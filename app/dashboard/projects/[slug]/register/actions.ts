"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireActor } from "@/lib/auth/session";
import { requestToJoin } from "@/lib/collaborations/participation";
import { registerSite, SiteTakenError } from "@/lib/sites/register";
import { uuidSchema } from "@/lib/validation/fields";
import { failure, parseForm, refusal } from "@/lib/validation/form-state";
import { registerSiteSchema, type RegisterSiteState, type SiteFormState } from "@/lib/validation/sites";

export async function registerSiteAction(slug: string, _previous: RegisterSiteState, formData: FormData): Promise<RegisterSiteState> {
  const actor = await requireActor();
  const parsed = parseForm(registerSiteSchema, formData);
  if (!parsed.ok) return parsed.state;
  let odsCode: string;
  try {
    ({ odsCode } = await registerSite(actor, parsed.data));
  } catch (error) {
    if (error instanceof SiteTakenError) {
      return {
        ...failure(formData, { siteId: error.message }),
        join: { projectSiteId: error.projectSiteId, hospital: error.hospital },
      } as RegisterSiteState;
    }
    return refusal(error, formData);
  }
  revalidatePath("/dashboard", "layout");
  revalidatePath(`/projects/${slug}`);
  redirect(`/dashboard/projects/${encodeURIComponent(slug)}/sites/${encodeURIComponent(odsCode)}?registered=1`);
}

const joinSchema = z.object({ projectSiteId: uuidSchema("That hospital could not be found") });

/** Asks to join the team of the hospital that was already registered. */
export async function joinExistingTeamAction(slug: string, _previous: SiteFormState, formData: FormData): Promise<SiteFormState> {
  const actor = await requireActor();
  const parsed = parseForm(joinSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await requestToJoin(actor, parsed.data.projectSiteId);
  } catch (error) {
    return refusal(error, formData);
  }
  revalidatePath("/dashboard", "layout");
  revalidatePath(`/projects/${slug}`);
  return { status: "saved", message: "Your request to join the team has been sent. Its site lead will confirm or decline it." };
}
