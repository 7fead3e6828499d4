"use server";

import { headers } from "next/headers";
import { requestPasswordReset } from "@/lib/accounts/reset-password";
import { clientAddress } from "@/lib/security/rate-limit";
import { visitorAction } from "@/lib/form-action";
import { forgottenPasswordSchema } from "@/lib/validation/auth";
import type { FormState } from "@/lib/validation/form-state";

export type ForgottenPasswordState = FormState<Record<never, never>, { status: "sent"; email: string }>;

/** The same answer whether or not an account uses the address, and whether or not a limit was reached. */
export async function forgottenPasswordAction(_previous: ForgottenPasswordState, formData: FormData): Promise<ForgottenPasswordState> {
  return visitorAction(formData, { schema: forgottenPasswordSchema }, async ({ data }): Promise<ForgottenPasswordState> => {
    await requestPasswordReset(data.email, clientAddress(await headers()));
    return { status: "sent", email: data.email };
  });
}
