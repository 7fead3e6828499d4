import type { ProjectSiteStatus } from "@/lib/generated/prisma/enums";
import { SITE_STATUS_LABELS } from "@/lib/validation/sites";
import { Tag, type TagTone } from "@/components/ui/tag";

const TONES: Record<ProjectSiteStatus, TagTone> = {
  REGISTERED: "grey",
  APPROVALS_PENDING: "yellow",
  ACTIVE: "green",
  COMPLETE: "blue",
  WITHDRAWN: "red",
};

export function SiteStatusTag({ status }: { status: ProjectSiteStatus }) {
  return <Tag tone={TONES[status]}>{SITE_STATUS_LABELS[status]}</Tag>;
}
