"use server";

import { revalidatePath } from "next/cache";
import { currentSessionKey } from "@/lib/auth/session";
import { endOtherSessions, endSession } from "@/lib/users/sessions";
import { memberAction, NO_FIELDS } from "@/lib/form-action";
import type { FormState } from "@/lib/validation/form-state";
import { endSessionSchema } from "@/lib/validation/sessions";

const refresh = () => revalidatePath("/dashboard/account");

/** One "Sign out" button of the list of sessions: ends that other device's session. */
export async function endSessionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  // The list may have changed meanwhile: show it as it is now.
  return memberAction(formData, { schema: endSessionSchema, onRefusal: refresh }, async ({ actor, data }) => {
    const ended = await endSession(actor, await currentSessionKey(), data.sessionId);
    refresh();
    return { status: "saved", message: `${ended.browser} has been signed out.` };
  });
}

/** "Sign out of all other devices", once confirmed. */
export async function endOtherSessionsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: NO_FIELDS }, async ({ actor }) => {
    const count = await endOtherSessions(actor, await currentSessionKey());
    refresh();
    return {
      status: "saved",
      message: count === 1 ? "You have been signed out on 1 other device." : `You have been signed out on ${count} other devices.`,
    };
  });
}
