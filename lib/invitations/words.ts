// How an invitation's place reads in sentences, pages and e-mails. Pure, so
// that the e-mail, the notification and the page say the same thing.
import type { InvitationKind } from "@/lib/generated/prisma/enums";

export interface PlaceFacts {
  kind: InvitationKind;
  project: { title: string };
  site: { name: string } | null;
}

/** "a co-lead", "a site lead", "a collaborator". */
export function roleWords(kind: InvitationKind): string {
  if (kind === "SITE_OBSERVER") return "an observer";
  return kind === "CO_LEAD" ? "a co-lead" : kind === "SITE_LEAD" ? "a site lead" : "a collaborator";
}

export function projectWords(title: string): string {
  return title ? `“${title}”` : "an untitled proposal";
}

/** "of “Title”" or "at Addenbrooke's Hospital in “Title”". */
export function whereWords(place: PlaceFacts): string {
  return place.site ? `at ${place.site.name} in ${projectWords(place.project.title)}` : `of ${projectWords(place.project.title)}`;
}

/** "a collaborator at Addenbrooke's Hospital in “Title”". */
export function placeWords(place: PlaceFacts): string {
  return `${roleWords(place.kind)} ${whereWords(place)}`;
}

/** A heading for the place: "Co-lead of “Title”". */
export function placeHeading(place: PlaceFacts): string {
  const role = INVITATION_ROLE_LABELS[place.kind];
  return `${role} ${whereWords(place)}`;
}

export const INVITATION_ROLE_LABELS: Record<InvitationKind, string> = {
  CO_LEAD: "Co-lead",
  SITE_LEAD: "Site lead",
  TEAM_MEMBER: "Collaborator",
  SITE_OBSERVER: "Observer (supervising consultant)",
};
