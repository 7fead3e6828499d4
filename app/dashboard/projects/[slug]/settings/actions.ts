"use server";

import { revalidatePath } from "next/cache";
import { updateStudySettings } from "@/lib/sites/settings";
import { memberAction } from "@/lib/form-action";
import type { FormState } from "@/lib/validation/form-state";
import { studySettingsSchema } from "@/lib/validation/sites";

const refresh = () => revalidatePath("/dashboard", "layout");

export async function updateStudySettingsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  // Refused because another lead saved first: the page is drawn again with their settings.
  return memberAction(formData, { schema: studySettingsSchema, onRefusal: refresh }, async ({ actor, data }) => {
    const saved = await updateStudySettings(actor, data);
    if (!saved.changed) return { status: "saved", message: "Nothing to save: the settings were already these." };
    refresh();
    const { teamCap } = saved.settings;
    const above = saved.aboveCap.length;
    return {
      status: "saved",
      message:
        above === 0
          ? "The study's settings have been saved."
          : `The study's settings have been saved. ${above} ${above === 1 ? "site already has" : "sites already have"} more than ${teamCap} ${teamCap === 1 ? "collaborator" : "collaborators"}: nobody is removed, but ${above === 1 ? "it confirms" : "they confirm"} no one new until the team is below the limit. They are listed on this page.`,
    };
  });
}
