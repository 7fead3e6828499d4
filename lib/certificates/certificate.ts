import "server-only";
import { createHash } from "node:crypto";
import { assertUuid } from "@/lib/ids";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit";
import { assertCan } from "@/lib/authz";
import type { Actor } from "@/lib/auth/session";
import { DomainError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CollaborationRole, ProjectStatus } from "@/lib/generated/prisma/enums";
import { newVerificationCode, normaliseVerificationCode } from "./code";
import { isCited } from "./content";
import { isUniqueViolation } from "@/lib/database/unique-violation";

/** Projects whose confirmed collaborators get a certificate of participation. */
export const CERTIFICATE_PROJECT_STATUSES: readonly ProjectStatus[] = ["ANALYSIS", "COMPLETED"];

/** What a certificate states, frozen when it is issued: later edits to names or titles do not change it. */
export interface CertificateStatement {
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

export interface IssuedCertificate {
  code: string;
  statement: CertificateStatement;
  issuedAt: Date;
}

/** What a certificate certifies, one key per holder and thing: its versions share it. */
export function certificateSubject(kind: "PARTICIPANT" | "PROJECT_LEAD" | "CO_LEAD" | "CONSULTANT", projectId: string, holderId: string): string {
  return `${kind.toLowerCase()}:${projectId}:${holderId}`;
}

/** A digest of what a certificate states, its issue date aside: the same statement is issued once. */
export function statementFingerprint(statement: object): string {
  const { issuedOn: _issuedOn, ...stated } = statement as Record<string, unknown>;
  return createHash("sha256").update(JSON.stringify(stated)).digest("hex");
}

const isoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/**
 * The certificate of one of the person's own confirmed collaborations on a
 * project in analysis or completed: issued the first time, the same one after.
 */
export async function issueCertificate(actor: Actor, collaborationId: string): Promise<IssuedCertificate> {
  assertUuid(collaborationId, "That certificate");
  const collaboration = await db.collaboration.findUnique({
    where: { id: collaborationId },
    select: {
      id: true,
      userId: true,
      status: true,
      role: true,
      contribution: true,
      requestedAt: true,
      decidedAt: true,
      user: { select: { name: true, profile: { select: { gmcNumber: true } } } },
      projectSite: {
        select: {
          status: true,
          projectId: true,
          site: { select: { name: true } },
          progressReports: { orderBy: [{ reportedAt: "desc" }, { id: "desc" }], take: 1, select: { cumulativeCases: true } },
          project: {
            select: {
              title: true,
              status: true,
              collectionStart: true,
              collectionEnd: true,
              minimumCitableCases: true,
              leads: { where: { role: "LEAD", user: { deletedAt: null } }, orderBy: { addedAt: "asc" }, take: 1, select: { user: { select: { id: true, name: true } } } },
            },
          },
        },
      },
      certificates: { orderBy: { issuedAt: "desc" }, take: 1, select: { code: true, statement: true, issuedAt: true } },
    },
  });
  if (!collaboration) throw new NotFoundError("That certificate");
  assertCan(actor, "collaboration.certificate", { ownerId: collaboration.userId });
  if (collaboration.certificates[0]) return asIssued(collaboration.certificates[0]);
  const { project, site, status: siteStatus, progressReports } = collaboration.projectSite;
  if (collaboration.status !== "CONFIRMED") {
    throw new DomainError("A certificate is issued only for a collaboration the site lead confirmed.");
  }
  if (!CERTIFICATE_PROJECT_STATUSES.includes(project.status)) {
    throw new DomainError("A certificate is issued once the project has finished collecting data.");
  }
  const now = new Date();
  const siteCases = progressReports[0]?.cumulativeCases ?? 0;
  const statement: CertificateStatement = {
    traineeName: collaboration.user.name,
    gmcNumber: collaboration.user.profile?.gmcNumber ?? null,
    projectTitle: project.title,
    site: site.name,
    role: collaboration.role,
    collectionStart: isoDate(project.collectionStart),
    collectionEnd: isoDate(project.collectionEnd),
    issuedOn: isoDate(now)!,
    joinedOn: isoDate(collaboration.decidedAt ?? collaboration.requestedAt),
    leftOn: null,
    contribution: collaboration.contribution,
    siteCases,
    cited: isCited(siteStatus, siteCases, project.minimumCitableCases),
    minimumCitableCases: project.minimumCitableCases,
    projectLead: project.leads[0]?.user.name ?? null,
    projectLeadId: project.leads[0]?.user.id ?? null,
  };
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.certificate.create({
        data: {
          code: newVerificationCode(),
          kind: "PARTICIPANT",
          holderId: collaboration.userId,
          projectId: collaboration.projectSite.projectId,
          subject: certificateSubject("PARTICIPANT", collaboration.projectSite.projectId, collaboration.userId),
          fingerprint: statementFingerprint(statement),
          collaborationId,
          statement: { ...statement },
          issuedAt: now,
        },
        select: { id: true, code: true, statement: true, issuedAt: true },
      });
      await audit(tx, {
        actorId: actor.id,
        action: "certificate.issued",
        entityType: "Collaboration",
        entityId: collaborationId,
        after: { certificateId: created.id, code: created.code },
      });
      return asIssued(created);
    });
  } catch (error) {
    // Two downloads at once: the first one issued it; serve that one.
    if (isUniqueViolation(error)) {
      const existing = await db.certificate.findFirstOrThrow({
        where: { collaborationId },
        orderBy: { issuedAt: "desc" },
        select: { code: true, statement: true, issuedAt: true },
      });
      return asIssued(existing);
    }
    throw error;
  }
}

/** The certificate as its holder and anyone verifying it see it: the lead's account id stays inside the portal. */
function asIssued(row: { code: string; statement: Prisma.JsonValue; issuedAt: Date }): IssuedCertificate {
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
