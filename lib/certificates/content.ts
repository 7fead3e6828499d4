// What a certificate says, in words, and what its file is called: the PDF (./pdf.ts) draws this
// and nothing else, so tests can read the words without reading a PDF.
import { absoluteUrl } from "@/lib/public-url";
import type { ProjectSiteStatus } from "@/lib/generated/prisma/enums";
import { countsForAuthorship } from "@/lib/participation/rules";
import type { CertificateStatement } from "./certificate";

const ROLE_WORDS = { SITE_LEAD: "Site lead", COLLABORATOR: "Collaborator" } as const;
const longDate = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export const formatIsoDay = (iso: string | null | undefined) => (iso ? longDate.format(new Date(`${iso}T00:00:00Z`)) : "not set");

export interface CertificateContent {
  heading: string;
  name: string;
  gmcLine: string | null;
  /** The sentence that leads into the project's title. */
  lead: string;
  projectTitle: string;
  /** Label and value, in the order printed. */
  facts: [string, string][];
  /** Whether and why the person is cited: a sentence, or null on a certificate issued before it was recorded. */
  citation: string | null;
  signatory: string | null;
  signatoryRole: string;
  verification: string;
  verifyUrl: string;
}

/**
 * The project's citation rule, as the authorship list applies it (lib/sites/authorship-list.ts):
 * the confirmed members of a site still taking part are cited when it reached the minimum.
 */
export function isCited(siteStatus: ProjectSiteStatus, siteCases: number, minimumCitableCases: number | null): boolean {
  // Applied to a confirmed member: the place counts unless the hospital withdrew.
  return countsForAuthorship({ status: "CONFIRMED", siteWithdrawn: siteStatus === "WITHDRAWN" }) && (minimumCitableCases === null || siteCases >= minimumCitableCases);
}

const cases = (n: number) => `${n.toLocaleString("en-GB")} ${n === 1 ? "case" : "cases"}`;

/** The citation rule as it applied to this person's site, in a sentence. */
export function citationSentence(statement: CertificateStatement): string | null {
  if (statement.cited === undefined || statement.cited === null) return null;
  const minimum = statement.minimumCitableCases ?? null;
  if (statement.cited) {
    return minimum === null
      ? "Cited as a collaborator in the project's group authorship: the project cites every confirmed member of its sites."
      : `Cited as a collaborator in the project's group authorship: the project cites the members of sites with at least ${cases(minimum)}.`;
  }
  const reachedMinimum = minimum === null || (statement.siteCases ?? 0) >= minimum;
  return reachedMinimum
    ? "Acknowledged, not cited, in the project's group authorship: the site withdrew from the project."
    : `Acknowledged, not cited, in the project's group authorship: the project cites the members of sites with at least ${cases(minimum)}.`;
}

/** The words of a certificate. Certificates issued before a field was recorded leave that line out. */
export function certificateContent(statement: CertificateStatement, code: string, verifyUrl: string): CertificateContent {
  const role = ROLE_WORDS[statement.role];
  const facts: [string, string][] = [
    ["Role", role],
    ["Hospital", statement.site],
  ];
  if (statement.joinedOn !== undefined) {
    facts.push(["Site team member", `${formatIsoDay(statement.joinedOn)} to ${statement.leftOn ? formatIsoDay(statement.leftOn) : `${formatIsoDay(statement.issuedOn)} (still a member)`}`]);
  }
  if (statement.contribution !== undefined) facts.push(["Contribution", statement.contribution?.trim() || "Not recorded by the site lead"]);
  if (statement.siteCases !== undefined && statement.siteCases !== null) facts.push(["Cases from the site", `${cases(statement.siteCases)} submitted by ${statement.site}`]);
  facts.push(
    ["Data collection", `${formatIsoDay(statement.collectionStart)} to ${formatIsoDay(statement.collectionEnd)}`],
    ["Issued on", formatIsoDay(statement.issuedOn)],
    ["Verification code", code],
  );
  return {
    heading: "Certificate of participation",
    name: statement.traineeName,
    gmcLine: statement.gmcNumber ? `GMC number ${statement.gmcNumber}` : null,
    lead: `took part as ${role.toLowerCase()} at ${statement.site} in the multicentre project`,
    projectTitle: statement.projectTitle,
    facts,
    citation: citationSentence(statement),
    signatory: statement.projectLead ?? null,
    signatoryRole: "Project lead, on behalf of the RADIANT collaborative",
    verification: `Check that this certificate is genuine at ${verifyUrl}`,
    verifyUrl,
  };
}

/** Where anyone checks a certificate: on the portal's public address (PUBLIC_URL), never the request's host. */
export function verificationUrl(code: string): string {
  return absoluteUrl(`/verify/${encodeURIComponent(code)}`);
}

/** Shortens at a word boundary, with an ellipsis, to at most `max` characters. */
export function shortenAtWord(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (Array.from(clean).length <= max) return clean;
  const room = Array.from(clean).slice(0, max - 1).join("");
  const cut = room.lastIndexOf(" ");
  // One very long word: cut it rather than leave nothing.
  const kept = cut > max / 3 ? room.slice(0, cut) : room;
  return `${kept.replace(/[\s,;:.–-]+$/u, "")}…`;
}

// Letters that do not decompose into a plain letter and an accent.
const ASCII_LOOKALIKES: Record<string, string> = { Ł: "L", ł: "l", Đ: "D", đ: "d", Ø: "O", ø: "o", Æ: "AE", æ: "ae", Œ: "OE", œ: "oe", ß: "ss", Þ: "Th", þ: "th", ı: "i" };

// Characters no file system or browser accepts in a file name.
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

/**
 * The downloaded file's name: "RADIANT certificate – <title shortened at a word> – <name>.pdf",
 * and the plain ASCII name for clients that ignore `filename*`.
 */
export function certificateFileName(projectTitle: string, traineeName: string): { name: string; ascii: string } {
  const title = shortenAtWord(projectTitle.replace(UNSAFE, " "), 60);
  const person = shortenAtWord(traineeName.replace(UNSAFE, " "), 40);
  const name = `RADIANT certificate – ${title} – ${person}.pdf`;
  const ascii = Array.from(name)
    .map((char) => ASCII_LOOKALIKES[char] ?? char)
    .join("")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[–—]/g, "-")
    .replace(/…/g, "...")
    .replace(/[^\x20-\x7e]/g, "")
    .replace(/["\\%;]/g, "")
    .replace(/ +/g, " ");
  return { name, ascii };
}

/** The Content-Disposition header of the download (RFC 6266: an ASCII name and the UTF-8 one). */
export function certificateDisposition(projectTitle: string, traineeName: string): string {
  const { name, ascii } = certificateFileName(projectTitle, traineeName);
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
