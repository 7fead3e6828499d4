import "server-only";
import { db } from "@/lib/db";
import { assertCan } from "@/lib/authz";
import type { Actor } from "@/lib/auth/session";
import type { CollaborationRole, CollaborationStatus, ProjectStatus } from "@/lib/generated/prisma/enums";
import { CERTIFICATE_PROJECT_STATUSES } from "@/lib/certificates/certificate";
import { casesWhileOnTeam, type CaseReport } from "@/lib/participation/credit";
import { countsForAuthorship, leaveRefusal, rotateRefusal, takesPart } from "@/lib/participation/rules";

export interface ResearchHistoryEntry {
  action: string;
  at: Date;
  byThemselves: boolean;
}

/** How a place ended: a move to another hospital keeps its credit; the others give it up. */
export type PlaceEnding = "moved" | "withdrew" | "removed" | "endedByHospital" | "declined";

export interface MyCollaboration {
  id: string;
  status: CollaborationStatus;
  role: CollaborationRole;
  site: string;
  siteWithdrawn: boolean;
  contribution: string | null;
  requestedAt: Date;
  decidedAt: Date | null;
  /** When they joined the team (confirmed), or null if they never did. */
  joinedAt: Date | null;
  /** When the place ended, or null while it is open (or for a place ended before end dates were kept). */
  endedAt: Date | null;
  ending: PlaceEnding | null;
  /** The cases the site recorded while they were on its team (casesWhileOnTeam), or null when that time is not known. */
  cases: number | null;
  /** Whether the place counts for the author list and certificates (countsForAuthorship). */
  countsForCredit: boolean;
  /** Whether they may end the place as a move to another hospital, keeping its credit. */
  mayRotate: boolean;
  project: { title: string; slug: string; status: ProjectStatus; collectionStart: Date | null; collectionEnd: Date | null };
  canLeave: boolean;
  /** Why the person may not leave a place that takes part (the command's own refusal); null when they may, or when the place has ended. */
  leaveRefusal: string | null;
  certificateAvailable: boolean;
  certificateCode: string | null;
  history: ResearchHistoryEntry[];
}

/** One project and the person's places in it, the earliest first: a rotation shows as two places under one project. */
export interface MyProjectPlaces {
  project: MyCollaboration["project"];
  places: MyCollaboration[];
}

export interface MyResearch {
  /** Every place, the latest asked for first. */
  collaborations: MyCollaboration[];
  /** The same places by project, in the order of each project's latest place. */
  projects: MyProjectPlaces[];
  interests: { project: string; slug: string; site: string; at: Date }[];
}

const ENDING_ACTIONS = new Set(["collaboration.left", "collaboration.removed", "collaboration.rotated", "collaboration.declined"]);

/** How an ended place ended, from its status and the last audit event that ended it. */
function endingOf(status: CollaborationStatus, last: { action: string; byThemselves: boolean } | undefined): PlaceEnding | null {
  switch (status) {
    case "ROTATED":
      return "moved";
    case "DECLINED":
      return "declined";
    case "LEFT":
      if (last?.action === "collaboration.removed") return "removed";
      // A place closed by its hospital's new registration is recorded as left by the registrant (docs/decisions/011).
      if (last?.action === "collaboration.left" && !last.byThemselves) return "endedByHospital";
      return "withdrew";
    default:
      return null;
  }
}

/** Every collaboration of the signed-in person, with its history and the cases of its time on the team. Three statements whatever their number. */
export async function getMyResearch(actor: Actor): Promise<MyResearch> {
  assertCan(actor, "profile.view", { ownerId: actor.id });
  const [rows, interests] = await Promise.all([
    db.$queryRaw<
      (Pick<MyCollaboration, "id" | "status" | "role" | "site" | "contribution" | "requestedAt" | "decidedAt" | "certificateCode"> &
        Pick<MyCollaboration["project"], "title" | "slug" | "collectionStart" | "collectionEnd"> & {
          projectStatus: ProjectStatus;
          siteWithdrawn: boolean;
          endedAt: Date | null;
          reports: { cumulativeCases: number; reportedAt: string }[] | null;
        })[]
    >`
      SELECT c.id, c.status, c.role, s.name AS site, c.contribution, c."requestedAt", c."decidedAt", c."endedAt", ps.status = 'WITHDRAWN' AS "siteWithdrawn",
             (SELECT json_agg(json_build_object('cumulativeCases', r."cumulativeCases", 'reportedAt', r."reportedAt"))
                FROM "ProgressReport" r WHERE r."projectSiteId" = c."projectSiteId") AS reports,
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
  const now = new Date();
  const collaborations = rows.map((row): MyCollaboration => {
    const refusal = leaveRefusal(row, row.projectStatus);
    const history = historyOf.get(row.id) ?? [];
    const joinedAt = row.status === "REQUESTED" || row.status === "DECLINED" ? null : row.decidedAt;
    const reports: CaseReport[] = (row.reports ?? []).map((report) => ({ cumulativeCases: report.cumulativeCases, reportedAt: new Date(report.reportedAt) }));
    // The time on the team is known while it lasts, and once its end is dated.
    const cases = joinedAt && (row.status === "CONFIRMED" || row.endedAt) ? casesWhileOnTeam(reports, joinedAt, row.endedAt, now) : null;
    return {
      id: row.id,
      status: row.status,
      role: row.role,
      site: row.site,
      siteWithdrawn: row.siteWithdrawn,
      contribution: row.contribution,
      requestedAt: row.requestedAt,
      decidedAt: row.decidedAt,
      joinedAt,
      endedAt: row.endedAt,
      ending: endingOf(row.status, history.findLast((entry) => ENDING_ACTIONS.has(entry.action))),
      cases,
      countsForCredit: countsForAuthorship(row),
      mayRotate: rotateRefusal(row, row.projectStatus) === null,
      project: {
        title: row.title,
        slug: row.slug,
        status: row.projectStatus,
        collectionStart: row.collectionStart,
        collectionEnd: row.collectionEnd,
      },
      canLeave: refusal === null,
      leaveRefusal: takesPart(row) ? refusal : null,
      certificateAvailable: countsForAuthorship(row) && CERTIFICATE_PROJECT_STATUSES.includes(row.projectStatus),
      certificateCode: row.certificateCode,
      history,
    };
  });
  const projects = new Map<string, MyProjectPlaces>();
  for (const collaboration of collaborations) {
    const entry = projects.get(collaboration.project.slug) ?? { project: collaboration.project, places: [] };
    entry.places.unshift(collaboration);
    projects.set(collaboration.project.slug, entry);
  }
  return { collaborations, projects: [...projects.values()], interests };
}
