"use server";

import { revalidatePath } from "next/cache";
import { requestEmailChange } from "@/lib/accounts/change-email";
import { TOKEN_LIFETIME_HOURS } from "@/lib/accounts/tokens";
import { resendVerificationEmail } from "@/lib/accounts/verify-email";
import { signIn, signOut } from "@/lib/auth/config";
import { requireActor } from "@/lib/auth/session";
import { changePassword } from "@/lib/users/change-password";
import { deleteMyAccount } from "@/lib/privacy/delete-account";
import { changeEmailSchema, changePasswordSchema, deleteAccountSchema } from "@/lib/validation/auth";
import { parseForm, refusal, type FormState } from "@/lib/validation/form-state";
import type { SiteFormState as AnswerState } from "@/lib/validation/sites";

export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  const parsed = parseForm(changePasswordSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await changePassword(actor, parsed.data);
  } catch (error) {
    return refusal(error, formData);
  }
  // Every other session is now void; this one starts afresh with the new password.
  await signIn("credentials", {
    email: actor.email,
    password: parsed.data.newPassword,
    redirectTo: "/dashboard/account?changed=1",
  });
  return { status: "idle" };
}

export async function deleteAccountAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  const parsed = parseForm(deleteAccountSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await deleteMyAccount(actor, parsed.data.password);
  } catch (error) {
    return refusal(error, formData);
  }
  await signOut({ redirectTo: "/?account=deleted" });
  return { status: "idle" };
}

/** "Send the link again": a new link to confirm the member's address. */
export async function resendVerificationAction(_previous: AnswerState, formData: FormData): Promise<AnswerState> {
  const actor = await requireActor();
  try {
    const { email } = await resendVerificationEmail(actor);
    return { status: "saved", message: `We have sent a new link to ${email}. It works for ${TOKEN_LIFETIME_HOURS.VERIFY_EMAIL} hours.` };
  } catch (error) {
    return refusal(error, formData);
  }
}

/** A new e-mail address: confirmed by the link sent to it, nothing changes before. */
export async function changeEmailAction(_previous: AnswerState, formData: FormData): Promise<AnswerState> {
  const actor = await requireActor();
  const parsed = parseForm(changeEmailSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    const { email } = await requestEmailChange(actor, parsed.data);
    revalidatePath("/dashboard/account");
    return {
      status: "saved",
      message: `We have sent a link to ${email}. Open it within ${TOKEN_LIFETIME_HOURS.CHANGE_EMAIL} hours to confirm the change. Until then your address stays ${actor.email}.`,
    };
  } catch (error) {
    return refusal(error, formData);
  }
}
