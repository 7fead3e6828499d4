import "server-only";
// What every decision about one invitation needs to know: the place offered and
// where it stands, who offered it, and the invitee's own standing in the
// project (are they on a team there already, did they review this proposal).
// Loaded in one statement, from the database only: an invitation id that
// arrives from a form is just a key, never a claim.
import type { Database, DatabaseTransaction } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type {
  CollaborationRole,
  CollaborationStatus,
  InvitationKind,
  InvitationStatus,
  ProjectSiteStatus,
  ProjectStatus,
} from "@/lib/generated/prisma/enums";
import { ACTIVE_STATUSES, type Period } from "@/lib/participation/rules";

/** How long an invitation stays open. */
export const INVITATION_DAYS = 14;
const DAY = 24 * 60 * 60 * 1000;

export const expiryFrom = (now: Date) => new Date(now.getTime() + INVITATION_DAYS * DAY);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id is an invitation that does not exist, not a database error. */
export function assertInvitationId(id: string): void {
  if (!UUID.test(id)) throw new NotFoundError("That invitation");
}

export interface InvitationFacts {
  id: string;
  kind: InvitationKind;
  status: InvitationStatus;
  /** The address invited, lower-cased. */
  email: string;
  inviteeId: string | null;
  invitedById: string;
  invitedByName: string;
  createdAt: Date;
  expiresAt: Date;
  /** For a site lead's place: the site lead the invitee takes over from (a handover), who becomes a collaborator on acceptance. */
  replaces: { id: string; name: string } | null;
  project: {
    id: string;
    slug: string;
    title: string;
    status: ProjectStatus;
    teamCap: number | null;
    leadIds: string[];
    /** The version under review: the latest submitted (0 before the first submission). */
    round: number;
    /** Its data-collection periods in order (none: no periods): a team member's place is for one of them. */
    periods: Period[];
  };
  /** The project site, for a site lead's or a team member's place. */
  site: {
    projectSiteId: string;
    name: string;
    odsCode: string;
    status: ProjectSiteStatus;
    /** Confirmed collaborators (site leads are not counted against the team cap). */
    collaborators: number;
    /** With periods: confirmed collaborators by period id (what each period's cap counts). */
    periodTaken: Map<string, number>;
    siteLeadIds: string[];
  } | null;
  /** The invitee's standing, when the facts were loaded for them. */
  invitee: {
    /** Their confirmed role in this team, if any. */
    roleHere: CollaborationRole | null;
    /** They asked to join this team and wait for an answer. */
    onTeamHere: boolean;
    /** They moved on from this hospital in this project (a rotation): their earlier time here keeps its credit. */
    rotatedHere: boolean;
    /** Another team of the project they take part in (asked or confirmed), at a site that has not withdrawn. */
    elsewhere: { site: string; status: CollaborationStatus } | null;
    /** They reviewed the version of the proposal now with the committee. */
    reviewedThisRound: boolean;
  } | null;
}

/** The columns behind the facts; `inviteeId` is whose standing is read (the person answering). */
function factsSelect(inviteeId: string) {
  return {
    id: true,
    kind: true,
    status: true,
    email: true,
    inviteeId: true,
    invitedById: true,
    createdAt: true,
    expiresAt: true,
    projectSiteId: true,
    invitedBy: { select: { name: true } },
    replaces: { select: { id: true, name: true } },
    project: {
      select: {
        id: true,
        slug: true,
        title: true,
        status: true,
        teamCap: true,
        leads: { select: { userId: true } },
        versions: { where: { kind: "PROPOSAL" }, orderBy: { number: "desc" }, take: 1, select: { number: true } },
        periods: { orderBy: { number: "asc" }, select: { id: true, number: true, startsOn: true, endsOn: true } },
        reviews: { where: { reviewerId: inviteeId }, select: { round: true } },
        sites: {
          where: { collaborations: { some: { userId: inviteeId, status: { in: [...ACTIVE_STATUSES] } } } },
          select: {
            id: true,
            status: true,
            site: { select: { name: true } },
            collaborations: { where: { userId: inviteeId }, select: { status: true } },
          },
        },
      },
    },
    projectSite: {
      select: {
        id: true,
        status: true,
        site: { select: { name: true, odsCode: true } },
        // The team, and the invitee's own place here whatever its state.
        collaborations: { where: { OR: [{ status: "CONFIRMED" }, { userId: inviteeId }] }, select: { userId: true, role: true, status: true, periodId: true } },
      },
    },
  } satisfies Prisma.InvitationSelect;
}

