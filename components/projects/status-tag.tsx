import type { ProjectStatus } from "@/lib/generated/prisma/enums";
import { STATUS_LABELS } from "@/lib/validation/projects";
import { Tag, type TagTone } from "@/components/ui/tag";

const TONES: Partial<Record<ProjectStatus, TagTone>> = {
  SITE_SETUP: "blue",
  DATA_COLLECTION: "green",
  ANALYSIS: "yellow",
  COMPLETED: "grey",
};

export function StatusTag({ status }: { status: ProjectStatus }) {
  return <Tag tone={TONES[status] ?? "plain"}>{STATUS_LABELS[status]}</Tag>;
}
