"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { leaveProject } from "@/lib/collaborations/participation";
import { memberAction } from "@/lib/form-action";
import { uuidSchema } from "@/lib/validation/fields";
import { IDLE, type FormState } from "@/lib/validation/form-state";

const schema = z.object({ collaborationId: uuidSchema("That collaboration could not be found") });

export async function leaveFromResearchAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema }, async ({ actor, data }) => {
    await leaveProject(actor, data.collaborationId);
    revalidatePath("/dashboard", "layout");
    return IDLE;
  });
}
