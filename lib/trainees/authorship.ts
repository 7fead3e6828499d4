// How a member's name appears in the collaborative's PubMed-citable author
// list: "Surname Initials (Hospital)", as in "O'Connor-Reilly S (Addenbrooke's Hospital)".
// One function, used by the profile preview and by every author list.

/** Titles people put in front of their name that never belong in an author list. */
const TITLES = new Set(["dr", "prof", "professor", "mr", "mrs", "ms", "miss", "mx", "sir", "dame"]);

/** Lower-case particles that belong to the surname ("van Gogh", "de la Cruz", "bin Ali"). */
const PARTICLES = new Set(["van", "von", "de", "der", "den", "del", "della", "di", "da", "dos", "das", "du", "la", "le", "ter", "ten", "bin", "binti", "al", "el", "ap", "ibn", "ó", "ní", "nic", "uí", "mac"]);

export interface AuthorNameParts {
  surname: string;
  initials: string;
}

/** The first letter of a given name, or of each part of a hyphenated one ("Jean-Luc" → "JL"). */
function initialsOf(given: string): string {
  return given
    .split("-")
    .map((part) => part.replace(/^[^\p{L}]+/u, ""))
    .filter(Boolean)
    .map((part) => Array.from(part)[0]!.toLocaleUpperCase("en-GB"))
    .join("");
}

/** Surname and initials derived from a full name written given names first. */
export function splitName(fullName: string): AuthorNameParts {
  const words = fullName.normalize("NFC").trim().split(/\s+/).filter(Boolean);
  while (words.length > 1 && TITLES.has(words[0]!.toLowerCase().replace(/\.$/, ""))) words.shift();
  if (words.length === 0) return { surname: "", initials: "" };
  if (words.length === 1) return { surname: words[0]!, initials: "" };
  // The surname starts at the last word, or earlier at a run of particles before it.
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has(words[start - 1]!.toLowerCase())) start--;
  return {
    surname: words.slice(start).join(" "),
    initials: words.slice(0, start).map(initialsOf).join(""),
  };
}

/** Initials as typed by a person ("m. j.", "M-J") made into PubMed style ("MJ"). */
export function normaliseInitials(typed: string): string {
  return Array.from(typed.normalize("NFC").replace(/[^\p{L}]/gu, ""))
    .map((letter) => letter.toLocaleUpperCase("en-GB"))
    .join("");
}

export interface AuthorshipInput {
  name: string;
  /** The member's own spelling, from the profile; used instead of what the name gives. */
  authorSurname?: string | null;
  authorInitials?: string | null;
  hospital?: string | null;
}

/** "Surname Initials (Hospital)"; parts that are unknown are left out. */
export function authorshipLine(input: AuthorshipInput): string {
  const derived = splitName(input.name);
  const surname = input.authorSurname?.trim() || derived.surname;
  const initials = input.authorInitials?.trim() ? normaliseInitials(input.authorInitials) : derived.initials;
  const author = [surname, initials].filter(Boolean).join(" ");
  const hospital = input.hospital?.trim();
  return hospital ? `${author} (${hospital})` : author;
}
