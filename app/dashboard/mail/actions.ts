"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { resendEmail } from "@/lib/mail/admin";
import { parseForm, refusal } from "@/lib/validation/form-state";
import { resendEmailSchema, type ResendFormState } from "@/lib/validation/mail";

/** "Send again" on a failed e-mail. */
export async function resendEmailAction(_previous: ResendFormState, formData: FormData): Promise<ResendFormState> {
  const actor = await requireActor();
  const parsed = parseForm(resendEmailSchema, formData);
  if (!parsed.ok) return parsed.state;
  let resent;
  try {
    resent = await resendEmail(actor, parsed.data.messageId);
  } catch (error) {
    revalidatePath("/dashboard/mail");
    return refusal(error, formData);
  }
  revalidatePath("/dashboard/mail");
  return { status: "saved", message: `The message to ${resent.to} is queued again and will be sent in a moment.` };
}
