import "server-only";
// The study's own rules, set by its leads: the most collaborators a site may
// confirm (site leads not counted) and the cases a site must submit for its
// collaborators to be cited as authors. Every other module reads them
// (lib/collaborations/site-requests.ts, ./team.ts, ./authorship-list.ts,
// ./exports.ts); this is the one place that changes them.
import { assertCan, type AuthzActor } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { db, type Database, type DatabaseTransaction } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { notify } from "@/lib/notifications/notifications";
import type { ProjectStatus } from "@/lib/generated/prisma/enums";
import type { StudySettingsInput } from "@/lib/validation/sites";
import { assertUuid, SITE_VISIBLE_STATUSES } from "./facts";
import { assertAddressText } from "@/lib/ids";

/**
 * When the rules may change. From APPROVED, when the lead gets the study ready
 * before opening it to sites, through ANALYSIS, when the authorship list is
 * drawn up and a lead may still settle who is citable. Not before approval:
 * the committee reviews the proposal, and these rules only matter once sites
 * take part. Not once COMPLETED: the results and the authorship list are out,
 * and changing who counts as an author afterwards would rewrite the record.
 * Not for a rejected or withdrawn project, which runs no more.
 */
export const SETTINGS_OPEN_STATUSES: readonly ProjectStatus[] = ["APPROVED", "SITE_SETUP", "DATA_COLLECTION", "ANALYSIS"];
/** Where the settings page exists: while they may change, and read-only for a project that has ended after running. */
const SETTINGS_PAGE_STATUSES: readonly ProjectStatus[] = ["APPROVED", ...SITE_VISIBLE_STATUSES];

export interface StudySettings {
  teamCap: number | null;
  minimumCitableCases: number | null;
}

export interface SiteAboveCap {
  hospital: string;
  odsCode: string;
  collaborators: number;
}

export interface StudySettingsPage {
  project: { id: string; slug: string; title: string; status: ProjectStatus };
  settings: StudySettings;
  /** Whether the project's stage lets the settings change. */
  open: boolean;
  /** Whether the project has taken sites, and so a national view and an authorship list (an approved project has not yet). */
  running: boolean;
  /** Sites taking part (not withdrawn). */
  sites: number;
  /** Sites whose confirmed collaborators already exceed the cap: nobody is removed, new confirmations are refused. */
  aboveCap: SiteAboveCap[];
  /** Sites that, as things stand, have submitted fewer cases than the minimum. */
  belowMinimum: number;
}

/** Says what the other lead saved, so that saving again over it is a choice made knowingly. */
const changedElsewhere = (now: StudySettings) =>
  new DomainError(
    `Another lead changed these settings after you opened the page: they are now ${studyRulesInWords(now)}. Your values are still in the form: save again to replace theirs, or reload the page to keep them.`,
  );

const statusRefusal = () =>
  new DomainError(
    "The study's settings can be changed from its approval until data analysis. This project is no longer at one of those stages.",
  );

type SiteSizeRow = { hospital: string; odsCode: string; collaborators: number; cases: number };

/** Each site taking part with its confirmed collaborators and its latest count: one statement whatever the number of sites. */
function siteSizes(client: Database | DatabaseTransaction, projectId: string) {
  return client.$queryRaw<SiteSizeRow[]>`
    SELECT s.name AS hospital, s."odsCode",
           (SELECT count(*)::int FROM "Collaboration" c
             WHERE c."projectSiteId" = ps.id AND c.role = 'COLLABORATOR' AND c.status = 'CONFIRMED') AS collaborators,
           COALESCE((SELECT r."cumulativeCases" FROM "ProgressReport" r
                      WHERE r."projectSiteId" = ps.id ORDER BY r."reportedAt" DESC, r.id DESC LIMIT 1), 0) AS cases
      FROM "ProjectSite" ps JOIN "Site" s ON s.id = ps."siteId"
     WHERE ps."projectId" = ${projectId}::uuid AND ps.status <> 'WITHDRAWN'
     ORDER BY s.name, s."odsCode"`;
}

function aboveCap(rows: SiteSizeRow[], teamCap: number | null): SiteAboveCap[] {
  if (teamCap === null) return [];
  return rows
    .filter((row) => row.collaborators > teamCap)
    .map(({ hospital, odsCode, collaborators }) => ({ hospital, odsCode, collaborators }))
    .sort((a, b) => b.collaborators - a.collaborators || a.hospital.localeCompare(b.hospital, "en-GB"));
}

/** The rules in a phrase: "at most 3 collaborators a site, citable from 10 cases". */
export function studyRulesInWords(settings: StudySettings): string {
  const cap = settings.teamCap;
  const minimum = settings.minimumCitableCases;
  return `${cap === null ? "no limit on team size" : `at most ${cap} ${cap === 1 ? "collaborator" : "collaborators"} a site`}, ${
    minimum === null ? "everyone citable" : `citable from ${minimum} ${minimum === 1 ? "case" : "cases"}`
  }`;
}

