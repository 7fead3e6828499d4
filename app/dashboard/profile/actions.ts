"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { updateOwnProfile } from "@/lib/trainees/profile";
import { failure, fieldErrorsOf, type FormState } from "@/lib/validation/form-state";
import { profileFormObject, profileSchema } from "@/lib/validation/profile";

export type ProfileFormState = FormState | { status: "saved" };

export async function saveProfileAction(_previous: ProfileFormState, formData: FormData): Promise<ProfileFormState> {
  const actor = await requireActor();
  const parsed = profileSchema.safeParse(profileFormObject(formData));
  if (!parsed.success) return refill(failure(formData, fieldErrorsOf(parsed.error)), formData);
  const result = await updateOwnProfile(actor, parsed.data);
  if (!result.ok) return refill(failure(formData, result.fieldErrors), formData);
  revalidatePath("/dashboard", "layout");
  return { status: "saved" };
}

/** Checkbox groups come back as comma-separated lists, so the form can tick them again. */
function refill(state: FormState, formData: FormData): FormState {
  if (state.status !== "error") return state;
  return {
    ...state,
    values: {
      ...state.values,
      modalities: formData.getAll("modalities").map(String).join(","),
      subspecialties: formData.getAll("subspecialties").map(String).join(","),
      contactConsent: formData.get("contactConsent") ? "on" : "",
    },
  };
}
