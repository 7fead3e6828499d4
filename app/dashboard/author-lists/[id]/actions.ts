"use server";

import { revalidatePath } from "next/cache";
import { answerAuthorList } from "@/lib/author-lists/author-lists";
import { memberAction } from "@/lib/form-action";
import type { FormState } from "@/lib/validation/form-state";
import { answerAuthorListSchema } from "@/lib/validation/author-lists";

export async function answerAuthorListAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: answerAuthorListSchema }, async ({ actor, data }) => {
    const answer = await answerAuthorList(actor, data);
    revalidatePath("/dashboard", "layout");
    return {
      status: "saved",
      message:
        answer === "CONFIRMED"
          ? "Thank you: you confirmed your name as printed."
          : "Thank you: the project lead has your correction and can issue a corrected version.",
    };
  });
}
