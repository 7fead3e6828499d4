import "server-only";
import { createHash } from "node:crypto";
import { assertUuid } from "@/lib/ids";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/authz";
import type { Actor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CollaborationRole, OutputKind, ProjectStatus } from "@/lib/generated/prisma/enums";
import { normaliseVerificationCode } from "./code";
import { issueProjectCertificate } from "./issue";

/** Projects whose confirmed collaborators get a certificate of participation. */
export const CERTIFICATE_PROJECT_STATUSES: readonly ProjectStatus[] = ["ANALYSIS", "COMPLETED"];

/**
 * A certificate of participation for one place, as issued before certificates of every role
 * (issue 15): no `kind` in its statement. Such certificates still verify and print as they were.
 */
export interface SinglePlaceStatement {
  kind?: undefined;
  traineeName: string;
  gmcNumber: string | null;
  projectTitle: string;
  site: string;
  role: CollaborationRole;
  /** ISO dates (YYYY-MM-DD), or null when not set. */
  collectionStart: string | null;
  collectionEnd: string | null;
  issuedOn: string;
  // Recorded from issue 13 on; absent from certificates issued before, which print without them.
  /** When the site lead confirmed them (or they asked, if no decision date was kept). */
  joinedOn?: string | null;
  /** When they left the team; null: still a member when the certificate was issued. */
  leftOn?: string | null;
  /** What the site lead recorded they did. */
  contribution?: string | null;
  /** The site's latest cumulative case count when the certificate was issued. */
  siteCases?: number | null;
  /** Cited in the group authorship under the project's rule (./content.ts says why in words). */
  cited?: boolean | null;
  minimumCitableCases?: number | null;
  /** The project lead who signs it: the first lead of the project. */
  projectLead?: string | null;
  /** Whose name that is, so that erasing the lead's account erases it here too. */
  projectLeadId?: string | null;
}

/**
 * What every certificate issued since issue 15 states about its holder. The holder's name and GMC
 * number keep the keys of the first certificates (`traineeName`, `gmcNumber`) and the signing lead
 * theirs (`projectLead`, `projectLeadId`), so that erasing an account (lib/privacy/delete-account.ts)
 * erases them from a certificate of any kind.
 */
interface StatementBase {
  traineeName: string;
  gmcNumber: string | null;
  issuedOn: string;
  projectLead?: string | null;
  projectLeadId?: string | null;
}

/** An output of the project, as recorded when the certificate was issued. */
export interface OutputLine {
  kind: OutputKind;
  title: string;
  venue: string;
  year: number;
  doi: string | null;
  pmid: string | null;
}

interface ProjectPart {
  projectTitle: string;
  collectionStart: string | null;
  collectionEnd: string | null;
  outputs: OutputLine[];
}

/** One place that earned the holder credit (countsForAuthorship). */
export interface PlaceLine {
  site: string;
  role: CollaborationRole;
  joinedOn: string | null;
  /** null: still a member when the certificate was issued. */
  leftOn: string | null;
  /** The cases the site recorded while they were on its team. */
  casesWhileOnTeam: number;
  /** The site's total when the certificate was issued. */
  siteCases: number;
  cited: boolean;
  contribution: string | null;
  /** The site's supervising consultant, as the site recorded them, or null. */
  consultant: string | null;
}

export interface ParticipantStatement extends StatementBase, ProjectPart {
  kind: "PARTICIPANT";
  minimumCitableCases: number | null;
  places: PlaceLine[];
}

export interface LeadStatement extends StatementBase, ProjectPart {
  kind: "PROJECT_LEAD" | "CO_LEAD";
  /** When they became a lead of the project. */
  ledFrom: string;
  /** The sites that took part (not withdrawn) and their cases. */
  sites: { site: string; cases: number }[];
  totalCases: number;
}

export interface ConsultantStatement extends StatementBase, ProjectPart {
  kind: "CONSULTANT";
  /** The sites they supervised, and since when they followed each. */
  sites: { site: string; from: string }[];
}

