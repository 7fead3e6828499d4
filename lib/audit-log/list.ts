import "server-only";
import { pageWindow } from "@/lib/paging";
import type { Actor } from "@/lib/auth/session";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AuditSearch } from "@/lib/validation/audit";
import { isUuid } from "@/lib/ids";

export const AUDIT_PAGE_SIZE = 25;

/** A person or record as the log names it, with where the viewer may open it. */
export interface Named {
  label: string;
  href?: string;
}

export interface AuditRow {
  id: string;
  createdAt: Date;
  actorName: string | null;
  actorEmail: string | null;
  /** Who acted, as the sentence names them: null when the portal did it. */
  actor: Named | null;
  /** The record acted on; null when the action names none (an import, a backup). */
  entity: Named | null;
  action: string;
  entityType: string;
  entityId: string;
  before: string | null;
  after: string | null;
}

/** The audit log, newest first, for administrators only. Read-only: nothing in the app edits or deletes it. */
export async function listAuditEvents(actor: Actor, search: AuditSearch) {
  assertCan(actor, "audit.read");
  const where: Prisma.AuditEventWhereInput = {
    ...(search.action ? { action: { startsWith: search.action } } : {}),
    ...(search.entityType ? { entityType: search.entityType } : {}),
    ...(search.actor
      ? {
          actor: {
            OR: [
              { email: { contains: search.actor.toLowerCase() } },
              { name: { contains: search.actor, mode: "insensitive" } },
            ],
          },
        }
      : {}),
  };
  const [total, actions] = await Promise.all([
    db.auditEvent.count({ where }),
    db.$queryRaw<{ action: string }[]>`SELECT DISTINCT action FROM "AuditEvent" ORDER BY action`,
  ]);
  const { page, pageCount, skip } = pageWindow(total, search.page, AUDIT_PAGE_SIZE);
  const rows = await db.auditEvent.findMany({
    where,
    orderBy: { id: "desc" },
    skip,
    take: AUDIT_PAGE_SIZE,
    select: {
      id: true,
      createdAt: true,
      action: true,
      entityType: true,
      entityId: true,
      before: true,
      after: true,
      actor: { select: { id: true, name: true, email: true, deletedAt: true } },
    },
  });
  const names = await nameRecords(rows);
  return {
    total,
    page,
    pageCount,
    actions: actions.map((row) => row.action),
    rows: rows.map(
      (row): AuditRow => ({
        id: row.id.toString(),
        createdAt: row.createdAt,
        actorName: row.actor?.name ?? null,
        actorEmail: row.actor?.email ?? null,
        actor: row.actor ? personNamed(row.actor) : null,
        entity: names.get(`${row.entityType}:${row.entityId}`) ?? fallbackName(row.entityType),
        action: row.action,
        entityType: row.entityType,
        entityId: row.entityId,
        before: row.before === null ? null : JSON.stringify(row.before, null, 2),
        after: row.after === null ? null : JSON.stringify(row.after, null, 2),
      }),
    ),
  };
}

export const DELETED_MEMBER = "a deleted member";

function personNamed(user: { name: string; email: string; deletedAt: Date | null }): Named {
  if (user.deletedAt) return { label: DELETED_MEMBER };
  return { label: user.name, href: `/dashboard/members?q=${encodeURIComponent(user.email)}` };
}

const siteHref = (projectSite: { project: { slug: string }; site: { odsCode: string } }) =>
  `/dashboard/projects/${encodeURIComponent(projectSite.project.slug)}/sites/${encodeURIComponent(projectSite.site.odsCode)}`;

/** A record that is no longer there (erased with an account, or never a row), said as what it was. */
function fallbackName(entityType: string): Named | null {
  const kinds: Record<string, string> = {
    User: DELETED_MEMBER,
    TraineeProfile: DELETED_MEMBER,
    Project: "a project that no longer exists",
    ProjectSite: "a hospital's place in a project",
    Collaboration: "a place on a site team",
    Site: "a hospital",
    Deanery: "a region",
    HospitalRequest: "a hospital request",
    Invitation: "an invitation no longer kept",
    SiteInterest: "a request to be told when a hospital opens",
    EmailMessage: "an e-mail no longer kept",
    Session: "a signed-in session",
  };
  return entityType in kinds ? { label: kinds[entityType]! } : null;
}

/**
 * The names of the records a page of the log acts on: one query per kind of
 * record on the page, whatever the number of rows. Ids that are not a row's
 * (an import's file hash) are left out of the queries.
 */
