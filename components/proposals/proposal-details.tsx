import { formatDate } from "@/lib/format/dates";
import { DESIGN_LABELS, MODALITY_LABELS } from "@/lib/validation/projects";
import { GOVERNANCE_LABELS, PROPOSAL_FIELD_LABELS, SUBSPECIALTY_LABELS, type ProposalContent } from "@/lib/validation/proposals";

const day = (iso: string | null) => (iso ? formatDate(new Date(`${iso}T00:00:00Z`)) : "");

/** A field's value as a person reads it (labels, not codes). */
export function shownValue(field: keyof ProposalContent, content: Partial<ProposalContent>): string {
  const value = content[field];
  switch (field) {
    case "design":
      return content.design ? DESIGN_LABELS[content.design] : "";
    case "governanceRoute":
      return content.governanceRoute ? GOVERNANCE_LABELS[content.governanceRoute] : "";
    case "modalities":
      return (content.modalities ?? []).map((code) => MODALITY_LABELS[code]).join(", ");
    case "subspecialties":
      return (content.subspecialties ?? []).map((code) => SUBSPECIALTY_LABELS[code]).join(", ");
    case "collectionStart":
    case "collectionEnd":
      return day((value as string | null) ?? null);
    case "coLeads":
      return (content.coLeads ?? []).join(", ");
    default:
      return value === null || value === undefined ? "" : String(value);
  }
}

/** Every field of a proposal, read-only. */
export function ProposalDetails({ content }: { content: Partial<ProposalContent> }) {
  const fields = Object.keys(PROPOSAL_FIELD_LABELS) as (keyof ProposalContent)[];
  return (
    <dl className="grid max-w-3xl grid-cols-1 gap-x-6 gap-y-2 bg-white p-4 sm:grid-cols-[12rem_1fr]">
      {fields.map((field) => (
        <div key={field} className="contents">
          <dt className="font-semibold">{PROPOSAL_FIELD_LABELS[field]}</dt>
          <dd className="whitespace-pre-line">{shownValue(field, content) || "Not given"}</dd>
        </div>
      ))}
    </dl>
  );
}
