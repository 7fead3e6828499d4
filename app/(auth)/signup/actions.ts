"use server";

import { signIn } from "@/lib/auth/config";
import { registerTrainee } from "@/lib/users/register-trainee";
import { signUpSchema } from "@/lib/validation/auth";
import { failure, parseForm, type FormState } from "@/lib/validation/form-state";

export async function signUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(signUpSchema, formData);
  if (!parsed.ok) return parsed.state;
  const result = await registerTrainee(parsed.data);
  if (!result.ok) return failure(formData, result.fieldErrors);
  await signIn("credentials", {
    email: parsed.data.email,
    password: parsed.data.password,
    redirectTo: "/dashboard?welcome=1",
  });
  return { status: "idle" };
}
