"use server";

import { redirect } from "next/navigation";
import { resetPassword } from "@/lib/accounts/reset-password";
import { resetPasswordSchema } from "@/lib/validation/auth";
import { parseForm, type FormState } from "@/lib/validation/form-state";

/** A new password from a reset link: then to sign in, signed out everywhere; or back to the page, which says why the link failed. */
export async function resetPasswordAction(token: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(resetPasswordSchema, formData);
  if (!parsed.ok) return parsed.state;
  const result = await resetPassword(String(token), parsed.data.password);
  if (!result.ok) redirect(`/reset-password/${encodeURIComponent(String(token))}`);
  redirect("/signin?done=reset");
}
