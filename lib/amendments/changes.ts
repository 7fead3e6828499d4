// Pure: what an amendment changes, as stored in ProjectAmendment.changes (only the fields it
// changes), how it reads against the project (the committee's field-by-field comparison, through
// lib/projects/diff), and what it means for the site leads.
import { diffProposalVersions, type FieldChange } from "@/lib/projects/diff";
import type { ProposalContent } from "@/lib/validation/proposals";
import type { AmendmentInput } from "@/lib/validation/amendments";

/** The fields of a proposal an amendment may change. */
export const AMENDABLE_FIELDS = ["collectionStart", "collectionEnd", "targetSites", "targetCasesPerSite", "methods", "dataItems"] as const;
export type AmendableField = (typeof AMENDABLE_FIELDS)[number];

export interface CoLeadChanges {
  /** Co-leads who stop leading the project once the amendment is approved. */
  remove: { id: string; name: string }[];
  /** Addresses invited to co-lead once the amendment is approved: each becomes a co-lead only by accepting. */
  invite: string[];
}

export type AmendmentChanges = Partial<Pick<ProposalContent, AmendableField>> & { coLeads?: CoLeadChanges };

/** What a site lead's work depends on: a change to any of these is told to every site lead. */
const SITE_FIELDS: readonly AmendableField[] = AMENDABLE_FIELDS;

/** The fields whose proposed value differs from the project's, with the co-lead changes; empty when nothing changes. */
export function changesOf(current: ProposalContent, coLeads: { id: string; name: string }[], input: AmendmentInput): AmendmentChanges {
  const changes: AmendmentChanges = {};
  const proposed: Pick<ProposalContent, AmendableField> = {
    collectionStart: input.collectionStart,
    collectionEnd: input.collectionEnd,
    targetSites: input.targetSites,
    targetCasesPerSite: input.targetCasesPerSite,
    methods: input.methods,
    dataItems: input.dataItems,
  };
  for (const field of AMENDABLE_FIELDS) {
    const now = current[field];
    const next = proposed[field];
    const same = typeof now === "string" && typeof next === "string" ? now.trim() === next.trim() : now === next;
    if (!same) (changes as Record<string, unknown>)[field] = next;
  }
  const remove = coLeads.filter((lead) => !input.keepCoLeadIds.includes(lead.id));
  const invite = input.inviteCoLead ? [input.inviteCoLead.trim().toLowerCase()] : [];
  if (remove.length > 0 || invite.length > 0) changes.coLeads = { remove, invite };
  return changes;
}

export function isEmpty(changes: AmendmentChanges): boolean {
  return Object.keys(changes).length === 0;
}

/** The project's content as it would read once the amendment applies (invitations shown as such). */
export function amendedContent(current: ProposalContent, changes: AmendmentChanges): ProposalContent {
  const { coLeads, ...fields } = changes;
  const removed = new Set(coLeads?.remove.map((lead) => lead.name) ?? []);
  return {
    ...current,
    ...fields,
    coLeads: [...current.coLeads.filter((name) => !removed.has(name)), ...(coLeads?.invite.map((email) => `${email} (invited)`) ?? [])],
  };
}

/** The committee's comparison, field by field, in the form's order. */
export function comparisonOf(current: ProposalContent, changes: AmendmentChanges): FieldChange[] {
  return diffProposalVersions(current, amendedContent(current, changes));
}

/** Whether the amendment changes what the sites do (their window, targets, methods or data items). */
export function changesSiteWork(changes: AmendmentChanges): boolean {
  return SITE_FIELDS.some((field) => field in changes);
}

const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const spoken = (iso: string) => longDate.format(new Date(`${iso}T00:00:00Z`));

/** What changed for the sites, in sentences ("The collection window now ends on 31 March 2027."). */
export function siteSentences(changes: AmendmentChanges): string[] {
  const said: string[] = [];
  if (changes.collectionStart) said.push(`The collection window now starts on ${spoken(changes.collectionStart)}.`);
  if (changes.collectionEnd) said.push(`The collection window now ends on ${spoken(changes.collectionEnd)}.`);
  if (changes.targetSites != null) said.push(`The target is now ${changes.targetSites} ${changes.targetSites === 1 ? "site" : "sites"}.`);
  if (changes.targetCasesPerSite != null) {
    said.push(`The target is now ${changes.targetCasesPerSite} ${changes.targetCasesPerSite === 1 ? "case" : "cases"} per site.`);
  }
  if (changes.methods !== undefined) said.push("The methods have changed.");
  if (changes.dataItems !== undefined) said.push("The data items to be collected have changed.");
  return said;
}