type FactsRow = Prisma.InvitationGetPayload<{ select: ReturnType<typeof factsSelect> }>;

function toFacts(row: FactsRow, inviteeId: string): InvitationFacts {
  const { project, projectSite } = row;
  const round = project.versions[0]?.number ?? 0;
  const places = projectSite?.collaborations ?? [];
  const team = places.filter((member) => member.status === "CONFIRMED");
  const mineHere = places.find((member) => member.userId === inviteeId);
  const elsewhere = project.sites.find((site) => site.id !== row.projectSiteId && site.status !== "WITHDRAWN");
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    email: row.email,
    inviteeId: row.inviteeId,
    invitedById: row.invitedById,
    invitedByName: row.invitedBy.name,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    replaces: row.replaces,
    project: {
      id: project.id,
      slug: project.slug,
      title: project.title,
      status: project.status,
      teamCap: project.teamCap,
      leadIds: project.leads.map((lead) => lead.userId),
      round,
      periods: project.periods,
    },
    site: projectSite
      ? {
          projectSiteId: projectSite.id,
          name: projectSite.site.name,
          odsCode: projectSite.site.odsCode,
          status: projectSite.status,
          collaborators: team.filter((member) => member.role === "COLLABORATOR").length,
          periodTaken: team.reduce((taken, member) => {
            if (member.role === "COLLABORATOR" && member.periodId) taken.set(member.periodId, (taken.get(member.periodId) ?? 0) + 1);
            return taken;
          }, new Map<string, number>()),
          siteLeadIds: team.filter((member) => member.role === "SITE_LEAD").map((member) => member.userId),
        }
      : null,
    invitee:
      row.inviteeId === inviteeId
        ? {
            roleHere: team.find((member) => member.userId === inviteeId)?.role ?? null,
            onTeamHere: mineHere?.status === "REQUESTED",
            rotatedHere: mineHere?.status === "ROTATED",
            elsewhere: elsewhere ? { site: elsewhere.site.name, status: elsewhere.collaborations[0]!.status } : null,
            reviewedThisRound: round > 0 && project.reviews.some((review) => review.round === round),
          }
        : null,
  };
}

/** No one: the standing read when nobody's standing is wanted (an inviter withdrawing). */
export const NOBODY = "00000000-0000-0000-0000-000000000000";

/** One invitation's facts, with the standing of `inviteeId` if it is theirs. */
export async function loadInvitation(client: Database | DatabaseTransaction, id: string, inviteeId: string = NOBODY): Promise<InvitationFacts> {
  assertInvitationId(id);
  const row = await client.invitation.findUnique({ where: { id }, select: factsSelect(inviteeId) });
  if (!row) throw new NotFoundError("That invitation");
  return toFacts(row, inviteeId);
}

/** The person's invitations still waiting for an answer, with their standing in each. One statement. */
export async function loadOpenInvitationsOf(client: Database | DatabaseTransaction, inviteeId: string, now: Date): Promise<InvitationFacts[]> {
  const rows = await client.invitation.findMany({
    where: { inviteeId, status: "PENDING", expiresAt: { gt: now } },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 50,
    select: factsSelect(inviteeId),
  });
  return rows.map((row) => toFacts(row, inviteeId));
}
