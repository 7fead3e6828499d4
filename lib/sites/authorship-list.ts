// The collaborator authorship list of a project, as collaboratives such as
// STARSurg and GlobalSurg publish it under a PubMed-citable group name: each
// person once, as "Surname Initials", grouped by hospital, by region or by role.
// Pure: the data comes from lib/sites/exports.ts, so the text is tested exactly,
// and a frozen list (lib/author-lists) is made of the same entries.
//
// A person with places at two hospitals (a rotation: a ROTATED place keeps its
// credit) is printed once, with both hospitals as affiliations, earliest place
// first. Grouped by hospital or region, they are printed under the hospital (or
// its region) of their earliest place, with the other hospital after their name.
// They are cited if any of their places' sites met the project's minimum.
import type { CollaborationRole, CreditRole } from "@/lib/generated/prisma/enums";
import { CREDIT_ROLE_HEADINGS, CREDIT_ROLE_ORDER, PLACE_ROLES } from "@/lib/validation/credit-roles";
import { authorshipLine, type AuthorshipInput } from "@/lib/trainees/authorship";
import type { AuthorshipGroup } from "@/lib/validation/sites";

export type AuthorshipPerson = Pick<AuthorshipInput, "name" | "authorSurname" | "authorInitials"> & { userId: string; orcid?: string | null };

/** A credited place (lib/participation/rules.ts CREDITED_STATUSES) at a site that has not withdrawn. */
export interface AuthorshipPlace extends AuthorshipPerson {
  role: CollaborationRole;
  hospital: string;
  /** The hospital's region (its deanery). */
  region: string;
  /** The site's current cumulative count. */
  cases: number;
  /** When the place began: the earliest is the person's first affiliation. */
  joinedAt: Date;
}

export interface AuthorshipData {
  /** The project's leads and co-leads. */
  steeringCommittee: AuthorshipPerson[];
  places: AuthorshipPlace[];
  /** Roles the leads gave (writing group, data validator…). */
  creditRoles: (AuthorshipPerson & { role: CreditRole })[];
  /** Sites below this count are acknowledged, not cited; null: everyone is cited. */
  minimumCitableCases: number | null;
}

/** One person on the list, as a frozen list keeps them. */
export interface AuthorshipEntry {
  /** From 1, in the order printed: cited first. */
  position: number;
  userId: string;
  printedName: string;
  affiliations: string[];
  groupName: string;
  role: CreditRole;
  cited: boolean;
  orcid: string | null;
}

export interface AuthorshipSection {
  heading: string;
  lines: string[];
}

export interface AuthorshipList {
  entries: AuthorshipEntry[];
  /** Cited, in order. */
  cited: AuthorshipSection[];
  acknowledged: AuthorshipSection[];
  citedCount: number;
  acknowledgedCount: number;
  text: string;
}

