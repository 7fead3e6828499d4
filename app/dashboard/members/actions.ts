"use server";

import { revalidatePath } from "next/cache";
import { sendPasswordResetLink } from "@/lib/accounts/reset-password";
import { AS_ROLE, changeRole } from "@/lib/users/roles";
import { memberAction } from "@/lib/form-action";
import type { FormState } from "@/lib/validation/form-state";
import { roleChangeSchema, sendPasswordResetSchema } from "@/lib/validation/members";

const refresh = () => revalidatePath("/dashboard/members");

/** One "make …" button of the members page. */
export async function changeRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  // A refusal may be because the role changed meanwhile: show the table as it is now.
  return memberAction(formData, { schema: roleChangeSchema, onRefusal: refresh }, async ({ actor, data }) => {
    const changed = await changeRole(actor, data);
    refresh();
    return { status: "saved", message: `${changed.name} is now ${AS_ROLE[changed.role]}. They have been told in the portal.` };
  });
}

/** "Send password reset link": the member gets a link to choose a password; the administrator sees neither. */
export async function sendPasswordResetAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: sendPasswordResetSchema }, async ({ actor, data }) => {
    const member = await sendPasswordResetLink(actor, data.userId);
    return { status: "saved", message: `A link to choose a new password has been sent to ${member.name} at ${member.email}. It works for 1 hour.` };
  });
}
