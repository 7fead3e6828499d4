"use server";

import { revalidatePath } from "next/cache";
import { leaveProject } from "@/lib/collaborations/participation";
import { memberAction } from "@/lib/form-action";
import { IDLE, type FormState } from "@/lib/validation/form-state";
import { leaveSchema as schema } from "@/lib/validation/participation";

export async function leaveFromResearchAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema }, async ({ actor, data }) => {
    await leaveProject(actor, data.collaborationId, data.choice);
    revalidatePath("/dashboard", "layout");
    return IDLE;
  });
}
