// Pure: what changed between two submitted versions of a proposal, field by field.
import { PROPOSAL_FIELD_LABELS, type ProposalContent } from "@/lib/validation/proposals";

export interface FieldChange {
  field: keyof ProposalContent;
  label: string;
  before: string;
  after: string;
}

const FIELDS = Object.keys(PROPOSAL_FIELD_LABELS) as (keyof ProposalContent)[];

/** A value as the committee reads it; lists are order-free, so they are sorted. */
function shown(value: ProposalContent[keyof ProposalContent] | undefined): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return [...value].sort().join(", ");
  return String(value).trim();
}

/**
 * The fields whose value differs between `before` and `after`, in form order.
 * Versions stored before a field existed read it as empty.
 */
export function diffProposalVersions(before: Partial<ProposalContent>, after: Partial<ProposalContent>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of FIELDS) {
    const was = shown(before[field]);
    const now = shown(after[field]);
    if (was !== now) changes.push({ field, label: PROPOSAL_FIELD_LABELS[field], before: was, after: now });
  }
  return changes;
}
