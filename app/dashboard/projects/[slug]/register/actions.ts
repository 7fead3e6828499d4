"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requestToJoin } from "@/lib/collaborations/participation";
import { registerSite, SiteTakenError } from "@/lib/sites/register";
import { memberAction } from "@/lib/form-action";
import { uuidSchema } from "@/lib/validation/fields";
import { failure, type FormState } from "@/lib/validation/form-state";
import { registerSiteSchema, type RegisterSiteState } from "@/lib/validation/sites";

export async function registerSiteAction(slug: string, _previous: RegisterSiteState, formData: FormData): Promise<RegisterSiteState> {
  const fail = (fieldErrors: Record<string, string>, formError?: string): RegisterSiteState => failure(formData, fieldErrors, formError);
  return memberAction(formData, { schema: registerSiteSchema, fail }, async ({ actor, data }) => {
    let odsCode: string;
    try {
      ({ odsCode } = await registerSite(actor, data));
    } catch (error) {
      // Someone registered it first: offer to join their team instead.
      if (!(error instanceof SiteTakenError)) throw error;
      return { ...fail({ siteId: error.message }), join: { projectSiteId: error.projectSiteId, hospital: error.hospital } };
    }
    revalidatePath("/dashboard", "layout");
    revalidatePath(`/projects/${slug}`);
    redirect(`/dashboard/projects/${encodeURIComponent(slug)}/sites/${encodeURIComponent(odsCode)}?registered=1`);
  });
}

const joinSchema = z.object({
  projectSiteId: uuidSchema("That hospital could not be found"),
  periodId: z.preprocess((value) => (value === "" ? undefined : value), uuidSchema("Select one of this project's data-collection periods").optional()),
});

/** Asks to join the team of the hospital that was already registered. */
export async function joinExistingTeamAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: joinSchema }, async ({ actor, data }) => {
    await requestToJoin(actor, data.projectSiteId, data.periodId ?? null);
    revalidatePath("/dashboard", "layout");
    revalidatePath(`/projects/${slug}`);
    return { status: "saved", message: "Your request to join the team has been sent. Its site lead will confirm or decline it." };
  });
}
