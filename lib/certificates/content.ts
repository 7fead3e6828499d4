// What a certificate says, in words, and what its file is called: the PDF (./pdf.ts) draws this
// and nothing else, so tests can read the words without reading a PDF.
import { absoluteUrl } from "@/lib/public-url";
import type { ProjectSiteStatus } from "@/lib/generated/prisma/enums";
import { countsForAuthorship } from "@/lib/participation/rules";
import type { CertificateStatement, ConsultantStatement, LeadStatement, OutputLine, ParticipantStatement, ReviewerStatement, SinglePlaceStatement } from "./certificate";

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
  /** Groups printed after the facts: one per place, the sites of a project, the proposals reviewed. */
  blocks: { heading: string; facts: [string, string][]; paragraphs: string[] }[];
  /** The project's outputs when the certificate was issued, one sentence each. */
  outputs: string[];
  signatory: string | null;
  /** Printed on the signature line when nobody signs by name. */
  signatoryFallback: string;
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
export function citationSentence(statement: Pick<SinglePlaceStatement, "cited" | "minimumCitableCases" | "siteCases">): string | null {
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

/** The words of a certificate, of any kind. */
export function certificateContent(statement: CertificateStatement, code: string, verifyUrl: string): CertificateContent {
  switch (statement.kind) {
    case undefined:
      return singlePlaceContent(statement, code, verifyUrl);
    case "PARTICIPANT":
      return participantContent(statement, code, verifyUrl);
    case "PROJECT_LEAD":
    case "CO_LEAD":
      return leadContent(statement, code, verifyUrl);
    case "CONSULTANT":
      return consultantContent(statement, code, verifyUrl);
    case "REVIEWER":
      return reviewerContent(statement, code, verifyUrl);
  }
}

/** What the certificate is about, in a few words: its file name and the PDF's title. */
export function certificateTitle(statement: CertificateStatement): string {
  if (statement.kind === "REVIEWER") return `Proposal reviews, ${formatIsoDay(statement.periodStart)} to ${formatIsoDay(statement.periodEnd)}`;
  return statement.projectTitle;
}

const OUTPUT_WORDS: Record<OutputLine["kind"], string> = {
  ABSTRACT: "Abstract",
  POSTER: "Poster",
  ORAL_PRESENTATION: "Oral presentation",
  PAPER: "Paper",
  REPORT: "Report",
};

/** An output in one sentence: kind, title, venue and year, and its DOI and PubMed ID when recorded. */
export function outputSentence(output: OutputLine): string {
  const ids = [output.doi ? `doi:${output.doi}` : null, output.pmid ? `PMID ${output.pmid}` : null].filter(Boolean).join(", ");
  const title = output.title.trim().replace(/[.!?]$/u, "");
  return `${OUTPUT_WORDS[output.kind]}: ${title}. ${output.venue.trim()}, ${output.year}.${ids ? ` ${ids}.` : ""}`;
}

const tail = (statement: { issuedOn: string }, code: string): [string, string][] => [
  ["Issued on", formatIsoDay(statement.issuedOn)],
  ["Verification code", code],
];

const collection = (statement: { collectionStart: string | null; collectionEnd: string | null }): [string, string] => [
  "Data collection",
  `${formatIsoDay(statement.collectionStart)} to ${formatIsoDay(statement.collectionEnd)}`,
];

const gmcLine = (statement: { gmcNumber: string | null }) => (statement.gmcNumber ? `GMC number ${statement.gmcNumber}` : null);
const byLead = { signatoryFallback: "The project lead", signatoryRole: "Project lead, on behalf of the RADIANT collaborative" };
const byCommittee = { signatory: null, signatoryFallback: "RADIANT", signatoryRole: "On behalf of the RADIANT collaborative committee" };

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** A certificate of participation: every place of the project that earned the holder credit. */
function participantContent(statement: ParticipantStatement, code: string, verifyUrl: string): CertificateContent {
  const { places } = statement;
  const minimum = statement.minimumCitableCases;
  const blocks = places.map((place) => {
    const facts: [string, string][] = [
      ["Role", ROLE_WORDS[place.role]],
      ["Site team member", `${formatIsoDay(place.joinedOn)} to ${place.leftOn ? formatIsoDay(place.leftOn) : `${formatIsoDay(statement.issuedOn)} (still a member)`}`],
      ["Cases", `${cases(place.casesWhileOnTeam)} recorded while on the team, of the site's ${cases(place.siteCases)}`],
      [
        "Authorship",
        place.cited
          ? "Cited: the site's members are cited in the group authorship"
          : `Acknowledged, not cited: the site recorded fewer than ${cases(minimum ?? 0)}`,
      ],
      ["Contribution", place.contribution?.trim() || "Not recorded by the site lead"],
    ];
    if (place.consultant) facts.push(["Supervising consultant", place.consultant]);
    return { heading: place.site, facts, paragraphs: [] };
  });
  const cited = places.some((p) => p.cited);
  const only = places.length === 1 ? places[0]! : null;
  return {
    heading: "Certificate of participation",
    name: statement.traineeName,
    gmcLine: gmcLine(statement),
    lead: only
      ? `took part as ${ROLE_WORDS[only.role].toLowerCase()} at ${only.site} in the multicentre project`
      : `took part at ${listWords(places.map((p) => p.site))} in the multicentre project`,
    projectTitle: statement.projectTitle,
    facts: [collection(statement), ...tail(statement, code)],
    citation: citationSentence({ cited, minimumCitableCases: minimum, siteCases: cited ? null : 0 }),
    blocks,
    outputs: statement.outputs.map(outputSentence),
    signatory: statement.projectLead ?? null,
    ...byLead,
    verification: `Check that this certificate is genuine at ${verifyUrl}`,
    verifyUrl,
  };
}

const LEAD_WORDS = { PROJECT_LEAD: "Project lead", CO_LEAD: "Co-lead" } as const;

/** A project lead's or co-lead's certificate: the project, its sites and cases, its dates. */
function leadContent(statement: LeadStatement, code: string, verifyUrl: string): CertificateContent {
  const role = LEAD_WORDS[statement.kind];
  return {
    heading: "Certificate of project leadership",
    name: statement.traineeName,
    gmcLine: gmcLine(statement),
    lead: statement.kind === "PROJECT_LEAD" ? "led, as project lead, the multicentre project" : "led, as co-lead, the multicentre project",
    projectTitle: statement.projectTitle,
    facts: [
      ["Role", role],
      ["Lead since", formatIsoDay(statement.ledFrom)],
      ["Hospitals", `${statement.sites.length.toLocaleString("en-GB")} ${statement.sites.length === 1 ? "hospital" : "hospitals"} took part`],
      ["Cases", `${cases(statement.totalCases)} recorded across the project`],
      collection(statement),
      ...tail(statement, code),
    ],
    citation: null,
    blocks: statement.sites.length
      ? [{ heading: "Hospitals and their cases", facts: [], paragraphs: [statement.sites.map((s) => `${s.site} (${cases(s.cases)})`).join("; ")] }]
      : [],
    outputs: statement.outputs.map(outputSentence),
    ...byCommittee,
    verification: `Check that this certificate is genuine at ${verifyUrl}`,
    verifyUrl,
  };
}

/** A site's supervising consultant's certificate: the site, the project, the dates. */
function consultantContent(statement: ConsultantStatement, code: string, verifyUrl: string): CertificateContent {
  const sites = statement.sites.map((s) => s.site);
  return {
    heading: "Certificate of supervision",
    name: statement.traineeName,
    gmcLine: gmcLine(statement),
    lead: `supervised, as consultant, the team at ${listWords(sites)} in the multicentre project`,
    projectTitle: statement.projectTitle,
    facts: [
      ...statement.sites.map((s): [string, string] => [
        statement.sites.length === 1 ? "Supervising since" : `Supervising at ${s.site} since`,
        formatIsoDay(s.from),
      ]),
      collection(statement),
      ...tail(statement, code),
    ],
    citation: null,
    blocks: [],
    outputs: statement.outputs.map(outputSentence),
    signatory: statement.projectLead ?? null,
    ...byLead,
    verification: `Check that this certificate is genuine at ${verifyUrl}`,
    verifyUrl,
  };
}

const proposalsWords = (n: number) => `${n.toLocaleString("en-GB")} ${n === 1 ? "proposal" : "proposals"}`;

/** A reviewer's certificate: how many proposals they reviewed in the period, naming only those now public. */
function reviewerContent(statement: ReviewerStatement, code: string, verifyUrl: string): CertificateContent {
  const unnamed = statement.proposals - statement.publicTitles.length;
  const paragraphs = [...statement.publicTitles];
  if (statement.publicTitles.length && unnamed > 0) paragraphs.push(`and ${proposalsWords(unnamed)} not yet public`);
  return {
    heading: "Certificate of peer review",
    name: statement.traineeName,
    gmcLine: gmcLine(statement),
    lead: "reviewed research proposals for the RADIANT collaborative committee:",
    projectTitle: `${proposalsWords(statement.proposals)} from ${formatIsoDay(statement.periodStart)} to ${formatIsoDay(statement.periodEnd)}`,
    facts: [
      ["Period", `${formatIsoDay(statement.periodStart)} to ${formatIsoDay(statement.periodEnd)}`],
      ["Proposals reviewed", statement.proposals.toLocaleString("en-GB")],
      ...tail(statement, code),
    ],
    citation: null,
    blocks: statement.publicTitles.length ? [{ heading: "Proposals reviewed that are now public", facts: [], paragraphs }] : [],
    outputs: [],
    ...byCommittee,
    verification: `Check that this certificate is genuine at ${verifyUrl}`,
    verifyUrl,
  };
}

/** The words of a certificate issued before issue 15. Certificates issued before a field was recorded leave that line out. */
function singlePlaceContent(statement: SinglePlaceStatement, code: string, verifyUrl: string): CertificateContent {
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
    blocks: [],
    outputs: [],
    signatory: statement.projectLead ?? null,
    ...byLead,
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
