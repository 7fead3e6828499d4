// The collaborator authorship list of a project, as collaboratives such as
// STARSurg and GlobalSurg publish it under a PubMed-citable group name: each
// person as "Surname Initials", grouped by hospital (alphabetical) or by role.
// Pure: the data comes from lib/sites/exports.ts, so the text is tested exactly.
import type { CollaborationRole } from "@/lib/generated/prisma/enums";
import { authorshipLine, type AuthorshipInput } from "@/lib/trainees/authorship";
import type { AuthorshipGroup } from "@/lib/validation/sites";

export type AuthorshipPerson = Pick<AuthorshipInput, "name" | "authorSurname" | "authorInitials"> & { userId: string };

export interface AuthorshipSite {
  hospital: string;
  /** The site's current cumulative count. */
  cases: number;
  members: (AuthorshipPerson & { role: CollaborationRole })[];
}

export interface AuthorshipData {
  /** The project's leads and co-leads. */
  steeringCommittee: AuthorshipPerson[];
  sites: AuthorshipSite[];
  /** Sites below this count are acknowledged, not cited; null: everyone is cited. */
  minimumCitableCases: number | null;
}

export interface AuthorshipSection {
  heading: string;
  lines: string[];
}

export interface AuthorshipList {
  /** Cited, in order. */
  cited: AuthorshipSection[];
  acknowledged: AuthorshipSection[];
  citedCount: number;
  acknowledgedCount: number;
  text: string;
}

const collator = new Intl.Collator("en-GB", { sensitivity: "base", numeric: true });
const byText = (a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

const author = (person: AuthorshipPerson, hospital?: string) =>
  authorshipLine({ name: person.name, authorSurname: person.authorSurname, authorInitials: person.authorInitials, hospital });

/** Every name once: leads in the steering committee, everyone else at the site where they took part. */
export function buildAuthorshipList(data: AuthorshipData, group: AuthorshipGroup): AuthorshipList {
  const steering = new Set(data.steeringCommittee.map((person) => person.userId));
  const steeringLine = data.steeringCommittee.map((person) => author(person)).sort(byText);
  const sites = [...data.sites]
    .map((site) => ({ ...site, members: site.members.filter((member) => !steering.has(member.userId)) }))
    .filter((site) => site.members.length > 0)
    .sort((a, b) => byText(a.hospital, b.hospital));
  const minimum = data.minimumCitableCases;
  const citable = sites.filter((site) => minimum === null || site.cases >= minimum);
  const below = sites.filter((site) => minimum !== null && site.cases < minimum);

  const byHospital = (list: typeof sites): AuthorshipSection[] =>
    list.map((site) => ({ heading: site.hospital, lines: site.members.map((member) => author(member)).sort(byText) }));
  const byRole = (list: typeof sites, roles: [CollaborationRole, string][]): AuthorshipSection[] =>
    roles
      .map(([role, heading]) => ({
        heading,
        lines: list.flatMap((site) => site.members.filter((member) => member.role === role).map((member) => author(member, site.hospital))).sort(byText),
      }))
      .filter((section) => section.lines.length > 0);

  const steeringSection: AuthorshipSection[] = steeringLine.length > 0 ? [{ heading: "Steering committee", lines: steeringLine }] : [];
  const cited =
    group === "hospital"
      ? [...steeringSection, ...byHospital(citable)]
      : [...steeringSection, ...byRole(citable, [["SITE_LEAD", "Site leads"], ["COLLABORATOR", "Collaborators"]])];
  const acknowledged = group === "hospital" ? byHospital(below) : byRole(below, [["SITE_LEAD", "Site leads"], ["COLLABORATOR", "Collaborators"]]);

  const render = (sections: AuthorshipSection[]) => sections.map((section) => `${section.heading}: ${section.lines.join(", ")}`);
  const text = [
    ...render(cited),
    ...(acknowledged.length > 0 ? ["", `Acknowledged (sites that submitted fewer than ${minimum} cases)`, ...render(acknowledged)] : []),
  ].join("\n");
  const count = (sections: AuthorshipSection[]) => sections.reduce((sum, section) => sum + section.lines.length, 0);
  return { cited, acknowledged, citedCount: count(cited), acknowledgedCount: count(acknowledged), text: text === "" ? "" : `${text}\n` };
}
