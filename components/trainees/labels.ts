import type { CollaborationRole, CollaborationStatus } from "@/lib/generated/prisma/enums";

export const COLLABORATION_STATUS_LABELS: Record<CollaborationStatus, string> = {
  REQUESTED: "Waiting for the site lead",
  CONFIRMED: "Confirmed",
  DECLINED: "Declined",
  LEFT: "Left",
  ROTATED: "Moved to another hospital",
};

export const ROLE_LABELS: Record<CollaborationRole, string> = {
  SITE_LEAD: "Site lead",
  COLLABORATOR: "Collaborator",
};

const HISTORY_LABELS: Record<string, string> = {
  "collaboration.requested": "Asked to join",
  "collaboration.confirmed": "Confirmed by the site lead",
  "collaboration.declined": "Declined by the site lead",
  "collaboration.left": "Left the project",
  "collaboration.rotated": "Moved to another hospital, keeping the credit for the time here",
  "collaboration.removed": "Removed from the team by the site lead",
  "certificate.issued": "Certificate issued",
};

export const historyLabel = (action: string) => HISTORY_LABELS[action] ?? action;
