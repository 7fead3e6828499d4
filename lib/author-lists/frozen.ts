// What is made from a frozen author list: its text grouped as printed, the
// PubMed-style group authorship, the spreadsheet for journal submission systems,
// the text for a manuscript, and the change log between two versions.
// Pure: everything comes from the frozen entries, never from accounts, so a list
// reads the same after a person on it changes their profile or is erased.
import type { AuthorListGrouping, CreditRole } from "@/lib/generated/prisma/enums";
import { toCsv } from "@/lib/format/csv";
import { renderText, sectionsOf, printedLine, type AuthorshipSection } from "@/lib/sites/authorship-list";
import { CREDIT_ROLE_LABELS, GROUP_AUTHOR_NAME, GROUPING_FROM } from "@/lib/validation/credit-roles";

export interface FrozenEntry {
  position: number;
  userId: string | null;
  printedName: string;
  affiliations: string[];
  groupName: string;
  role: CreditRole;
  cited: boolean;
  orcid: string | null;
}

export interface FrozenList {
  version: number;
  grouping: AuthorListGrouping;
  minimumCitableCases: number | null;
  entries: FrozenEntry[];
}

const inOrder = (entries: readonly FrozenEntry[]) => [...entries].sort((a, b) => a.position - b.position);

export function frozenSections(list: FrozenList): { cited: AuthorshipSection[]; acknowledged: AuthorshipSection[] } {
  const grouping = GROUPING_FROM[list.grouping];
  const entries = inOrder(list.entries);
  return { cited: sectionsOf(entries.filter((entry) => entry.cited), grouping), acknowledged: sectionsOf(entries.filter((entry) => !entry.cited), grouping) };
}

/** The list as printed, the same text the live list gives. */
export function frozenText(list: FrozenList): string {
  const { cited, acknowledged } = frozenSections(list);
  return renderText(cited, acknowledged, list.minimumCitableCases);
}

/**
 * PubMed-style group authorship: the group name, then the cited collaborators' names by
 * group, as a journal sends them to PubMed. Names only: PubMed indexes names, not
 * affiliations, and acknowledged collaborators are not authors.
 */
export function pubmedText(list: FrozenList): string {
  const { cited } = frozenSections({ ...list, entries: list.entries.map((entry) => ({ ...entry, affiliations: [] })) });
  return [GROUP_AUTHOR_NAME, "", ...cited.map((section) => `${section.heading}: ${section.lines.join(", ")}`)].join("\n") + "\n";
}

/** "Smith-Jones MJ" → surname "Smith-Jones", initials "MJ": the last word is the initials when it is all capital letters. */
export function splitPrinted(printedName: string): { surname: string; initials: string } {
  const words = printedName.trim().split(/\s+/);
  const last = words.at(-1) ?? "";
  if (words.length > 1 && /^\p{Lu}+$/u.test(last)) return { surname: words.slice(0, -1).join(" "), initials: last };
  return { surname: printedName.trim(), initials: "" };
}

/** One row per person for a journal's submission system. Cells starting like a formula are made text (lib/format/csv.ts). */
export function frozenCsv(list: FrozenList): string {
  return toCsv(
    ["Position", "Name as printed", "Surname", "Initials", "ORCID iD", "Affiliations", "Role", "Cited or acknowledged", "Group"],
    inOrder(list.entries).map((entry) => {
      const { surname, initials } = splitPrinted(entry.printedName);
      return [
        entry.position,
        entry.printedName,
        surname,
        initials,
        entry.orcid,
        entry.affiliations.join("; "),
        CREDIT_ROLE_LABELS[entry.role],
        entry.cited ? "Cited" : "Acknowledged",
        entry.groupName,
      ];
    }),
  );
}

/** The text to paste into a manuscript: the cited collaborators in order with their affiliations, then the acknowledgement. */
export function manuscriptText(list: FrozenList): string {
  const { cited } = frozenSections(list);
  const acknowledged = inOrder(list.entries).filter((entry) => !entry.cited);
  const lines = [GROUP_AUTHOR_NAME, "", ...cited.map((section) => `${section.heading}: ${section.lines.join(", ")}.`)];
  if (acknowledged.length > 0) {
    lines.push(
      "",
      "Acknowledgements",
      `We thank the following collaborators, whose sites submitted fewer than ${list.minimumCitableCases} cases: ${acknowledged.map((entry) => printedLine(entry)).join(", ")}.`,
    );
  }
  return `${lines.join("\n")}\n`;
}

const keyOf = (entry: Pick<FrozenEntry, "userId" | "printedName">) => entry.userId ?? `name:${entry.printedName}`;

/** What changed from one version to the next, one sentence a line, in the new version's order. */
export function changeLog(previous: FrozenList, next: FrozenList): string[] {
  const before = new Map(previous.entries.map((entry) => [keyOf(entry), entry]));
  const after = new Set(next.entries.map(keyOf));
  const lines: string[] = [];
  if (previous.grouping !== next.grouping) {
    lines.push(`Grouped ${GROUPING_FROM[next.grouping] === "role" ? "by role" : `by ${GROUPING_FROM[next.grouping]}`} instead of ${GROUPING_FROM[previous.grouping] === "role" ? "by role" : `by ${GROUPING_FROM[previous.grouping]}`}.`);
  }
  for (const entry of inOrder(next.entries)) {
    const old = before.get(keyOf(entry));
    if (!old) {
      lines.push(`Added ${printedLine(entry)}, ${entry.cited ? "cited" : "acknowledged"}.`);
      continue;
    }
    if (old.printedName !== entry.printedName) lines.push(`${old.printedName} is now printed as ${entry.printedName}.`);
    if (old.affiliations.join("; ") !== entry.affiliations.join("; ")) {
      lines.push(`${entry.printedName}: affiliations now ${entry.affiliations.join("; ") || "none"} (were ${old.affiliations.join("; ") || "none"}).`);
    }
    if (old.cited !== entry.cited) lines.push(`${entry.printedName} is now ${entry.cited ? "cited" : "acknowledged"}.`);
    if (old.role !== entry.role) lines.push(`${entry.printedName}: role now ${CREDIT_ROLE_LABELS[entry.role]} (was ${CREDIT_ROLE_LABELS[old.role]}).`);
  }
  for (const entry of inOrder(previous.entries)) if (!after.has(keyOf(entry))) lines.push(`Removed ${printedLine(entry)}.`);
  return lines;
}

/** The change log as stored: the computed lines, then the lead's note. */
export function changeLogText(lines: readonly string[], note: string): string {
  const computed = lines.length > 0 ? lines : ["No names, affiliations or roles changed."];
  return [...computed, ...(note.trim() ? ["", `Note from the lead: ${note.trim()}`] : [])].join("\n");
}
