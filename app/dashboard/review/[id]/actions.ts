"use server";

import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { decideProposal } from "@/lib/projects/lifecycle";
import { submitReview } from "@/lib/reviews/reviews";
import { parseForm, refusal, type FormState } from "@/lib/validation/form-state";
import { decisionSchema, reviewSchema } from "@/lib/validation/proposals";

export async function submitReviewAction(projectId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  const parsed = parseForm(reviewSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await submitReview(actor, projectId, parsed.data);
  } catch (error) {
    return refusal(error, formData);
  }
  redirect(`/dashboard/review/${projectId}?reviewed=1`);
}

export async function decideProposalAction(projectId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const actor = await requireActor();
  const parsed = parseForm(decisionSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await decideProposal(actor, projectId, parsed.data);
  } catch (error) {
    return refusal(error, formData);
  }
  redirect(`/dashboard/review/${projectId}?decided=1`);
}
