import "server-only";
// What waits on the signed-in person in each of their roles, for the top of the dashboard.
// One statement whatever the size of the data: every part is a grouped subquery scoped to
// what the person may act on (the sites they lead, the projects they lead, the committee's
// queue without their own proposals, the administrators' lists), and each list is cut at
// ROLE_WORK_LIST_LIMIT with its full count beside it.
import { can, type AuthzActor } from "@/lib/authz";
import { db } from "@/lib/db";
import { QUIET_SITE_DAYS } from "@/lib/validation/constants";
import { elapsedShare } from "@/lib/sites/national";


/** Items of one kind shown at once; the count says how many there are in all. */
export const ROLE_WORK_LIST_LIMIT = 10;

const DAY = 24 * 60 * 60 * 1000;

export interface SiteRequestsItem {
  hospital: string;
  odsCode: string;
  projectSlug: string;
  projectTitle: string;
  requests: number;
}

export interface QuietSiteItem {
  hospital: string;
  odsCode: string;
  projectSlug: string;
  projectTitle: string;
  /** The last count recorded, or null when none has been. */
  lastReport: Date | null;
}

export interface AwaitingApprovalItem {
  projectSlug: string;
  projectTitle: string;
  sites: number;
}

export interface ChangesRequestedItem {
  projectId: string;
  projectTitle: string;
}

export interface BehindTargetItem {
  projectSlug: string;
  projectTitle: string;
  cases: number;
  /** Cases expected by now: the target pro rata over the collection window so far. */
  expected: number;
  target: number;
}

export interface ToReviewItem {
  projectId: string;
  projectTitle: string;
  submittedAt: Date | null;
}

interface Listed<T> {
  items: T[];
  total: number;
}

export interface RoleWork {
  /** `requests.total` counts sites with requests; `requests.all` the requests themselves. */
  siteLead: { requests: Listed<SiteRequestsItem> & { all: number }; quietSites: Listed<QuietSiteItem> };
  projectLead: { awaitingApproval: Listed<AwaitingApprovalItem>; changesRequested: Listed<ChangesRequestedItem>; behindTarget: Listed<BehindTargetItem> };
  /** Null for someone who does not review proposals. */
  reviewer: { toReview: Listed<ToReviewItem> } | null;
  /** Null for someone who is not an administrator. */
  admin: { hospitalRequests: number; failedEmails: number } | null;
  /** Everything waiting, all roles together: 0 means nothing needs the person now. */
  total: number;
}

interface LedProjectRow {
  projectSlug: string;
  projectTitle: string;
  collectionStart: string | null;
  collectionEnd: string | null;
  cases: number;
  target: number;
}

interface RoleWorkRow {
  requests: SiteRequestsItem[] | null;
  quietSites: (Omit<QuietSiteItem, "lastReport"> & { lastReport: string | null })[] | null;
  awaitingApproval: AwaitingApprovalItem[] | null;
  changesRequested: ChangesRequestedItem[] | null;
  collecting: LedProjectRow[] | null;
  toReview: (Omit<ToReviewItem, "submittedAt"> & { submittedAt: string | null })[] | null;
  toReviewTotal: number;
  hospitalRequests: number;
  failedEmails: number;
}

const listed = <T>(rows: T[] | null): Listed<T> => ({ items: (rows ?? []).slice(0, ROLE_WORK_LIST_LIMIT), total: rows?.length ?? 0 });
/** A date read from json_agg: a day ("2026-09-01"), or a timestamp stored in UTC without its zone. */
const dateOrNull = (value: string | null) => (value ? new Date(value.length > 10 && !/(Z|[+-]\d\d:?\d\d)$/.test(value) ? `${value}Z` : value) : null);