const collator = new Intl.Collator("en-GB", { sensitivity: "base", numeric: true });
export const byText = (a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

interface Person {
  userId: string;
  printedName: string;
  orcid: string | null;
  /** Earliest place first. */
  places: AuthorshipPlace[];
  roles: Set<CreditRole>;
}

/** A printed line: the name, then the hospitals in brackets, less the one the group already names. */
export function printedLine(entry: Pick<AuthorshipEntry, "printedName" | "affiliations">, groupHospital?: string): string {
  const shown = entry.affiliations.filter((hospital) => hospital !== groupHospital);
  return shown.length > 0 ? `${entry.printedName} (${shown.join("; ")})` : entry.printedName;
}

/** The sections of entries in the order given, keeping the order of the entries within each. */
export function sectionsOf(entries: readonly Pick<AuthorshipEntry, "printedName" | "affiliations" | "groupName">[], grouping: AuthorshipGroup): AuthorshipSection[] {
  const sections: AuthorshipSection[] = [];
  for (const entry of entries) {
    let section = sections.at(-1);
    if (section?.heading !== entry.groupName) {
      section = { heading: entry.groupName, lines: [] };
      sections.push(section);
    }
    section.lines.push(printedLine(entry, grouping === "hospital" ? entry.groupName : undefined));
  }
  return sections;
}

/** The list as plain text: cited groups, then the acknowledged ones under their own heading. */
export function renderText(cited: AuthorshipSection[], acknowledged: AuthorshipSection[], minimum: number | null): string {
  const render = (sections: AuthorshipSection[]) => sections.map((section) => `${section.heading}: ${section.lines.join(", ")}`);
  const lines = [
    ...render(cited),
    ...(acknowledged.length > 0 ? ["", `Acknowledged (sites that submitted fewer than ${minimum} cases)`, ...render(acknowledged)] : []),
  ];
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

/** Every person once: leads in the steering committee, the roles the leads gave, everyone else where they took part. */
export function buildAuthorshipList(data: AuthorshipData, grouping: AuthorshipGroup): AuthorshipList {
  const people = new Map<string, Person>();
  const personOf = (person: AuthorshipPerson) => {
    let found = people.get(person.userId);
    if (!found) {
      found = { userId: person.userId, printedName: authorshipLine({ name: person.name, authorSurname: person.authorSurname, authorInitials: person.authorInitials }), orcid: person.orcid ?? null, places: [], roles: new Set() };
      people.set(person.userId, found);
    }
    return found;
  };
  for (const lead of data.steeringCommittee) personOf(lead).roles.add("STEERING_COMMITTEE");
  const places = [...data.places].sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime() || byText(a.hospital, b.hospital));
  for (const place of places) {
    const person = personOf(place);
    person.places.push(place);
    person.roles.add(place.role);
  }
  for (const given of data.creditRoles) personOf(given).roles.add(given.role);

  const minimum = data.minimumCitableCases;
  const unsorted = [...people.values()].map((person) => {
    const role = CREDIT_ROLE_ORDER.find((candidate) => person.roles.has(candidate))!;
    const first = person.places[0];
    // Roles given by the leads are cited whatever the cases; a place's role follows the rule at any of its sites.
    const cited = !PLACE_ROLES.includes(role) || minimum === null || person.places.some((place) => place.cases >= minimum);
    const groupName = PLACE_ROLES.includes(role) && grouping !== "role" && first ? (grouping === "hospital" ? first.hospital : first.region) : CREDIT_ROLE_HEADINGS[role];
    return {
      userId: person.userId,
      printedName: person.printedName,
      affiliations: [...new Set(person.places.map((place) => place.hospital))],
      groupName,
      role,
      cited,
      orcid: person.orcid,
    };
  });
  // Role groups first in their order, then the hospitals or regions alphabetically; names alphabetically within.
  const roleRank = (entry: (typeof unsorted)[number]) => (entry.groupName === CREDIT_ROLE_HEADINGS[entry.role] ? CREDIT_ROLE_ORDER.indexOf(entry.role) : CREDIT_ROLE_ORDER.length);
  const ordered = unsorted.sort(
    (a, b) => Number(b.cited) - Number(a.cited) || roleRank(a) - roleRank(b) || byText(a.groupName, b.groupName) || byText(a.printedName, b.printedName) || byText(printedLine(a), printedLine(b)),
  );
  const entries = ordered.map((entry, index) => ({ position: index + 1, ...entry }));
  const cited = sectionsOf(
    entries.filter((entry) => entry.cited),
    grouping,
  );
  const acknowledged = sectionsOf(
    entries.filter((entry) => !entry.cited),
    grouping,
  );
  const count = (sections: AuthorshipSection[]) => sections.reduce((sum, section) => sum + section.lines.length, 0);
  return { entries, cited, acknowledged, citedCount: count(cited), acknowledgedCount: count(acknowledged), text: renderText(cited, acknowledged, minimum) };
}
