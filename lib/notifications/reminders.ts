import "server-only";
// The daily reminders, in the portal and by e-mail (each person's rule for the kind):
// - a site taking part in a project that is collecting data, active, and with no cases recorded
//   for two weeks: its site leads are reminded, at most once a week (ProjectSite.lastReminderAt);
// - a request to join left unanswered for a week: passed once to the project's leads
//   (Collaboration.escalatedAt), who can see the site's team and chase its leads.
// Each claims a batch with one statement (the conditional update is the "once") and tells
// everyone in it with notifyEach: a constant number of statements per batch.
import { db } from "@/lib/db";
import { formatDate } from "@/lib/format/dates";
import { QUIET_SITE_DAYS } from "@/lib/validation/constants";
import { notifyEach } from "./notifications";

const DAY = 24 * 60 * 60 * 1000;
/** Days without a recorded case before a site lead is reminded: the dashboard says it too. */
/** Days between two reminders to the same site. */
export const REMINDER_GAP_DAYS = 7;
/** Days a request to join waits before the project's leads hear of it. */
export const ESCALATE_AFTER_DAYS = 7;
export const REMINDER_BATCH = 200;

const sitePath = (slug: string, odsCode: string) => `/dashboard/projects/${slug}/sites/${encodeURIComponent(odsCode)}`;

interface QuietSite {
  title: string;
  slug: string;
  projectId: string;
  site: string;
  odsCode: string;
  lastCase: Date | null;
  leads: string[] | null;
}

/** Reminds the site leads of quiet sites; returns how many sites were reminded. */
export async function remindQuietSites(now: Date): Promise<number> {
  const quietSince = new Date(now.getTime() - QUIET_SITE_DAYS * DAY);
  const remindedBefore = new Date(now.getTime() - REMINDER_GAP_DAYS * DAY);
  let reminded = 0;
  for (;;) {
    const count = await db.$transaction(async (tx) => {
      // A site that has never recorded a case counts from when it joined (approved, or registered).
      const sites = await tx.$queryRaw<QuietSite[]>`
        WITH due AS (
          SELECT ps.id, last.at AS "lastCase"
            FROM "ProjectSite" ps
            JOIN "Project" p ON p.id = ps."projectId"
            LEFT JOIN LATERAL (SELECT max(r."reportedAt") AS at FROM "ProgressReport" r WHERE r."projectSiteId" = ps.id) last ON true
           WHERE ps.status = 'ACTIVE' AND p.status = 'DATA_COLLECTION'
             AND (ps."lastReminderAt" IS NULL OR ps."lastReminderAt" <= ${remindedBefore})
             AND COALESCE(last.at, ps."leadApprovedAt", ps."registeredAt") <= ${quietSince}
           ORDER BY ps.id
           LIMIT ${REMINDER_BATCH}
           FOR UPDATE OF ps SKIP LOCKED
        ), marked AS (
          UPDATE "ProjectSite" ps SET "lastReminderAt" = ${now} FROM due WHERE ps.id = due.id
          RETURNING ps.id, ps."projectId", ps."siteId"
        )
        SELECT p.id AS "projectId", p.title, p.slug, s.name AS site, s."odsCode", due."lastCase",
               (SELECT array_agg(c."userId"::text) FROM "Collaboration" c
                 WHERE c."projectSiteId" = m.id AND c.role = 'SITE_LEAD' AND c.status = 'CONFIRMED') AS leads
          FROM marked m
          JOIN due ON due.id = m.id
          JOIN "Project" p ON p.id = m."projectId"
          JOIN "Site" s ON s.id = m."siteId"`;
      await notifyEach(
        tx,
        sites.map((site) => ({
          userIds: site.leads ?? [],
          notification: {
            kind: "site.progressReminder" as const,
            projectId: site.projectId,
            message: site.lastCase
              ? `${site.site} has recorded no cases for "${site.title}" since ${formatDate(site.lastCase)}. Record the cases submitted so far, even if the count has not changed.`
              : `${site.site} has not recorded any cases for "${site.title}" yet. Record the cases submitted so far, even if there are none.`,
            link: `${sitePath(site.slug, site.odsCode)}/progress`,
          },
        })),
      );
      return sites.length;
    });
    reminded += count;
    if (count < REMINDER_BATCH) return reminded;
  }
}

interface WaitingRequest {
  projectId: string;
  title: string;
  slug: string;
  site: string;
  odsCode: string;
  trainee: string;
  requestedAt: Date;
  leads: string[] | null;
}

/** Passes requests to join unanswered for a week to the project's leads, once; returns how many. */
export async function escalateWaitingRequests(now: Date): Promise<number> {
  const askedBefore = new Date(now.getTime() - ESCALATE_AFTER_DAYS * DAY);
  let escalated = 0;
  for (;;) {
    const count = await db.$transaction(async (tx) => {
      // Only requests a site lead could still answer: the site takes people on, the project too.
      const requests = await tx.$queryRaw<WaitingRequest[]>`
        WITH due AS (
          SELECT c.id
            FROM "Collaboration" c
            JOIN "ProjectSite" ps ON ps.id = c."projectSiteId"
            JOIN "Project" p ON p.id = ps."projectId"
           WHERE c.status = 'REQUESTED' AND c."escalatedAt" IS NULL AND c."requestedAt" <= ${askedBefore}
             AND ps.status IN ('REGISTERED', 'APPROVALS_PENDING', 'ACTIVE')
             AND p.status IN ('SITE_SETUP', 'DATA_COLLECTION')
           ORDER BY c.id
           LIMIT ${REMINDER_BATCH}
           FOR UPDATE OF c SKIP LOCKED
        ), marked AS (
          UPDATE "Collaboration" c SET "escalatedAt" = ${now} FROM due WHERE c.id = due.id
          RETURNING c.id, c."projectSiteId", c."userId", c."requestedAt"
        )
        SELECT p.id AS "projectId", p.title, p.slug, s.name AS site, s."odsCode", u.name AS trainee, m."requestedAt",
               (SELECT array_agg(pl."userId"::text) FROM "ProjectLead" pl WHERE pl."projectId" = p.id) AS leads
          FROM marked m
          JOIN "User" u ON u.id = m."userId"
          JOIN "ProjectSite" ps ON ps.id = m."projectSiteId"
          JOIN "Project" p ON p.id = ps."projectId"
          JOIN "Site" s ON s.id = ps."siteId"`;
      await notifyEach(
        tx,
        requests.map((request) => ({
          userIds: request.leads ?? [],
          notification: {
            kind: "collaboration.escalated" as const,
            projectId: request.projectId,
            message: `${request.trainee} asked to join "${request.title}" at ${request.site} on ${formatDate(request.requestedAt)} and has had no answer for a week. The site's leads can confirm or decline the request on the team page.`,
            link: `${sitePath(request.slug, request.odsCode)}/team`,
          },
        })),
      );
      return requests.length;
    });
    escalated += count;
    if (count < REMINDER_BATCH) return escalated;
  }
}

/** The daily task: both reminders. */
export async function sendDailyReminders(now: Date): Promise<{ quietSites: number; escalatedRequests: number }> {
  return { quietSites: await remindQuietSites(now), escalatedRequests: await escalateWaitingRequests(now) };
}
