"use server";

import { revalidatePath } from "next/cache";
import { requestEmailChange } from "@/lib/accounts/change-email";
import { TOKEN_LIFETIME_HOURS } from "@/lib/accounts/tokens";
import { resendVerificationEmail } from "@/lib/accounts/verify-email";
import { signIn, signOut } from "@/lib/auth/config";
import { changePassword } from "@/lib/users/change-password";
import { deleteMyAccount } from "@/lib/privacy/delete-account";
import { memberAction, NO_FIELDS } from "@/lib/form-action";
import { changeEmailSchema, changePasswordSchema, deleteAccountSchema } from "@/lib/validation/auth";
import { IDLE, type FormState } from "@/lib/validation/form-state";

export async function changePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: changePasswordSchema }, async ({ actor, data }) => {
    await changePassword(actor, data);
    // Every other session is now void; this one starts afresh with the new password.
    await signIn("credentials", {
      email: actor.email,
      password: data.newPassword,
      redirectTo: "/dashboard/account?changed=1",
    });
    return IDLE;
  });
}

export async function deleteAccountAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: deleteAccountSchema }, async ({ actor, data }) => {
    await deleteMyAccount(actor, data.password);
    await signOut({ redirectTo: "/?account=deleted" });
    return IDLE;
  });
}

/** "Send the link again": a new link to confirm the member's address. */
export async function resendVerificationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: NO_FIELDS }, async ({ actor }) => {
    const { email } = await resendVerificationEmail(actor);
    return { status: "saved", message: `We have sent a new link to ${email}. It works for ${TOKEN_LIFETIME_HOURS.VERIFY_EMAIL} hours.` };
  });
}

/** A new e-mail address: confirmed by the link sent to it, nothing changes before. */
export async function changeEmailAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: changeEmailSchema }, async ({ actor, data }) => {
    const { email } = await requestEmailChange(actor, data);
    revalidatePath("/dashboard/account");
    return {
      status: "saved",
      message: `We have sent a link to ${email}. Open it within ${TOKEN_LIFETIME_HOURS.CHANGE_EMAIL} hours to confirm the change. Until then your address stays ${actor.email}.`,
    };
  });
}
