import "server-only";
import { assertCan, type Action, type AuthzActor } from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { CollaborationRole, CreditRole, Grade } from "@/lib/generated/prisma/enums";
import { toCsv } from "@/lib/format/csv";
import { authorshipLine } from "@/lib/trainees/authorship";
import { GRADE_LABELS } from "@/lib/validation/auth";
import { ROLE_LABELS, SITE_STATUS_LABELS, type AuthorshipGroup } from "@/lib/validation/sites";
import { buildAuthorshipList, type AuthorshipList } from "./authorship-list";
import { SITE_VISIBLE_STATUSES } from "./facts";
import { elapsedShare, projectSiteRows, toNationalRow } from "./national";
import { assertAddressText, assertUuid } from "@/lib/ids";
import { CREDITED_STATUSES } from "@/lib/participation/rules";
import type { AuthorListGrouping } from "@/lib/generated/prisma/enums";

async function projectFor(actor: AuthzActor | null, slug: string, action: Action, by: "slug" | "id" = "slug") {
  if (by === "id") assertUuid(slug, "That project");
  else assertAddressText(slug, "That project");
  const project = await db.project.findFirst({
    where: { ...(by === "id" ? { id: slug } : { slug }), status: { in: [...SITE_VISIBLE_STATUSES] } },
    select: {
      id: true,
      slug: true,
      title: true,
      minimumCitableCases: true,
      collectionStart: true,
      collectionEnd: true,
      leads: {
        orderBy: { addedAt: "asc" },
        select: { userId: true, user: { select: { name: true, deletedAt: true, profile: { select: { authorSurname: true, authorInitials: true, orcid: true } } } } },
      },
      creditRoles: {
        where: { user: { deletedAt: null } },
        orderBy: [{ assignedAt: "asc" }, { role: "asc" }],
        select: { userId: true, role: true, user: { select: { name: true, profile: { select: { authorSurname: true, authorInitials: true, orcid: true } } } } },
      },
      authorLists: { orderBy: { version: "desc" }, select: { id: true, version: true, grouping: true, frozenAt: true, answerBy: true } },
    },
  });
  if (!project) throw new NotFoundError("That project");
  assertCan(actor, action, { projectLeadIds: project.leads.map((lead) => lead.userId) });
  return project;
}

interface MemberSql {
  userId: string;
  name: string;
  authorSurname: string | null;
  authorInitials: string | null;
  grade: Grade | null;
  orcid: string | null;
  role: CollaborationRole;
  contribution: string | null;
  decidedAt: Date | null;
  projectSiteId: string;
  hospital: string;
  city: string;
  region: string;
  cases: number;
  joinedAt: Date;
}

/** Credited members of the project's sites that have not withdrawn, with their site's current count. One statement. */
function confirmedMembers(projectId: string, client: Pick<typeof db, "$queryRaw"> = db) {
  return client.$queryRaw<MemberSql[]>`
    SELECT u.id AS "userId", u.name, tp."authorSurname", tp."authorInitials", tp.grade, tp.orcid,
           c.role, c.contribution, c."decidedAt", ps.id AS "projectSiteId", s.name AS hospital, s.city, d.name AS region,
           COALESCE(latest."cumulativeCases", 0) AS cases, c."requestedAt" AS "joinedAt"
      FROM "Collaboration" c
      JOIN "User" u ON u.id = c."userId"
      LEFT JOIN "TraineeProfile" tp ON tp."userId" = u.id
      JOIN "ProjectSite" ps ON ps.id = c."projectSiteId"
      JOIN "Site" s ON s.id = ps."siteId"
      JOIN "Deanery" d ON d.id = s."deaneryId"
      LEFT JOIN LATERAL (
        SELECT r."cumulativeCases" FROM "ProgressReport" r
         WHERE r."projectSiteId" = ps.id ORDER BY r."reportedAt" DESC, r.id DESC LIMIT 1
      ) latest ON true
     -- countsForAuthorship (lib/participation/rules.ts) in SQL: a credited place, at a hospital still taking part.
     WHERE ps."projectId" = ${projectId}::uuid AND ps.status <> 'WITHDRAWN'
       AND c.status::text = ANY(${[...CREDITED_STATUSES]}::text[]) AND u."deletedAt" IS NULL
     ORDER BY s.name, s.city, u.name`;
}

export interface AuthorshipPage extends AuthorshipList {
  project: { id: string; slug: string; title: string; minimumCitableCases: number | null };
  /** The roles the leads gave, by person. */
  creditRoles: { userId: string; role: CreditRole; printedName: string }[];
  /** The frozen versions, newest first. */
  versions: { id: string; version: number; grouping: AuthorListGrouping; frozenAt: Date; answerBy: Date }[];
}

type AuthorshipProject = Awaited<ReturnType<typeof projectFor>>;

const personOf = (userId: string, user: { name: string; profile: { authorSurname: string | null; authorInitials: string | null; orcid: string | null } | null }) => ({
  userId,
  name: user.name,
  authorSurname: user.profile?.authorSurname,
  authorInitials: user.profile?.authorInitials,
  orcid: user.profile?.orcid ?? null,
});

