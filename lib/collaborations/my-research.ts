import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/authz";
import type { Actor } from "@/lib/auth/session";
import type { CollaborationRole, CollaborationStatus, ProjectStatus } from "@/lib/generated/prisma/enums";
import { CERTIFICATE_PROJECT_STATUSES } from "@/lib/certificates/certificate";
import { leaveRefusal, takesPart } from "@/lib/participation/rules";

export interface ResearchHistoryEntry {
  action: string;
  at: Date;
  byThemselves: boolean;
}

export interface MyCollaboration {
  id: string;
  status: CollaborationStatus;
  role: CollaborationRole;
  site: string;
  contribution: string | null;
  requestedAt: Date;
  decidedAt: Date | null;
  project: { title: string; slug: string; status: ProjectStatus; collectionStart: Date | null; collectionEnd: Date | null };
  canLeave: boolean;
  /** Why the person may not leave a place that takes part (the command's own refusal); null when they may, or when the place has ended. */
  leaveRefusal: string | null;
  certificateAvailable: boolean;
  certificateCode: string | null;
  history: ResearchHistoryEntry[];
}

export interface MyResearch {
  collaborations: MyCollaboration[];
  interests: { project: string; slug: string; site: string; at: Date }[];
}

/** Every collaboration of the signed-in person, with its history. Three statements whatever their number. */
export async function getMyResearch(actor: Actor): Promise<MyResearch> {
  assertCan(actor, "profile.view", { ownerId: actor.id });
  const [rows, interests] = await Promise.all([
    db.$queryRaw<
      (Pick<MyCollaboration, "id" | "status" | "role" | "site" | "contribution" | "requestedAt" | "decidedAt" | "certificateCode"> &
        Pick<MyCollaboration["project"], "title" | "slug" | "collectionStart" | "collectionEnd"> & {
          projectStatus: ProjectStatus;
          siteWithdrawn: boolean;
        })[]
    >`
      SELECT c.id, c.status, c.role, s.name AS site, c.contribution, c."requestedAt", c."decidedAt", ps.status = 'WITHDRAWN' AS "siteWithdrawn",
             p.title, p.slug, p.status AS "projectStatus", p."collectionStart", p."collectionEnd",
             cert.code AS "certificateCode"
        FROM "Collaboration" c
        JOIN "ProjectSite" ps ON ps.id = c."projectSiteId"
        JOIN "Site" s ON s.id = ps."siteId"
        JOIN "Project" p ON p.id = ps."projectId"
        LEFT JOIN "Certificate" cert ON cert."collaborationId" = c.id
       WHERE c."userId" = ${actor.id}::uuid
       ORDER BY c."requestedAt" DESC, p.title`,
    db.$queryRaw<{ project: string; slug: string; site: string; at: Date }[]>`
      SELECT p.title AS project, p.slug, s.name AS site, i."createdAt" AS at
        FROM "SiteInterest" i JOIN "Project" p ON p.id = i."projectId" JOIN "Site" s ON s.id = i."siteId"
       WHERE i."userId" = ${actor.id}::uuid
       ORDER BY i."createdAt" DESC`,
  ]);
  const events =
    rows.length === 0
      ? []
      : await db.auditEvent.findMany({
          where: { entityType: "Collaboration", entityId: { in: rows.map((row) => row.id) } },
          orderBy: { createdAt: "asc" },
          select: { entityId: true, action: true, createdAt: true, actorId: true },
        });
  const historyOf = new Map<string, ResearchHistoryEntry[]>();
  for (const event of events) {
    const list = historyOf.get(event.entityId) ?? [];
    list.push({ action: event.action, at: event.createdAt, byThemselves: event.actorId === actor.id });
    historyOf.set(event.entityId, list);
  }
  return {
    collaborations: rows.map((row) => {
      const refusal = leaveRefusal(row, row.projectStatus);
      return {
        id: row.id,
        status: row.status,
        role: row.role,
        site: row.site,
        contribution: row.contribution,
        requestedAt: row.requestedAt,
        decidedAt: row.decidedAt,
        project: {
          title: row.title,
          slug: row.slug,
          status: row.projectStatus,
          collectionStart: row.collectionStart,
          collectionEnd: row.collectionEnd,
        },
        canLeave: refusal === null,
        leaveRefusal: takesPart(row) ? refusal : null,
        certificateAvailable: row.status === "CONFIRMED" && CERTIFICATE_PROJECT_STATUSES.includes(row.projectStatus),
        certificateCode: row.certificateCode,
        history: historyOf.get(row.id) ?? [],
      };
    }),
    interests,
  };
}
