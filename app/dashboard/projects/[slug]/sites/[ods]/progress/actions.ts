"use server";

import { revalidatePath } from "next/cache";
import { recordProgress } from "@/lib/sites/progress";
import { memberAction } from "@/lib/form-action";
import type { FormState } from "@/lib/validation/form-state";
import { recordProgressSchema } from "@/lib/validation/sites";

export async function recordProgressAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: recordProgressSchema }, async ({ actor, data }) => {
    const recorded = await recordProgress(actor, data);
    revalidatePath("/dashboard", "layout");
    return { status: "saved", message: `Recorded: ${recorded.cumulativeCases} ${recorded.cumulativeCases === 1 ? "case" : "cases"} so far.` };
  });
}
