"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { AS_ROLE, changeRole } from "@/lib/users/roles";
import { parseForm, refusal } from "@/lib/validation/form-state";
import { roleChangeSchema, type RoleFormState } from "@/lib/validation/members";

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
