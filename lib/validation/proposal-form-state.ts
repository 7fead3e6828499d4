import type { FormState } from "./form-state";
import type { ProposalFormInput } from "./proposals";

/** What the proposal form's action hands back: everything typed, so nothing is lost. */
export type ProposalFormState = FormState<{
  /** Said above the errors when the draft was saved all the same. */
  notice?: string;
  projectId: string | null;
  version: number | null;
  values: ProposalFormInput & { addCoLead: string; keepCoLeadIds: string[]; keepInvitationIds: string[]; callId?: string };
  /** The co-leads as saved, when the form stays on the page after a save. */
  coLeads?: { id: string; name: string }[];
  /** The co-lead invitations waiting for an answer, as saved. */
  invitedCoLeads?: { id: string; label: string }[];
  /** Members a co-lead's name matched, to choose from (id and a label). */
  coLeadChoices?: { id: string; label: string }[];
}>;