async function nameRecords(rows: { entityType: string; entityId: string }[]): Promise<Map<string, Named>> {
  const idsOf = (...types: string[]) => [...new Set(rows.filter((row) => types.includes(row.entityType) && isUuid(row.entityId)).map((row) => row.entityId))];
  const users = idsOf("User", "TraineeProfile");
  const projects = idsOf("Project");
  const projectSites = idsOf("ProjectSite");
  const collaborations = idsOf("Collaboration");
  const sites = idsOf("Site");
  const deaneries = idsOf("Deanery");
  const requests = idsOf("HospitalRequest");
  const invitations = idsOf("Invitation");
  const interests = idsOf("SiteInterest");
  const emails = idsOf("EmailMessage");
  const none = Promise.resolve([]);
  const placeSelect = { project: { select: { title: true, slug: true } }, site: { select: { name: true, odsCode: true } } } as const;
  const [userRows, projectRows, projectSiteRows, collaborationRows, siteRows, deaneryRows, requestRows, invitationRows, interestRows, emailRows] =
    await Promise.all([
      users.length ? db.user.findMany({ where: { id: { in: users } }, select: { id: true, name: true, email: true, deletedAt: true } }) : none,
      projects.length ? db.project.findMany({ where: { id: { in: projects } }, select: { id: true, title: true } }) : none,
      projectSites.length ? db.projectSite.findMany({ where: { id: { in: projectSites } }, select: { id: true, ...placeSelect } }) : none,
      collaborations.length
        ? db.collaboration.findMany({
            where: { id: { in: collaborations } },
            select: { id: true, user: { select: { name: true, email: true, deletedAt: true } }, projectSite: { select: placeSelect } },
          })
        : none,
      sites.length ? db.site.findMany({ where: { id: { in: sites } }, select: { id: true, name: true, odsCode: true } }) : none,
      deaneries.length ? db.deanery.findMany({ where: { id: { in: deaneries } }, select: { id: true, name: true } }) : none,
      requests.length ? db.hospitalRequest.findMany({ where: { id: { in: requests } }, select: { id: true, site: { select: { name: true } } } }) : none,
      invitations.length
        ? db.invitation.findMany({ where: { id: { in: invitations } }, select: { id: true, email: true, project: { select: { title: true } } } })
        : none,
      interests.length ? db.siteInterest.findMany({ where: { id: { in: interests } }, select: { id: true, ...placeSelect } }) : none,
      emails.length ? db.emailMessage.findMany({ where: { id: { in: emails } }, select: { id: true, subject: true, to: true } }) : none,
    ]);
  const names = new Map<string, Named>();
  for (const user of userRows) {
    names.set(`User:${user.id}`, personNamed(user));
    names.set(`TraineeProfile:${user.id}`, personNamed(user));
  }
  for (const project of projectRows) names.set(`Project:${project.id}`, { label: project.title, href: `/dashboard/proposals/${project.id}` });
  for (const place of projectSiteRows) names.set(`ProjectSite:${place.id}`, { label: `${place.site.name}, for ${place.project.title}`, href: siteHref(place) });
  for (const row of collaborationRows) {
    const who = row.user.deletedAt ? DELETED_MEMBER : row.user.name;
    names.set(`Collaboration:${row.id}`, {
      label: `${who} at ${row.projectSite.site.name}, for ${row.projectSite.project.title}`,
      href: `${siteHref(row.projectSite)}/team`,
    });
  }
  for (const site of siteRows) names.set(`Site:${site.id}`, { label: `${site.name} (${site.odsCode})`, href: `/dashboard/hospitals/${site.id}` });
  for (const region of deaneryRows) names.set(`Deanery:${region.id}`, { label: region.name, href: "/dashboard/regions" });
  for (const request of requestRows) names.set(`HospitalRequest:${request.id}`, { label: request.site.name, href: `/dashboard/hospital-requests/${request.id}` });
  for (const invitation of invitationRows) names.set(`Invitation:${invitation.id}`, { label: `${invitation.email}, to ${invitation.project.title}` });
  for (const interest of interestRows) names.set(`SiteInterest:${interest.id}`, { label: `${interest.project.title} at ${interest.site.name}` });
  for (const email of emailRows) names.set(`EmailMessage:${email.id}`, { label: `"${email.subject}" to ${email.to}`, href: "/dashboard/mail" });
  return names;
}
