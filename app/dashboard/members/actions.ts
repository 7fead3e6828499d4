"use server";

import { revalidatePath } from "next/cache";
import { sendPasswordResetLink } from "@/lib/accounts/reset-password";
import { requireActor } from "@/lib/auth/session";
import { AS_ROLE, changeRole } from "@/lib/users/roles";
import { parseForm, refusal } from "@/lib/validation/form-state";
import { roleChangeSchema, sendPasswordResetSchema, type RoleFormState } from "@/lib/validation/members";

/** One "make …" button of the members page. */
export async function changeRoleAction(_previous: RoleFormState, formData: FormData): Promise<RoleFormState> {
  const actor = await requireActor();
  const parsed = parseForm(roleChangeSchema, formData);
  if (!parsed.ok) return parsed.state;
  let changed;
  try {
    changed = await changeRole(actor, parsed.data);
  } catch (error) {
    // A refusal may be because the role changed meanwhile: show the table as it is now.
    revalidatePath("/dashboard/members");
    return refusal(error, formData);
  }
  revalidatePath("/dashboard/members");
  return { status: "saved", message: `${changed.name} is now ${AS_ROLE[changed.role]}. They have been told in the portal.` };
}

/** "Send password reset link": the member gets a link to choose a password; the administrator sees neither. */
export async function sendPasswordResetAction(_previous: RoleFormState, formData: FormData): Promise<RoleFormState> {
  const actor = await requireActor();
  const parsed = parseForm(sendPasswordResetSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    const member = await sendPasswordResetLink(actor, parsed.data.userId);
    return { status: "saved", message: `A link to choose a new password has been sent to ${member.name} at ${member.email}. It works for 1 hour.` };
  } catch (error) {
    return refusal(error, formData);
  }
}
