"use server";

import { revalidatePath } from "next/cache";
import { assignReviewers, changeAssignmentDue, remindNow, withdrawAssignment } from "@/lib/reviews/assignments";
import { memberAction } from "@/lib/form-action";
import { formatLongDay } from "@/lib/format/dates";
import type { FormState } from "@/lib/validation/form-state";
import { assignmentIdSchema, assignReviewerSchema, changeDueSchema } from "@/lib/validation/review-chair";

const refresh = (projectId: string) => () => revalidatePath(`/dashboard/review/${projectId}/reviewers`);

/** "Assign the reviewer": one committee member, by a date. */
export async function assignReviewerAction(projectId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: assignReviewerSchema, onRefusal: refresh(projectId) }, async ({ actor, data }) => {
    const { assigned, reminded } = await assignReviewers(actor, projectId, { reviewerIds: [data.reviewerId], dueOn: data.dueOn });
    refresh(projectId)();
    const name = assigned.map((person) => person.name).join(", ");
    return {
      status: "saved",
      message: `${name} is asked to review this version by ${formatLongDay(data.dueOn)}, and has been told.${reminded > 0 ? " The date is within two days, so a reminder was sent too." : ""}`,
    };
  });
}

export async function changeDueAction(projectId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: changeDueSchema, onRefusal: refresh(projectId) }, async ({ actor, data }) => {
    const { name } = await changeAssignmentDue(actor, projectId, data);
    refresh(projectId)();
    return { status: "saved", message: `${name}'s review is now due on ${formatLongDay(data.dueOn)}. They have been told.` };
  });
}

export async function remindReviewerAction(projectId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: assignmentIdSchema, onRefusal: refresh(projectId) }, async ({ actor, data }) => {
    const { name } = await remindNow(actor, projectId, data.assignmentId);
    refresh(projectId)();
    return { status: "saved", message: `A reminder has been sent to ${name}.` };
  });
}

export async function withdrawAssignmentAction(projectId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: assignmentIdSchema, onRefusal: refresh(projectId) }, async ({ actor, data }) => {
    const { name } = await withdrawAssignment(actor, projectId, data.assignmentId);
    refresh(projectId)();
    return { status: "saved", message: `${name} is no longer asked to review this version.` };
  });
}
