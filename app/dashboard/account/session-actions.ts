"use server";

import { revalidatePath } from "next/cache";
import { currentSessionKey, requireActor } from "@/lib/auth/session";
import { endOtherSessions, endSession } from "@/lib/users/sessions";
import { parseForm, refusal } from "@/lib/validation/form-state";
import { endSessionSchema, type SessionFormState } from "@/lib/validation/sessions";

/** One "Sign out" button of the list of sessions: ends that other device's session. */
export async function endSessionAction(_previous: SessionFormState, formData: FormData): Promise<SessionFormState> {
  const actor = await requireActor();
  const parsed = parseForm(endSessionSchema, formData);
  if (!parsed.ok) return parsed.state;
  let ended;
  try {
    ended = await endSession(actor, await currentSessionKey(), parsed.data.sessionId);
  } catch (error) {
    // The list may have changed meanwhile: show it as it is now.
    revalidatePath("/dashboard/account");
    return refusal(error, formData);
  }
  revalidatePath("/dashboard/account");
  return { status: "saved", message: `${ended.browser} has been signed out.` };
}

/** "Sign out of all other devices", once confirmed. */
export async function endOtherSessionsAction(_previous: SessionFormState, formData: FormData): Promise<SessionFormState> {
  const actor = await requireActor();
  let count;
  try {
    count = await endOtherSessions(actor, await currentSessionKey());
  } catch (error) {
    return refusal(error, formData);
  }
  revalidatePath("/dashboard/account");
  return {
    status: "saved",
    message: count === 1 ? "You have been signed out on 1 other device." : `You have been signed out on ${count} other devices.`,
  };
}
