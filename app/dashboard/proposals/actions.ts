"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { IncompleteProposalError, LEAD_MOVES, submitProposal, type LeadMove } from "@/lib/projects/lifecycle";
import { withdrawInvitation } from "@/lib/invitations/lifecycle";
import { saveProposalDraft } from "@/lib/projects/proposals";
import { memberAction, NO_FIELDS } from "@/lib/form-action";
import { CANNOT, fieldErrorsOf, refusalOf, type FormState } from "@/lib/validation/form-state";
import { withdrawInvitationSchema } from "@/lib/validation/invitations";
import type { ProposalFormState } from "@/lib/validation/proposal-form-state";
import { proposalInputFromForm, proposalSubmitSchema } from "@/lib/validation/proposals";

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

/** Save draft, or save and submit: the two buttons of the proposal form. */
export async function saveProposalAction(_previous: ProposalFormState, formData: FormData): Promise<ProposalFormState> {
  const form = proposalInputFromForm(formData);
  const addCoLead = text(formData, "addCoLead").slice(0, 254);
  const addCoLeadId = text(formData, "addCoLeadId") || undefined;
  const keepCoLeadIds = formData.getAll("keepCoLeadIds").filter((value): value is string => typeof value === "string");
  const keepInvitationIds = formData.getAll("keepInvitationIds").filter((value): value is string => typeof value === "string");
  const projectId = text(formData, "projectId") || null;
  const versionText = text(formData, "version");
  const submitting = text(formData, "intent") === "submit";
  // Absent from a form without the call field: the call stays as it is.
  const callId = formData.has("callId") ? text(formData, "callId").slice(0, 64) : undefined;
  const values = { ...form, addCoLead, keepCoLeadIds, keepInvitationIds, ...(callId === undefined ? {} : { callId }) };
  const answer = (fields: Partial<Extract<ProposalFormState, { status: "error" }>>): ProposalFormState => ({
    status: "error",
    fieldErrors: {},
    projectId,
    version: versionText ? Number(versionText) : null,
    values,
    ...fields,
  });

  // A refusal to save is said above the form, the proposal kept as typed.
  const fail = (fieldErrors: Record<string, string>, formError?: string) => answer({ formError: formError ?? Object.values(fieldErrors).join(" ") });
  return memberAction(formData, { schema: NO_FIELDS, fail }, async ({ actor }) => {
    const saved = await saveProposalDraft(actor, projectId, {
      form,
      keepCoLeadIds,
      keepInvitationIds,
      addCoLead,
      ...(callId === undefined ? {} : { callId: callId || null }),
      ...(addCoLeadId ? { addCoLeadId } : {}),
      ...(versionText ? { expectedVersion: Number(versionText) } : {}),
    });
    const after = {
      projectId: saved.id,
      version: saved.version,
      coLeads: saved.coLeads,
      invitedCoLeads: saved.invitedCoLeads,
      // Every co-lead and invitation now saved stays ticked, and a name that was invited is not offered again.
      values: {
        ...values,
        addCoLead: saved.fieldErrors.addCoLead ? addCoLead : "",
        keepCoLeadIds: saved.coLeads.map((lead) => lead.id),
        keepInvitationIds: saved.invitedCoLeads.map((invitation) => invitation.id),
      },
      ...(saved.coLeadChoices ? { coLeadChoices: saved.coLeadChoices } : {}),
    };

    const invited = saved.invited ? ` An invitation to be a co-lead was sent to ${saved.invited}: they become a co-lead when they accept it.` : "";
    if (!submitting) {
      if (Object.keys(saved.fieldErrors).length === 0) redirect(`/dashboard/proposals/${saved.id}?saved=1${saved.invited ? "&invited=1" : ""}`);
      return answer({
        ...after,
        fieldErrors: saved.fieldErrors,
        notice: `Your draft has been saved, apart from the fields marked below. Correct them and save again.${invited}`,
      });
    }

    const complete = proposalSubmitSchema.safeParse(form);
    const fieldErrors = { ...(complete.success ? {} : fieldErrorsOf(complete.error)), ...saved.fieldErrors };
    if (Object.keys(fieldErrors).length > 0) {
      return answer({ ...after, fieldErrors, notice: `Your draft has been saved, but it cannot be submitted yet. Complete the fields marked below.${invited}` });
    }
    try {
      await submitProposal(actor, saved.id, { expectedVersion: saved.version });
    } catch (error) {
      if (error instanceof IncompleteProposalError) return answer({ ...after, fieldErrors: error.fieldErrors, notice: error.message });
      // The draft is saved by now: the answer keeps it (its id and version), not the form as first sent.
      return answer({ ...after, formError: refusalOf(error).message });
    }
    redirect(`/dashboard/proposals/${saved.id}?submitted=1`);
  });
}

/** One lifecycle button of the management page; refused moves say why. */
export async function moveProjectAction(projectId: string, move: LeadMove): Promise<FormState> {
  const fail = (fieldErrors: Record<string, string>, formError?: string): FormState => ({
    status: "refused",
    message: formError ?? Object.values(fieldErrors).join(" "),
  });
  return memberAction(new FormData(), { schema: NO_FIELDS, fail }, async ({ actor }) => {
    // The move name arrives from the browser: only the table's own names are taken.
    if (!Object.hasOwn(LEAD_MOVES, move)) return fail({}, CANNOT);
    await LEAD_MOVES[move](actor, projectId);
    redirect(`/dashboard/proposals/${projectId}?moved=${move}`);
  });
}

/** Withdraws a co-lead invitation once the proposal is no longer in the form (with the committee, or running). */
export async function withdrawCoLeadInvitationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return memberAction(formData, { schema: withdrawInvitationSchema }, async ({ actor, data }) => {
    await withdrawInvitation(actor, data.invitationId);
    revalidatePath("/dashboard/proposals", "layout");
    return { status: "saved", message: "The invitation has been withdrawn." };
  });
}
