"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { saveNotificationPreferences } from "@/lib/notifications/preferences";
import { parseForm, refusal } from "@/lib/validation/form-state";
import { notificationPreferencesSchema } from "@/lib/validation/notifications";
import type { SiteFormState } from "@/lib/validation/sites";

export async function saveNotificationPreferencesAction(_previous: SiteFormState, formData: FormData): Promise<SiteFormState> {
  const actor = await requireActor();
  const parsed = parseForm(notificationPreferencesSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await saveNotificationPreferences(actor, parsed.data);
  } catch (error) {
    return refusal(error, formData);
  }
  revalidatePath("/dashboard/account/notifications");
  return { status: "saved", message: "Your e-mail choices have been saved." };
}
