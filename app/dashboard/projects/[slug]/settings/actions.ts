"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { updateStudySettings } from "@/lib/sites/settings";
import { parseForm, refusal } from "@/lib/validation/form-state";
import { studySettingsSchema, type SiteFormState } from "@/lib/validation/sites";

export async function updateStudySettingsAction(_previous: SiteFormState, formData: FormData): Promise<SiteFormState> {
  const actor = await requireActor();
  const parsed = parseForm(studySettingsSchema, formData);
  if (!parsed.ok) return parsed.state;
  let saved;
  try {
    saved = await updateStudySettings(actor, parsed.data);
  } catch (error) {
    // Refused because another lead saved first: the page is drawn again with their settings.
    revalidatePath("/dashboard", "layout");
    return refusal(error, formData);
  }
  if (!saved.changed) return { status: "saved", message: "Nothing to save: the settings were already these." };
  revalidatePath("/dashboard", "layout");
  const { teamCap } = saved.settings;
  const above = saved.aboveCap.length;
  return {
    status: "saved",
    message:
      above === 0
        ? "The study's settings have been saved."
        : `The study's settings have been saved. ${above} ${above === 1 ? "site already has" : "sites already have"} more than ${teamCap} ${teamCap === 1 ? "collaborator" : "collaborators"}: nobody is removed, but ${above === 1 ? "it confirms" : "they confirm"} no one new until the team is below the limit. They are listed on this page.`,
  };
}
