"use server";

import { revalidatePath } from "next/cache";
import { changeCallClosing, createCall } from "@/lib/reviews/calls";
import { memberAction } from "@/lib/form-action";
import { formatLongDay } from "@/lib/format/dates";
import type { FormState } from "@/lib/validation/form-state";
import { callClosingSchema, callSchema } from "@/lib/validation/review-chair";

const refresh = () => revalidatePath("/dashboard/review/calls");

export async function createCallAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: callSchema }, async ({ actor, data }) => {
    const call = await createCall(actor, data);
    refresh();
    return { status: "saved", message: `The call "${call.title}" is saved. It is open from ${formatLongDay(data.opensOn)} to ${formatLongDay(data.closesOn)}.` };
  });
}

export async function changeCallClosingAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: callClosingSchema, onRefusal: refresh }, async ({ actor, data }) => {
    const call = await changeCallClosing(actor, data);
    refresh();
    return { status: "saved", message: `The call "${call.title}" now closes on ${formatLongDay(data.closesOn)}.` };
  });
}
