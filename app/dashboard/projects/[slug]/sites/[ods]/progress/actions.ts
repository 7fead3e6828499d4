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
    const total = `${recorded.cumulativeCases} ${recorded.cumulativeCases === 1 ? "case" : "cases"}`;
    return {
      status: "saved",
      message: recorded.periodCases === null ? `Recorded: ${total} so far.` : `Recorded: ${recorded.periodCases} in this period, ${total} so far in all.`,
    };
  });
}