/** What waits on `actor` now, by role; each part holds only what they may act on. One statement. */
export async function getRoleWork(actor: AuthzActor, now: Date = new Date()): Promise<RoleWork> {
  const reviews = can(actor, "project.review");
  const managesHospitals = can(actor, "reference.manage");
  const managesMail = can(actor, "mail.manage");
  const quietSince = new Date(now.getTime() - QUIET_SITE_DAYS * DAY);
  const [row] = await db.$queryRaw<[RoleWorkRow]>`
    WITH my_sites AS (
      -- Sites the person leads, as a confirmed site lead.
      SELECT ps.id, ps.status, ps."leadApprovedAt", ps."registeredAt", s.name AS hospital, s."odsCode",
             p.slug AS "projectSlug", p.title AS "projectTitle", p.status AS "projectStatus"
        FROM "Collaboration" c
        JOIN "ProjectSite" ps ON ps.id = c."projectSiteId"
        JOIN "Site" s ON s.id = ps."siteId"
        JOIN "Project" p ON p.id = ps."projectId"
       WHERE c."userId" = ${actor.id}::uuid AND c.role = 'SITE_LEAD' AND c.status = 'CONFIRMED'
    ), my_projects AS (
      SELECT p.id, p.slug, p.title, p.status, p."collectionStart", p."collectionEnd", p."targetCasesPerSite"
        FROM "Project" p
       WHERE EXISTS (SELECT 1 FROM "ProjectLead" pl WHERE pl."projectId" = p.id AND pl."userId" = ${actor.id}::uuid)
    )
    SELECT
      (SELECT json_agg(x ORDER BY x."projectTitle", x.hospital) FROM (
         -- Requests are answered while the site takes people on (as lib/collaborations/site-requests).
         SELECT m.hospital, m."odsCode", m."projectSlug", m."projectTitle", count(*)::int AS requests
           FROM my_sites m JOIN "Collaboration" r ON r."projectSiteId" = m.id AND r.status = 'REQUESTED'
          WHERE m.status IN ('REGISTERED', 'APPROVALS_PENDING', 'ACTIVE')
          GROUP BY m.id, m.hospital, m."odsCode", m."projectSlug", m."projectTitle"
      ) x) AS requests,
      (SELECT json_agg(x ORDER BY x."lastReport" NULLS FIRST, x."projectTitle", x.hospital) FROM (
         -- The reminders' rule (lib/notifications/reminders.ts): active, collecting, no count for QUIET_SITE_DAYS.
         SELECT m.hospital, m."odsCode", m."projectSlug", m."projectTitle", last.at AS "lastReport"
           FROM my_sites m
           LEFT JOIN LATERAL (SELECT max(r."reportedAt") AS at FROM "ProgressReport" r WHERE r."projectSiteId" = m.id) last ON true
          WHERE m.status = 'ACTIVE' AND m."projectStatus" = 'DATA_COLLECTION'
            AND COALESCE(last.at, m."leadApprovedAt", m."registeredAt") <= ${quietSince}
      ) x) AS "quietSites",
      (SELECT json_agg(x ORDER BY x."projectTitle") FROM (
         -- Sites the lead may approve now (lib/sites/approvals.ts, approveSite).
         SELECT p.slug AS "projectSlug", p.title AS "projectTitle", count(*)::int AS sites
           FROM my_projects p JOIN "ProjectSite" ps ON ps."projectId" = p.id
          WHERE p.status IN ('SITE_SETUP', 'DATA_COLLECTION') AND ps."leadApprovedAt" IS NULL AND ps.status <> 'WITHDRAWN'
          GROUP BY p.id, p.slug, p.title
      ) x) AS "awaitingApproval",
      (SELECT json_agg(x ORDER BY x."projectTitle") FROM (
         SELECT p.id AS "projectId", p.title AS "projectTitle" FROM my_projects p WHERE p.status = 'CHANGES_REQUESTED'
      ) x) AS "changesRequested",
      (SELECT json_agg(x ORDER BY x."projectTitle") FROM (
         -- Cases and targets of the sites taking part (as the national view counts them).
         SELECT p.slug AS "projectSlug", p.title AS "projectTitle", p."collectionStart", p."collectionEnd",
                COALESCE(sum(latest."cumulativeCases"), 0)::int AS cases,
                COALESCE(sum(COALESCE(ps."caseTarget", p."targetCasesPerSite")), 0)::int AS target
           FROM my_projects p
           JOIN "ProjectSite" ps ON ps."projectId" = p.id AND ps.status <> 'WITHDRAWN'
           LEFT JOIN LATERAL (
             SELECT r."cumulativeCases" FROM "ProgressReport" r
              WHERE r."projectSiteId" = ps.id ORDER BY r."reportedAt" DESC, r.id DESC LIMIT 1
           ) latest ON true
          WHERE p.status = 'DATA_COLLECTION'
          GROUP BY p.id, p.slug, p.title, p."collectionStart", p."collectionEnd"
      ) x) AS collecting,
      (SELECT json_agg(x ORDER BY x."submittedAt", x."projectId") FROM (
         -- The review queue (lib/reviews/queue.ts) without what the person reviewed in its current round, or declared a conflict in.
         SELECT p.id AS "projectId", p.title AS "projectTitle", p."submittedAt"
           FROM "Project" p
          WHERE ${reviews} AND p.status IN ('SUBMITTED', 'IN_REVIEW')
            AND NOT EXISTS (SELECT 1 FROM "ProjectLead" pl WHERE pl."projectId" = p.id AND pl."userId" = ${actor.id}::uuid)
            AND NOT EXISTS (SELECT 1 FROM "ConflictOfInterest" ci WHERE ci."projectId" = p.id AND ci."userId" = ${actor.id}::uuid)
            AND NOT EXISTS (
              SELECT 1 FROM "Review" rv
               WHERE rv."projectId" = p.id AND rv."reviewerId" = ${actor.id}::uuid
                 AND rv.round = COALESCE((SELECT max(v.number) FROM "ProjectVersion" v WHERE v."projectId" = p.id AND v.kind = 'PROPOSAL'), 0))
          ORDER BY p."submittedAt", p.id
          LIMIT ${ROLE_WORK_LIST_LIMIT}::int
      ) x) AS "toReview",
      (SELECT count(*)::int
         FROM "Project" p
        WHERE ${reviews} AND p.status IN ('SUBMITTED', 'IN_REVIEW')
          AND NOT EXISTS (SELECT 1 FROM "ProjectLead" pl WHERE pl."projectId" = p.id AND pl."userId" = ${actor.id}::uuid)
          AND NOT EXISTS (SELECT 1 FROM "ConflictOfInterest" ci WHERE ci."projectId" = p.id AND ci."userId" = ${actor.id}::uuid)
          AND NOT EXISTS (
            SELECT 1 FROM "Review" rv
             WHERE rv."projectId" = p.id AND rv."reviewerId" = ${actor.id}::uuid
               AND rv.round = COALESCE((SELECT max(v.number) FROM "ProjectVersion" v WHERE v."projectId" = p.id AND v.kind = 'PROPOSAL'), 0))) AS "toReviewTotal",
      (SELECT count(*)::int
         -- As lib/reference/hospital-requests.ts: from a confirmed address, not an erased account.
         FROM "HospitalRequest" h JOIN "User" u ON u.id = h."requestedById"
        WHERE ${managesHospitals} AND h.status = 'PENDING' AND u."deletedAt" IS NULL AND u."emailVerified" IS NOT NULL) AS "hospitalRequests",
      (SELECT count(*)::int FROM "EmailMessage" e WHERE ${managesMail} AND e.status = 'FAILED') AS "failedEmails"`;

  const behind = (row.collecting ?? [])
    .map((project) => {
      const share = elapsedShare(dateOrNull(project.collectionStart), dateOrNull(project.collectionEnd), now);
      return { projectSlug: project.projectSlug, projectTitle: project.projectTitle, cases: project.cases, target: project.target, expected: Math.ceil(project.target * share) };
    })
    .filter((project) => project.target > 0 && project.cases < project.expected);
  const work: Omit<RoleWork, "total"> = {
    siteLead: {
      requests: { ...listed(row.requests), all: (row.requests ?? []).reduce((sum, item) => sum + item.requests, 0) },
      quietSites: listed((row.quietSites ?? []).map((site) => ({ ...site, lastReport: dateOrNull(site.lastReport) }))),
    },
    projectLead: {
      awaitingApproval: listed(row.awaitingApproval),
      changesRequested: listed(row.changesRequested),
      behindTarget: listed(behind),
    },
    reviewer: reviews
      ? { toReview: { items: (row.toReview ?? []).map((item) => ({ ...item, submittedAt: dateOrNull(item.submittedAt) })), total: row.toReviewTotal } }
      : null,
    admin: managesHospitals || managesMail ? { hospitalRequests: row.hospitalRequests, failedEmails: row.failedEmails } : null,
  };
  const total =
    work.siteLead.requests.total +
    work.siteLead.quietSites.total +
    work.projectLead.awaitingApproval.total +
    work.projectLead.changesRequested.total +
    work.projectLead.behindTarget.total +
    (work.reviewer?.toReview.total ?? 0) +
    (work.admin ? work.admin.hospitalRequests + work.admin.failedEmails : 0);
  return { ...work, total };
}