/** The live list of a project already read, with its members: one statement. Also what a frozen version is made from. */
export async function liveAuthorshipList(project: AuthorshipProject, group: AuthorshipGroup, client: Pick<typeof db, "$queryRaw"> = db): Promise<AuthorshipList> {
  const members = await confirmedMembers(project.id, client);
  return buildAuthorshipList(
    {
      steeringCommittee: project.leads.filter((lead) => !lead.user.deletedAt).map((lead) => personOf(lead.userId, lead.user)),
      places: members.map((member) => ({
        userId: member.userId,
        name: member.name,
        authorSurname: member.authorSurname,
        authorInitials: member.authorInitials,
        orcid: member.orcid,
        role: member.role,
        hospital: member.hospital,
        region: member.region,
        cases: member.cases,
        joinedAt: member.joinedAt,
      })),
      creditRoles: project.creditRoles.map((given) => ({ ...personOf(given.userId, given.user), role: given.role })),
      minimumCitableCases: project.minimumCitableCases,
    },
    group,
  );
}

/** The project as the author-list commands read it, for an actor allowed `action` on it. One statement. */
export const authorshipProject = (actor: AuthzActor | null, key: { slug: string } | { id: string }, action: Action) =>
  "id" in key ? projectFor(actor, key.id, action, "id") : projectFor(actor, key.slug, action);
export type { AuthorshipProject };

/** The project's authorship list, for its leads (and admins), with its roles and frozen versions. Two statements. */
export async function getAuthorshipList(actor: AuthzActor | null, slug: string, group: AuthorshipGroup): Promise<AuthorshipPage> {
  const project = await projectFor(actor, slug, "project.export");
  const list = await liveAuthorshipList(project, group);
  return {
    ...list,
    project: { id: project.id, slug: project.slug, title: project.title, minimumCitableCases: project.minimumCitableCases },
    creditRoles: project.creditRoles.map((given) => ({ userId: given.userId, role: given.role, printedName: authorshipLine(personOf(given.userId, given.user)) })),
    versions: project.authorLists,
  };
}

export interface ExportFile {
  filename: string;
  contentType: string;
  body: string;
}

/** Every site of the project, as a spreadsheet. Two statements. */
export async function exportSitesCsv(actor: AuthzActor | null, slug: string, now: Date = new Date()): Promise<ExportFile> {
  const project = await projectFor(actor, slug, "project.export");
  const share = elapsedShare(project.collectionStart, project.collectionEnd, now);
  const rows = (await projectSiteRows(actor, { id: project.id, projectLeadIds: project.leads.map((lead) => lead.userId) })).map((row) => toNationalRow(row, share, now));
  const body = toCsv(
    [
      "Hospital",
      "City",
      "ODS code",
      "Region",
      "Status",
      "Site leads",
      "Team size",
      "Checklist items",
      "Checklist items checked",
      "Checklist items waiting for a check",
      "Checklist items sent back",
      "Approved by project lead on",
      "Case target",
      "Cases",
      "Last update",
    ],
    rows.map((row) => [
      row.hospital,
      row.city,
      row.odsCode,
      row.region,
      SITE_STATUS_LABELS[row.status],
      row.siteLeads.join("; "),
      row.teamSize,
      row.checklist.required,
      row.checklist.checked,
      row.checklist.waiting,
      row.checklist.sentBack,
      row.leadApprovedAt,
      row.target,
      row.cases,
      row.lastUpdate,
    ]),
  );
  return { filename: `${project.slug}-sites.csv`, contentType: "text/csv; charset=utf-8", body };
}

/** Every confirmed collaborator of the project, as a spreadsheet, with whether they are cited. Two statements. */
export async function exportCollaboratorsCsv(actor: AuthzActor | null, slug: string): Promise<ExportFile> {
  const project = await projectFor(actor, slug, "project.export");
  const members = await confirmedMembers(project.id);
  const minimum = project.minimumCitableCases;
  const body = toCsv(
    ["Hospital", "City", "Region", "Name", "Author name", "Role", "Contribution", "Grade", "ORCID iD", "Confirmed on", "Site cases", "Cited"],
    members.map((member) => [
      member.hospital,
      member.city,
      member.region,
      member.name,
      authorshipLine({ name: member.name, authorSurname: member.authorSurname, authorInitials: member.authorInitials }),
      ROLE_LABELS[member.role],
      member.contribution,
      member.grade ? GRADE_LABELS[member.grade] : null,
      member.orcid,
      member.decidedAt,
      member.cases,
      minimum === null || member.cases >= minimum,
    ]),
  );
  return { filename: `${project.slug}-collaborators.csv`, contentType: "text/csv; charset=utf-8", body };
}

/** The authorship list as a plain-text file. */
export async function exportAuthorshipText(actor: AuthzActor | null, slug: string, group: AuthorshipGroup): Promise<ExportFile> {
  const list = await getAuthorshipList(actor, slug, group);
  return {
    filename: `${list.project.slug}-authorship-by-${group}.txt`,
    contentType: "text/plain; charset=utf-8",
    body: list.text,
  };
}
