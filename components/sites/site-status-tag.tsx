import type { ProjectSiteStatus } from "@/lib/generated/prisma/enums";
import { SITE_STATUS_LABELS } from "@/lib/validation/sites";

const TONES: Record<ProjectSiteStatus, string> = {
  REGISTERED: "bg-[#e8edee] text-ink",
  APPROVALS_PENDING: "bg-[#fff4c2] text-[#594d00]",
  ACTIVE: "bg-[#cce5d8] text-[#00401e]",
  COMPLETE: "bg-[#d2e2f1] text-[#003d78]",
  WITHDRAWN: "bg-[#f6d7d2] text-[#6b1710]",
};

export function SiteStatusTag({ status }: { status: ProjectSiteStatus }) {
  return <strong className={`inline-block px-2 py-0.5 text-sm font-semibold ${TONES[status]}`}>{SITE_STATUS_LABELS[status]}</strong>;
}
