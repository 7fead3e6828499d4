"use server";

import { headers } from "next/headers";
import { requestPasswordReset } from "@/lib/accounts/reset-password";
import { clientAddress } from "@/lib/security/rate-limit";
import { forgottenPasswordSchema } from "@/lib/validation/auth";
import { parseForm, type FormState } from "@/lib/validation/form-state";

export type ForgottenPasswordState = FormState | { status: "sent"; email: string };

/** The same answer whether or not an account uses the address, and whether or not a limit was reached. */
export async function forgottenPasswordAction(_previous: ForgottenPasswordState, formData: FormData): Promise<ForgottenPasswordState> {
  const parsed = parseForm(forgottenPasswordSchema, formData);
  if (!parsed.ok) return parsed.state;
  await requestPasswordReset(parsed.data.email, clientAddress(await headers()));
  return { status: "sent", email: parsed.data.email };
}