export interface ReviewerStatement extends StatementBase {
  kind: "REVIEWER";
  periodStart: string;
  periodEnd: string;
  /** Proposals reviewed in the period. */
  proposals: number;
  /** The titles of those that are public now; the others are counted, not named. */
  publicTitles: string[];
}

/** What a certificate states, frozen when it is issued: later edits to names or titles do not change it. */
export type CertificateStatement = SinglePlaceStatement | ParticipantStatement | LeadStatement | ConsultantStatement | ReviewerStatement;

export interface IssuedCertificate {
  code: string;
  statement: CertificateStatement;
  issuedAt: Date;
}

/** What a certificate certifies, one key per holder and thing: its versions share it. */
export function certificateSubject(kind: "PARTICIPANT" | "PROJECT_LEAD" | "CO_LEAD" | "CONSULTANT", projectId: string, holderId: string): string {
  return `${kind.toLowerCase()}:${projectId}:${holderId}`;
}

/** A reviewer's certificate certifies their reviews in one period: each period is its own subject. */
export function reviewerSubject(periodStart: string, periodEnd: string, holderId: string): string {
  return `reviewer:${periodStart}..${periodEnd}:${holderId}`;
}

/** A digest of what a certificate states, its issue date aside: the same statement is issued once. */
export function statementFingerprint(statement: object): string {
  const { issuedOn: _issuedOn, ...stated } = statement as Record<string, unknown>;
  return createHash("sha256").update(JSON.stringify(stated)).digest("hex");
}

/**
 * The certificate of participation in the project of one of the person's own places (the link of
 * the first certificates, /dashboard/research/certificate/[id]): since issue 15 one certificate
 * lists every place of the project that earns credit.
 */
export async function issueCertificate(actor: Actor, collaborationId: string): Promise<IssuedCertificate> {
  assertUuid(collaborationId, "That certificate");
  const collaboration = await db.collaboration.findUnique({
    where: { id: collaborationId },
    select: { userId: true, projectSite: { select: { projectId: true } } },
  });
  if (!collaboration) throw new NotFoundError("That certificate");
  assertCan(actor, "certificate.issue", { ownerId: collaboration.userId });
  return issueProjectCertificate(actor, "PARTICIPANT", collaboration.projectSite.projectId);
}

/** The certificate as its holder and anyone verifying it see it: the lead's account id stays inside the portal. */
export function asIssued(row: { code: string; statement: Prisma.JsonValue; issuedAt: Date }): IssuedCertificate {
  const statement = { ...(row.statement as unknown as CertificateStatement) };
  delete statement.projectLeadId;
  return { code: row.code, statement, issuedAt: row.issuedAt };
}

/** Public: what the certificate with this code states, or null. Says nothing else about the person. */
export async function verifyCertificate(typedCode: string): Promise<IssuedCertificate | null> {
  const code = normaliseVerificationCode(typedCode);
  if (!code) return null;
  const row = await db.certificate.findUnique({ where: { code }, select: { code: true, statement: true, issuedAt: true } });
  return row ? asIssued(row) : null;
}

/**
 * Public, with the certificate: whether a later certificate of the same subject was issued (the
 * holder downloaded it again after what it states changed). Says that much and nothing of what the
 * later one states.
 */
export async function verifyCertificateWithNewer(typedCode: string): Promise<(IssuedCertificate & { superseded: boolean }) | null> {
  const code = normaliseVerificationCode(typedCode);
  if (!code) return null;
  const row = await db.certificate.findUnique({ where: { code }, select: { code: true, statement: true, issuedAt: true, subject: true } });
  if (!row) return null;
  const newer = await db.certificate.findFirst({ where: { subject: row.subject, issuedAt: { gt: row.issuedAt } }, select: { id: true } });
  return { ...asIssued(row), superseded: newer !== null };
}
