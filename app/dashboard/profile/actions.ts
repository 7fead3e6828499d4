"use server";

import { revalidatePath } from "next/cache";
import { updateOwnProfile } from "@/lib/trainees/profile";
import { memberAction } from "@/lib/form-action";
import type { FormState } from "@/lib/validation/form-state";
import { profileFormObject, profileSchema } from "@/lib/validation/profile";

/** Checkbox groups come back as comma-separated lists, so the form can tick them again. */
const keep = (formData: FormData) => ({
  modalities: formData.getAll("modalities").map(String).join(","),
  subspecialties: formData.getAll("subspecialties").map(String).join(","),
  contactConsent: formData.get("contactConsent") ? "on" : "",
});

export async function saveProfileAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: profileSchema, input: profileFormObject, keep }, async ({ actor, data, fail }) => {
    const result = await updateOwnProfile(actor, data);
    if (!result.ok) return fail(result.fieldErrors);
    revalidatePath("/dashboard", "layout");
    return { status: "saved", message: "Your profile has been saved." };
  });
}
