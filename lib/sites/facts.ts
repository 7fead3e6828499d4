import "server-only";
// What every site command and page needs to know about one project site
// before it decides anything: who leads the project and the site, and where
// both stand. Loaded in one statement, from the database only: an id that
// arrives from a form or a URL is just a key, never a claim.
import { can, type AuthzActor, type ResourceFacts } from "@/lib/authz";
import { db, type Database, type DatabaseTransaction } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProjectSiteStatus, ProjectStatus } from "@/lib/generated/prisma/enums";

import { assertUuid } from "@/lib/ids";
import { isAddressText } from "@/lib/ids";

export { assertUuid };

/** Projects that take new sites and whose sites are being set up or collecting. */
export const SITE_OPEN_STATUSES: readonly ProjectStatus[] = ["SITE_SETUP", "DATA_COLLECTION"];
/** Projects whose site pages exist (anything that ever had sites). */
export const SITE_VISIBLE_STATUSES: readonly ProjectStatus[] = ["SITE_SETUP", "DATA_COLLECTION", "ANALYSIS", "COMPLETED", "WITHDRAWN"];

export interface ProjectSiteFacts {
  id: string;
  status: ProjectSiteStatus;
  caseTarget: number | null;
  approvalReference: string | null;
  approvingBody: string | null;
  approvalDate: Date | null;
  caldicottSignedOff: boolean;
  leadApprovedAt: Date | null;
  registeredAt: Date;
  site: { id: string; name: string; city: string; odsCode: string; region: string };
  project: {
    id: string;
    slug: string;
    title: string;
    status: ProjectStatus;
    teamCap: number | null;
    targetCasesPerSite: number | null;
    collectionStart: Date | null;
    collectionEnd: Date | null;
    /** Whether it runs in data-collection periods (read with the facts, so a page without periods asks nothing more). */
    hasPeriods: boolean;
  };
  projectLeadIds: string[];
  /** Confirmed site leads. */
  siteLeadIds: string[];
  /** Who observes the site (its supervising consultant): they accepted an invitation to see its pages. */
  observerIds: string[];
  /** The site's supervising consultant, as the site's leads named them (docs/decisions/027). */
  consultant: { name: string; role: string | null; email: string | null } | null;
}

const FACTS_SELECT = {
  id: true,
  status: true,
  caseTarget: true,
  approvalReference: true,
  approvingBody: true,
  approvalDate: true,
  caldicottSignedOff: true,
  leadApprovedAt: true,
  registeredAt: true,
  consultantName: true,
  consultantRole: true,
  consultantEmail: true,
  observers: { select: { userId: true } },
  site: { select: { id: true, name: true, city: true, odsCode: true, deanery: { select: { name: true } } } },
  project: {
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      teamCap: true,
      targetCasesPerSite: true,
      collectionStart: true,
      collectionEnd: true,
      leads: { select: { userId: true } },
      periods: { select: { id: true }, take: 1 },
    },
  },
  collaborations: { where: { role: "SITE_LEAD", status: "CONFIRMED" }, select: { userId: true } },
} satisfies Prisma.ProjectSiteSelect;

type FactsRow = Prisma.ProjectSiteGetPayload<{ select: typeof FACTS_SELECT }>;

function toFacts(row: FactsRow): ProjectSiteFacts {
  const { site, project, collaborations, observers, consultantName, consultantRole, consultantEmail, ...rest } = row;
  const { leads, periods, ...projectRest } = project;
  return {
    ...rest,
    observerIds: observers.map((observer) => observer.userId),
    consultant: consultantName ? { name: consultantName, role: consultantRole, email: consultantEmail } : null,
    site: { id: site.id, name: site.name, city: site.city, odsCode: site.odsCode, region: site.deanery.name },
    project: { ...projectRest, hasPeriods: periods.length > 0 },
    projectLeadIds: leads.map((lead) => lead.userId),
    siteLeadIds: collaborations.map((lead) => lead.userId),
  };
}

