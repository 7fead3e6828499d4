"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { freezeAuthorList, giveCreditRole, issueNextVersion, takeBackCreditRole } from "@/lib/author-lists/author-lists";
import { CREDIT_ROLE_LABELS } from "@/lib/validation/credit-roles";
import type { z } from "zod";
import { memberAction, type ActionOptions } from "@/lib/form-action";
import type { Actor } from "@/lib/auth/session";
import type { FormState } from "@/lib/validation/form-state";
import { creditRoleSchema, freezeAuthorListSchema, issueAuthorListInput, issueAuthorListSchema } from "@/lib/validation/author-lists";

const refresh = () => revalidatePath("/dashboard", "layout");

/** Freezes a version by `freeze` and, once it is frozen, opens its page. */
async function freezeAndOpen<Schema extends z.ZodType>(
  formData: FormData,
  options: ActionOptions<Schema>,
  freeze: (actor: Actor, data: z.output<Schema>) => Promise<{ path: string; version: number }>,
): Promise<FormState> {
  let path = "";
  const state = await memberAction(formData, { ...options, onRefusal: refresh }, async ({ actor, data }) => {
    const list = await freeze(actor, data);
    path = list.path;
    return { status: "saved", message: `Version ${list.version} is frozen.` };
  });
  if (path) {
    refresh();
    redirect(path);
  }
  return state;
}

export async function freezeAuthorListAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return freezeAndOpen(formData, { schema: freezeAuthorListSchema }, freezeAuthorList);
}

export async function issueAuthorListAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return freezeAndOpen(formData, { schema: issueAuthorListSchema, input: issueAuthorListInput }, issueNextVersion);
}

export async function giveCreditRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: creditRoleSchema }, async ({ actor, data }) => {
    const result = await giveCreditRole(actor, data);
    refresh();
    return { status: "saved", message: result === "given" ? `Role given: ${CREDIT_ROLE_LABELS[data.role]}.` : `They already have that role: ${CREDIT_ROLE_LABELS[data.role]}.` };
  });
}

export async function takeBackCreditRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: creditRoleSchema }, async ({ actor, data }) => {
    await takeBackCreditRole(actor, data);
    refresh();
    return { status: "saved", message: `Role taken back: ${CREDIT_ROLE_LABELS[data.role]}.` };
  });
}
