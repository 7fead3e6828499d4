import "server-only";
// The weekly e-mail about new projects, for members who asked for it on their profile
// (contactConsent). It lists the projects opened to hospitals since the member's watermark
// (newProjectsMailedAt) that match their home hospital's region (a site there has registered)
// or their interests (a modality or subspecialty in common), then moves the watermark: each
// project is announced to a member once, and a member mailed in the last six days is skipped,
// so a second run in the same week sends nothing. A batch of members per transaction, three
// statements each: one claims the batch (moving the watermarks) and returns its matches, two
// queue the e-mails.
import { db } from "@/lib/db";
import { absoluteUrl } from "@/lib/mail/compose";
import { queueEmails, type OutgoingEmail } from "@/lib/mail/outbox";
import { NEW_PROJECTS_STREAM, unsubscribeUrl } from "./unsubscribe-link";

const DAY = 24 * 60 * 60 * 1000;
/** Members per transaction. */
export const NEW_PROJECTS_BATCH = 500;
/** A member mailed this recently is left for next week: the task runs weekly, give or take a few seconds. */
export const NEW_PROJECTS_GAP_DAYS = 6;
/** How far back a member's first e-mail looks, when they have had none. */
export const FIRST_LOOK_BACK_DAYS = 7;

interface MatchRow {
  userId: string;
  email: string;
  name: string;
  projectId: string | null;
  title: string | null;
  slug: string | null;
  summary: string | null;
}

/** Announces new projects to every member due; returns how many e-mails were queued. */
export async function announceNewProjects(now: Date): Promise<number> {
  const mailedBefore = new Date(now.getTime() - NEW_PROJECTS_GAP_DAYS * DAY);
  const firstSince = new Date(now.getTime() - FIRST_LOOK_BACK_DAYS * DAY);
  let sent = 0;
  for (;;) {
    const outcome = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<MatchRow[]>`
        WITH due AS (
          SELECT tp."userId", COALESCE(tp."newProjectsMailedAt", ${firstSince}) AS since,
                 tp."deaneryId", home."deaneryId" AS "homeDeaneryId", tp.modalities, tp.subspecialties
            FROM "TraineeProfile" tp
            JOIN "User" u ON u.id = tp."userId"
            JOIN "Site" home ON home.id = tp."homeSiteId"
           WHERE tp."contactConsent" AND u."deletedAt" IS NULL AND u."emailVerified" IS NOT NULL
             AND (tp."newProjectsMailedAt" IS NULL OR tp."newProjectsMailedAt" <= ${mailedBefore})
           ORDER BY tp."userId"
           LIMIT ${NEW_PROJECTS_BATCH}
           FOR UPDATE OF tp SKIP LOCKED
        ), moved AS (
          UPDATE "TraineeProfile" tp SET "newProjectsMailedAt" = ${now} FROM due WHERE tp."userId" = due."userId" RETURNING tp."userId"
        )
        SELECT due."userId", u.email, u.name, p.id AS "projectId", p.title, p.slug, p.summary
          FROM due
          JOIN "User" u ON u.id = due."userId"
          LEFT JOIN LATERAL (
            SELECT p.id, p.title, p.slug, p.summary, p."openedToSitesAt"
              FROM "Project" p
             WHERE p."openedToSitesAt" > due.since AND p."openedToSitesAt" <= ${now}
               AND p.status IN ('SITE_SETUP', 'DATA_COLLECTION')
               AND NOT EXISTS (SELECT 1 FROM "ProjectLead" pl WHERE pl."projectId" = p.id AND pl."userId" = due."userId")
               AND (p.modalities && due.modalities
                    OR p.subspecialties && due.subspecialties
                    OR EXISTS (SELECT 1 FROM "ProjectSite" ps JOIN "Site" s ON s.id = ps."siteId"
                                WHERE ps."projectId" = p.id AND ps.status <> 'WITHDRAWN'
                                  AND s."deaneryId" IN (due."deaneryId", due."homeDeaneryId")))
          ) p ON true
         ORDER BY due."userId", p."openedToSitesAt", p.title`;
      const byMember = new Map<string, MatchRow[]>();
      for (const row of rows) {
        const matches = byMember.get(row.userId) ?? [];
        if (row.projectId) matches.push(row);
        byMember.set(row.userId, matches);
      }
      const emails = [...byMember.values()].filter((matches) => matches.length > 0).map(newProjectsEmail);
      await queueEmails(tx, emails);
      return { members: byMember.size, emails: emails.length };
    });
    sent += outcome.emails;
    if (outcome.members < NEW_PROJECTS_BATCH) return sent;
  }
}

function newProjectsEmail(projects: MatchRow[]): OutgoingEmail {
  const [first] = projects as [MatchRow, ...MatchRow[]];
  const one = projects.length === 1;
  return {
    to: first.email,
    userId: first.userId,
    kind: "projects.new",
    subject: one ? `A new RADIANT project is open to hospitals: ${first.title}` : `${projects.length} new RADIANT projects are open to hospitals`,
    greeting: `Dear ${first.name},`,
    paragraphs: [
      `${one ? "This project has" : "These projects have"} opened to hospitals and ${one ? "matches" : "match"} your interests or your region. Your hospital can register to take part, and you can ask to join its team.`,
      ...projects.map((project) => `${project.title}\n${project.summary}\n${absoluteUrl(`/projects/${project.slug}`)}`),
    ],
    action: { label: "Browse open projects", url: absoluteUrl("/projects") },
    reason: `You asked on your profile to be e-mailed about new projects that match your interests and hospital. RADIANT sends at most one such e-mail a week. Change it on your profile: ${absoluteUrl("/dashboard/profile")}`,
    unsubscribeUrl: unsubscribeUrl(first.userId, NEW_PROJECTS_STREAM),
  };
}