/** The facts of a project site by its id; not found for a bad id or a project whose sites are not shown. */
export async function loadProjectSite(projectSiteId: string, client: Database | DatabaseTransaction = db): Promise<ProjectSiteFacts> {
  assertUuid(projectSiteId, "That site");
  const row = await client.projectSite.findFirst({
    where: { id: projectSiteId, project: { status: { in: [...SITE_VISIBLE_STATUSES] } } },
    select: FACTS_SELECT,
  });
  if (!row) throw new NotFoundError("That site");
  return toFacts(row);
}

/** The facts of a project site by the project's slug and the hospital's ODS code, as in its page's address. */
export async function loadProjectSiteByAddress(slug: string, odsCode: string): Promise<ProjectSiteFacts> {
  if (slug.length > 200 || odsCode.length > 20 || !isAddressText(slug) || !isAddressText(odsCode)) throw new NotFoundError("That site");
  const row = await db.projectSite.findFirst({
    where: { project: { slug, status: { in: [...SITE_VISIBLE_STATUSES] } }, site: { odsCode } },
    select: FACTS_SELECT,
  });
  if (!row) throw new NotFoundError("That site");
  return toFacts(row);
}

/** The facts every site permission is checked against: its leads and, for `site.view`, its observers. */
export function authzFacts(facts: Pick<ProjectSiteFacts, "projectLeadIds" | "siteLeadIds"> & { observerIds?: readonly string[] }): ResourceFacts {
  return { projectLeadIds: facts.projectLeadIds, siteLeadIds: facts.siteLeadIds, observerIds: facts.observerIds ?? [] };
}

/**
 * Whether the person sees what the site's pages keep for those who run it or oversee it (the
 * addresses of the people invited and of the team, the consultant's address): whoever may view
 * the site for a reason other than observing it. An observer sees the site, not its contacts.
 */
export function seesSiteContacts(actor: AuthzActor | null, facts: Pick<ProjectSiteFacts, "projectLeadIds" | "siteLeadIds">): boolean {
  return can(actor, "site.view", { projectLeadIds: facts.projectLeadIds, siteLeadIds: facts.siteLeadIds });
}

/**
 * Whether a site's pages link to the project's national view: exactly when the national view
 * would let the person in (the project's leads, the committee and admins, whatever site they
 * also lead). The one answer for every page that shows the link.
 */
export function mayViewNational(actor: AuthzActor | null, facts: Pick<ProjectSiteFacts, "projectLeadIds">): boolean {
  return can(actor, "project.viewNational", { projectLeadIds: facts.projectLeadIds });
}

/** The address of a site's pages. */
export function sitePath(facts: { project: { slug: string }; site: { odsCode: string } }, page: "" | "team" | "progress" = ""): string {
  const base = `/dashboard/projects/${facts.project.slug}/sites/${encodeURIComponent(facts.site.odsCode)}`;
  return page ? `${base}/${page}` : base;
}

/** The case target of a site: its own, or the project's per-site target. */
export function targetOf(facts: Pick<ProjectSiteFacts, "caseTarget" | "project">): number | null {
  return facts.caseTarget ?? facts.project.targetCasesPerSite;
}

/**
 * Whether the person sees who was on the site's team before its current
 * registration (former members, people declined, who reported its earlier
 * counts). A site that withdrew and registered again rests on its new lead's
 * word that they work there, so they see its earlier people only once the
 * project lead has approved it (docs/decisions/011); the project's leads, the
 * committee and administrators always do. A new site has nobody earlier.
 */
export function seesEarlierTeam(actor: AuthzActor, facts: Pick<ProjectSiteFacts, "leadApprovedAt" | "projectLeadIds">): boolean {
  return facts.leadApprovedAt !== null || can(actor, "site.view", { projectLeadIds: facts.projectLeadIds });
}
