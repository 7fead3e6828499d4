"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { leaveProject, registerInterest, requestToJoin } from "@/lib/collaborations/participation";
import { memberAction } from "@/lib/form-action";
import { uuidSchema } from "@/lib/validation/fields";
import { IDLE, type FormState } from "@/lib/validation/form-state";
import { leaveSchema } from "@/lib/validation/participation";
import { periodChoiceSchema } from "@/lib/validation/periods";

const joinSchema = z.object({ projectSiteId: uuidSchema("Select the hospital where you will take part"), periodId: periodChoiceSchema });
const projectSchema = z.object({ projectId: uuidSchema("That project could not be found") });

function refresh(slug: string) {
  revalidatePath(`/projects/${slug}`);
  revalidatePath("/dashboard", "layout");
}

export async function joinProjectAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: joinSchema }, async ({ actor, data }) => {
    await requestToJoin(actor, data.projectSiteId, data.periodId);
    refresh(slug);
    return IDLE;
  });
}

export async function leaveProjectAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: leaveSchema }, async ({ actor, data }) => {
    await leaveProject(actor, data.collaborationId, data.choice);
    refresh(slug);
    return IDLE;
  });
}

export async function registerInterestAction(slug: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: projectSchema }, async ({ actor, data }) => {
    await registerInterest(actor, data.projectId);
    refresh(slug);
    return IDLE;
  });
}