async function projectWhere(where: { slug: string } | { id: string }) {
  const project = await db.project.findFirst({
    where: { ...where, status: { in: [...SETTINGS_PAGE_STATUSES] } },
    select: { id: true, slug: true, title: true, status: true, teamCap: true, minimumCitableCases: true, leads: { select: { userId: true } } },
  });
  if (!project) throw new NotFoundError("That project");
  return { ...project, facts: { projectLeadIds: project.leads.map((lead) => lead.userId) } };
}

/** The settings page: the project's rules and where its sites stand against them. Two statements. */
export async function getStudySettings(actor: AuthzActor | null, slug: string): Promise<StudySettingsPage> {
  assertAddressText(slug, "That project");
  const project = await projectWhere({ slug });
  assertCan(actor, "project.changeSettings", project.facts);
  const rows = await siteSizes(db, project.id);
  const { minimumCitableCases } = project;
  return {
    project: { id: project.id, slug: project.slug, title: project.title, status: project.status },
    settings: { teamCap: project.teamCap, minimumCitableCases },
    open: SETTINGS_OPEN_STATUSES.includes(project.status),
    running: SITE_VISIBLE_STATUSES.includes(project.status),
    sites: rows.length,
    aboveCap: aboveCap(rows, project.teamCap),
    belowMinimum: minimumCitableCases === null ? 0 : rows.filter((row) => row.cases < minimumCitableCases).length,
  };
}

/**
 * A lead changes the study's rules. The save goes through only if the
 * settings are still those the form was loaded with and the project is still
 * at a stage that allows it (one conditional update), so two leads saving at
 * once cannot overwrite each other unseen. A cap below a team's current size
 * is allowed: nobody is removed, and that site confirms no one new until its
 * team is below the cap; the sites concerned are returned so the lead is told.
 */
export async function updateStudySettings(
  actor: AuthzActor | null,
  input: StudySettingsInput,
): Promise<{ changed: boolean; settings: StudySettings; aboveCap: SiteAboveCap[] }> {
  assertUuid(input.projectId, "That project");
  const project = await projectWhere({ id: input.projectId });
  assertCan(actor, "project.changeSettings", project.facts);
  if (!SETTINGS_OPEN_STATUSES.includes(project.status)) throw statusRefusal();
  const before: StudySettings = { teamCap: project.teamCap, minimumCitableCases: project.minimumCitableCases };
  const after: StudySettings = { teamCap: input.teamCap, minimumCitableCases: input.minimumCitableCases };
  const loaded: StudySettings = { teamCap: input.loadedTeamCap, minimumCitableCases: input.loadedMinimumCitableCases };
  if (before.teamCap !== loaded.teamCap || before.minimumCitableCases !== loaded.minimumCitableCases) {
    throw changedElsewhere(before);
  }
  if (before.teamCap === after.teamCap && before.minimumCitableCases === after.minimumCitableCases) {
    return { changed: false, settings: before, aboveCap: [] };
  }
  return db.$transaction(async (tx) => {
    const { count } = await tx.project.updateMany({
      where: { id: project.id, status: { in: [...SETTINGS_OPEN_STATUSES] }, teamCap: loaded.teamCap, minimumCitableCases: loaded.minimumCitableCases },
      data: { teamCap: after.teamCap, minimumCitableCases: after.minimumCitableCases },
    });
    if (count === 0) {
      const now = await tx.project.findUniqueOrThrow({ where: { id: project.id }, select: { status: true, teamCap: true, minimumCitableCases: true } });
      throw SETTINGS_OPEN_STATUSES.includes(now.status) ? changedElsewhere(now) : statusRefusal();
    }
    await audit(tx, {
      actorId: actor.id,
      action: "project.settingsChanged",
      entityType: "Project",
      entityId: project.id,
      before: { ...before },
      after: { ...after },
    });
    // Who is team-capped or cited is the site leads' business, and the other leads': they hear of any change.
    const siteLeads = await tx.collaboration.findMany({
      where: { role: "SITE_LEAD", status: "CONFIRMED", projectSite: { projectId: project.id, status: { not: "WITHDRAWN" } } },
      select: { userId: true },
    });
    const told = [...siteLeads.map((lead) => lead.userId), ...project.facts.projectLeadIds].filter((id) => id !== actor.id);
    await notify(tx, told, {
      kind: "project.settingsChanged",
      projectId: project.id,
      message: `The leads of ${project.title} changed its rules: now ${studyRulesInWords(after)}.`,
      link: "/dashboard",
    });
    return { changed: true, settings: after, aboveCap: after.teamCap === null ? [] : aboveCap(await siteSizes(tx, project.id), after.teamCap) };
  });
}
