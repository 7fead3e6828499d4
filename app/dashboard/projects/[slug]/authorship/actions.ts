"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { freezeAuthorList, giveCreditRole, issueNextVersion, takeBackCreditRole } from "@/lib/author-lists/author-lists";
import { CREDIT_ROLE_LABELS } from "@/lib/validation/credit-roles";
import { memberAction } from "@/lib/form-action";
import type { FormState } from "@/lib/validation/form-state";
import { creditRoleSchema, freezeAuthorListSchema, issueAuthorListInput, issueAuthorListSchema } from "@/lib/validation/author-lists";

const refresh = () => revalidatePath("/dashboard", "layout");

export async function freezeAuthorListAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let path = "";
  const state = await memberAction(formData, { schema: freezeAuthorListSchema, onRefusal: refresh }, async ({ actor, data }) => {
    const list = await freezeAuthorList(actor, data);
    path = list.path;
    return { status: "saved", message: `Version ${list.version} is frozen.` };
  });
  if (path) {
    refresh();
    redirect(path);
  }
  return state;
}

export async function issueAuthorListAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let path = "";
  const state = await memberAction(formData, { schema: issueAuthorListSchema, input: issueAuthorListInput, onRefusal: refresh }, async ({ actor, data }) => {
    const list = await issueNextVersion(actor, data);
    path = list.path;
    return { status: "saved", message: `Version ${list.version} is frozen.` };
  });
  if (path) {
    refresh();
    redirect(path);
  }
  return state;
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
