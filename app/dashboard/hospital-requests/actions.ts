"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { approveHospitalRequest, declineHospitalRequest, mergeHospitalRequest } from "@/lib/reference/hospital-requests";
import { parseForm, refusal } from "@/lib/validation/form-state";
import {
  approveHospitalRequestSchema,
  declineHospitalRequestSchema,
  mergeHospitalRequestSchema,
  type HospitalDecisionState,
} from "@/lib/validation/hospital-requests";

/** Runs a decision; a refusal (another administrator went first, a code taken) is said on the form, filled in as sent. */
async function attempt(formData: FormData, decision: () => Promise<unknown>, outcome: string): Promise<HospitalDecisionState> {
  try {
    await decision();
  } catch (error) {
    revalidatePath("/dashboard/hospital-requests");
    return refusal(error, formData);
  }
  revalidatePath("/dashboard", "layout");
  // Back to the list, which says what was done: the request's own page is gone once decided.
  redirect(`/dashboard/hospital-requests?decided=${outcome}`);
}

export async function approveHospitalRequestAction(_previous: HospitalDecisionState, formData: FormData): Promise<HospitalDecisionState> {
  const actor = await requireActor();
  const parsed = parseForm(approveHospitalRequestSchema, formData);
  if (!parsed.ok) return parsed.state;
  return attempt(formData, () => approveHospitalRequest(actor, parsed.data), "approved");
}

export async function mergeHospitalRequestAction(_previous: HospitalDecisionState, formData: FormData): Promise<HospitalDecisionState> {
  const actor = await requireActor();
  const parsed = parseForm(mergeHospitalRequestSchema, formData);
  if (!parsed.ok) return parsed.state;
  return attempt(formData, () => mergeHospitalRequest(actor, parsed.data), "merged");
}

export async function declineHospitalRequestAction(_previous: HospitalDecisionState, formData: FormData): Promise<HospitalDecisionState> {
  const actor = await requireActor();
  const parsed = parseForm(declineHospitalRequestSchema, formData);
  if (!parsed.ok) return parsed.state;
  return attempt(formData, () => declineHospitalRequest(actor, parsed.data), "declined");
}
