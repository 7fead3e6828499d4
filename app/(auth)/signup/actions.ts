"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signIn } from "@/lib/auth/config";
import { DEFAULT_RETURN_PATH, RETURN_PARAM, safeReturnPath } from "@/lib/auth/return-path";
import { clientAddress, consumeAttempt, LIMITS } from "@/lib/security/rate-limit";
import { registerTrainee } from "@/lib/users/register-trainee";
import { visitorAction } from "@/lib/form-action";
import { signUpSchema } from "@/lib/validation/auth";
import { invitationLinkSchema } from "@/lib/validation/invitations";
import { IDLE, type FormState } from "@/lib/validation/form-state";

export async function signUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return visitorAction(formData, { schema: signUpSchema }, async ({ data, fail }) => {
    if (!(await consumeAttempt(`sign-up:address:${clientAddress(await headers())}`, LIMITS.signUpPerAddress))) {
      return fail({}, "There have been too many sign-ups from your network. Wait an hour, then try again.");
    }
    // The invitation e-mail's link the form was opened from, if any: checked by lib/invitations/claim.
    const link = invitationLinkSchema.safeParse(Object.fromEntries(formData));
    const result = await registerTrainee(data, link.success ? link.data : null);
    if (!result.ok) return fail(result.fieldErrors);
    // Only an invitation's link for this very address (which its owner alone has) signs in at once.
    // Otherwise a new account and an address already registered get the same answer, so the
    // page tells nobody which addresses have accounts: the e-mail says which it was.
    if (result.outcome !== "created" || !result.addressConfirmed) redirect("/signup/check-your-inbox");
    const returnTo = safeReturnPath(formData.get(RETURN_PARAM));
    await signIn("credentials", {
      email: data.email,
      password: data.password,
      redirectTo: returnTo === DEFAULT_RETURN_PATH ? "/dashboard?welcome=invited" : returnTo,
    });
    return IDLE;
  });
}
