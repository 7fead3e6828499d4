"use server";

import { revalidatePath } from "next/cache";
import { resendEmail } from "@/lib/mail/admin";
import { memberAction } from "@/lib/form-action";
import type { FormState } from "@/lib/validation/form-state";
import { resendEmailSchema } from "@/lib/validation/mail";

const refresh = () => revalidatePath("/dashboard/mail");

/** "Send again" on a failed e-mail. */
export async function resendEmailAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: resendEmailSchema, onRefusal: refresh }, async ({ actor, data }) => {
    const resent = await resendEmail(actor, data.messageId);
    refresh();
    return { status: "saved", message: `The message to ${resent.to} is queued again and will be sent in a moment.` };
  });
}
