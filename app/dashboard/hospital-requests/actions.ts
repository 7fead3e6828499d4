"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { approveHospitalRequest, declineHospitalRequest, mergeHospitalRequest } from "@/lib/reference/hospital-requests";
import type { Actor } from "@/lib/auth/session";
import { memberAction } from "@/lib/form-action";
import type { FormState } from "@/lib/validation/form-state";
import {
  approveHospitalRequestSchema,
  declineHospitalRequestSchema,
  mergeHospitalRequestSchema,
} from "@/lib/validation/hospital-requests";

/** Runs a decision; a refusal (another administrator went first, a code taken) is said on the form, filled in as sent. */
function decide<Schema extends z.ZodType>(
  formData: FormData,
  schema: Schema,
  decision: (actor: Actor, data: z.output<Schema>) => Promise<unknown>,
  outcome: string,
): Promise<FormState> {
  const onRefusal = () => revalidatePath("/dashboard/hospital-requests");
  return memberAction(formData, { schema, onRefusal }, async ({ actor, data }) => {
    await decision(actor, data);
    revalidatePath("/dashboard", "layout");
    // Back to the list, which says what was done: the request's own page is gone once decided.
    redirect(`/dashboard/hospital-requests?decided=${outcome}`);
  });
}

export async function approveHospitalRequestAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return decide(formData, approveHospitalRequestSchema, approveHospitalRequest, "approved");
}

export async function mergeHospitalRequestAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return decide(formData, mergeHospitalRequestSchema, mergeHospitalRequest, "merged");
}

export async function declineHospitalRequestAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return decide(formData, declineHospitalRequestSchema, declineHospitalRequest, "declined");
}
