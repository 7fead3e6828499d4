"use server";

import { revalidatePath } from "next/cache";
import { saveNotificationPreferences } from "@/lib/notifications/preferences";
import { memberAction } from "@/lib/form-action";
import type { FormState } from "@/lib/validation/form-state";
import { notificationPreferencesSchema } from "@/lib/validation/notifications";

export async function saveNotificationPreferencesAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: notificationPreferencesSchema }, async ({ actor, data }) => {
    await saveNotificationPreferences(actor, data);
    revalidatePath("/dashboard/account/notifications");
    return { status: "saved", message: "Your e-mail choices have been saved." };
  });
}
