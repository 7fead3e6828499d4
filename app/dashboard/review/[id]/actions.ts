"use server";

import { redirect } from "next/navigation";
import { decideProposal } from "@/lib/projects/lifecycle";
import { submitReview } from "@/lib/reviews/reviews";
import { declareConflict } from "@/lib/reviews/conflicts";
import { memberAction } from "@/lib/form-action";
import type { FormState } from "@/lib/validation/form-state";
import { conflictSchema, decisionSchema, reviewSchema } from "@/lib/validation/proposals";

export async function submitReviewAction(projectId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: reviewSchema }, async ({ actor, data }) => {
    await submitReview(actor, projectId, data);
    redirect(`/dashboard/review/${projectId}?reviewed=1`);
  });
}

export async function decideProposalAction(projectId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: decisionSchema }, async ({ actor, data }) => {
    await decideProposal(actor, projectId, data);
    redirect(`/dashboard/review/${projectId}?decided=1`);
  });
}

export async function declareConflictAction(projectId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: conflictSchema }, async ({ actor, data }) => {
    await declareConflict(actor, projectId, data);
    redirect(`/dashboard/review/${projectId}?declared=1`);
  });
}
