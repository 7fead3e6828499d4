"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth/config";
import { RETURN_PARAM, safeReturnPath } from "@/lib/auth/return-path";
import { visitorAction } from "@/lib/form-action";
import { signInSchema } from "@/lib/validation/auth";
import type { FormState } from "@/lib/validation/form-state";

const WRONG_CREDENTIALS = "The e-mail address or password is not right. Check them and try again.";
const TOO_MANY_ATTEMPTS =
  "There have been too many attempts to sign in from here. Wait 15 minutes, then try again, or choose a new password with “Forgotten your password?”.";
const ACCOUNT_LIMITED =
  "There have been too many wrong passwords for this account today, from several places. To sign in now, choose a new password with “Forgotten your password?”: the link we e-mail you lets you straight back in.";

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return visitorAction(formData, { schema: signInSchema }, async ({ data, fail }) => {
    try {
      // The form's return path is checked again here: the page's check does not bind what is posted.
      await signIn("credentials", { ...data, redirectTo: safeReturnPath(formData.get(RETURN_PARAM)) });
    } catch (error) {
      // A successful sign-in ends in a redirect, which Next.js throws: let it through.
      if (error instanceof CredentialsSignin && error.code === "rate_limited") return fail({}, TOO_MANY_ATTEMPTS);
      if (error instanceof CredentialsSignin && error.code === "account_limited") return fail({}, ACCOUNT_LIMITED);
      if (error instanceof AuthError) return fail({}, WRONG_CREDENTIALS);
      throw error;
    }
    return fail({}, WRONG_CREDENTIALS);
  });
}
