"use server";

import { redirect } from "next/navigation";
import { resetPassword } from "@/lib/accounts/reset-password";
import { visitorAction } from "@/lib/form-action";
import { resetPasswordSchema } from "@/lib/validation/auth";
import type { FormState } from "@/lib/validation/form-state";

/** A new password from a reset link: then to sign in, signed out everywhere; or back to the page, which says why the link failed. */
export async function resetPasswordAction(token: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return visitorAction(formData, { schema: resetPasswordSchema }, async ({ data }) => {
    const result = await resetPassword(String(token), data.password);
    if (!result.ok) redirect(`/reset-password/${encodeURIComponent(String(token))}`);
    redirect("/signin?done=reset");
  });
}
