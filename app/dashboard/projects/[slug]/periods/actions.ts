"use server";

import { revalidatePath } from "next/cache";
import { deletePeriod, editPeriod, generateProjectPeriods } from "@/lib/periods/periods";
import { memberAction } from "@/lib/form-action";
import type { FormState } from "@/lib/validation/form-state";
import { deletePeriodSchema, editPeriodSchema, generatePeriodsSchema } from "@/lib/validation/periods";

const refresh = () => revalidatePath("/dashboard", "layout");

export async function generatePeriodsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: generatePeriodsSchema }, async ({ actor, data }) => {
    const made = await generateProjectPeriods(actor, data);
    refresh();
    return { status: "saved", message: `Data collection now runs in ${made} ${made === 1 ? "period" : "periods"} of up to ${data.weeks} ${data.weeks === 1 ? "week" : "weeks"}.` };
  });
}

export async function editPeriodAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: editPeriodSchema, onRefusal: refresh }, async ({ actor, data }) => {
    await editPeriod(actor, data);
    refresh();
    return { status: "saved", message: "The period's dates have been changed." };
  });
}

export async function deletePeriodAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: deletePeriodSchema, onRefusal: refresh }, async ({ actor, data }) => {
    await deletePeriod(actor, data);
    refresh();
    return { status: "saved", message: "The period has been deleted." };
  });
}
