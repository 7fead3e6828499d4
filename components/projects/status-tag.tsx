import type { ProjectStatus } from "@/lib/generated/prisma/enums";
import { STATUS_LABELS } from "@/lib/validation/projects";

const TONES: Partial<Record<ProjectStatus, string>> = {
  SITE_SETUP: "bg-[#d2e2f1] text-[#003d78]",
  DATA_COLLECTION: "bg-[#cce5d8] text-[#00401e]",
  ANALYSIS: "bg-[#fff4c2] text-[#594d00]",
  COMPLETED: "bg-[#e8edee] text-ink",
};

export function StatusTag({ status }: { status: ProjectStatus }) {
  return (
    <strong className={`inline-block px-2 py-0.5 text-sm font-semibold ${TONES[status] ?? "bg-line text-ink"}`}>
      {STATUS_LABELS[status]}
    </strong>
  );
}
