import "server-only";
// What the amendment pages show: the lead's list and form, the committee's comparison, and the
// committee's list of amendments waiting. Each reader checks the actor; a fixed number of statements.
import { can, type AuthzActor } from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { AmendmentStatus, ProjectStatus } from "@/lib/generated/prisma/enums";
import { assertAddressText } from "@/lib/ids";
import { CONTENT_SELECT, contentOf } from "@/lib/projects/content";
import { diffProposalVersions, type FieldChange } from "@/lib/projects/diff";
import type { ProposalContent } from "@/lib/validation/proposals";
import { comparisonOf, type AmendmentChanges } from "./changes";
import { authzFactsOf, cannotDecideAmendmentReason, loadAmendment, notAmendableReason } from "./moves";

export interface AmendmentRow {
  id: string;
  number: number;
  status: AmendmentStatus;
  reason: string;
  proposedAt: Date;
  proposedBy: string;
  decidedAt: Date | null;
  decidedBy: string | null;
  decisionMessage: string;
  versionNumber: number | null;
  /** Field by field: for an approved amendment, the version before against the version it became; otherwise the project now against the proposal. */
  comparison: FieldChange[];
  invites: string[];
}

const FORMER = "A former member";

function comparisonFor(
  row: { status: AmendmentStatus; versionNumber: number | null; changes: unknown },
  current: ProposalContent,
  versions: Map<number, ProposalContent>,
): FieldChange[] {
  const changes = row.changes as AmendmentChanges;
  if (row.status === "APPROVED" && row.versionNumber !== null) {
    const before = versions.get(row.versionNumber - 1);
    const after = versions.get(row.versionNumber);
    if (before && after) return diffProposalVersions(before, after);
  }
  return comparisonOf(current, changes);
}

const ROW_SELECT = {
  id: true,
  number: true,
  status: true,
  reason: true,
  changes: true,
  proposedAt: true,
  decidedAt: true,
  decisionMessage: true,
  versionNumber: true,
  proposedBy: { select: { name: true } },
  decidedBy: { select: { name: true } },
} as const;

export interface ProjectAmendmentsView {
  project: { id: string; slug: string; title: string; status: ProjectStatus };
  current: ProposalContent;
  coLeads: { id: string; name: string }[];
  amendments: AmendmentRow[];
  /** Why a new amendment cannot be proposed now, or null. */
  cannotProposeReason: string | null;
}

/** The lead's amendments page: the project's amendments and what the form starts from. Leads only; anyone else finds nothing. */
export async function getProjectAmendments(actor: AuthzActor, slug: string): Promise<ProjectAmendmentsView> {
  assertAddressText(slug, "That project");
  const project = await db.project.findUnique({
    where: { slug },
    select: {
      ...CONTENT_SELECT,
      id: true,
      slug: true,
      status: true,
      leads: { select: { userId: true, role: true, user: { select: { name: true } } }, orderBy: { addedAt: "asc" } },
      amendments: { orderBy: { number: "desc" }, select: ROW_SELECT },
      versions: { select: { number: true, content: true } },
    },
  });
  if (!project || !can(actor, "amendment.propose", { projectLeadIds: project.leads.map((lead) => lead.userId) })) {
    throw new NotFoundError("That project");
  }
  const coLeadRows = project.leads.filter((lead) => lead.role === "CO_LEAD");
  const current = contentOf({ ...project, leads: coLeadRows });
  const versions = new Map(project.versions.map((version) => [version.number, version.content as unknown as ProposalContent]));
  const pending = project.amendments.find((row) => row.status === "PROPOSED");
  return {
    project: { id: project.id, slug: project.slug, title: project.title, status: project.status },
    current,
    coLeads: coLeadRows.map((lead) => ({ id: lead.userId, name: lead.user.name })),
    amendments: project.amendments.map((row) => toRow(row, current, versions)),
    cannotProposeReason:
      notAmendableReason(project.status) ??
      (pending ? `Amendment ${pending.number} is waiting for the committee. Wait for its decision, or withdraw it, before proposing another.` : null),
  };
}

type Loaded = {
  id: string;
  number: number;
  status: AmendmentStatus;
  reason: string;
  changes: unknown;
  proposedAt: Date;
  decidedAt: Date | null;
  decisionMessage: string;
  versionNumber: number | null;
  proposedBy: { name: string } | null;
  decidedBy: { name: string } | null;
};

function toRow(row: Loaded, current: ProposalContent, versions: Map<number, ProposalContent>): AmendmentRow {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    reason: row.reason,
    proposedAt: row.proposedAt,
    proposedBy: row.proposedBy?.name ?? FORMER,
    decidedAt: row.decidedAt,
    decidedBy: row.decidedAt ? (row.decidedBy?.name ?? FORMER) : null,
    decisionMessage: row.decisionMessage,
    versionNumber: row.versionNumber,
    comparison: comparisonFor(row, current, versions),
    invites: (row.changes as AmendmentChanges).coLeads?.invite ?? [],
  };
}

export interface AmendmentReviewView {
  project: { id: string; slug: string; title: string; status: ProjectStatus };
  amendment: AmendmentRow;
  /** Why the actor cannot decide (a lead of the project, a conflicted member, already decided), or null. */
  cannotDecideReason: string | null;
}

/**
 * An amendment as the committee reads it. The committee and administrators find it; a lead of the
 * project finds it too, and is told politely that they cannot decide; anyone else finds nothing.
 */
export async function getAmendmentReview(actor: AuthzActor, amendmentId: string): Promise<AmendmentReviewView> {
  const facts = await loadAmendment(amendmentId);
  const committee = actor.role === "COMMITTEE" || actor.role === "ADMIN";
  if (!committee && !facts.project.leadIds.includes(actor.id)) throw new NotFoundError("That amendment");
  const project = await db.project.findUniqueOrThrow({
    where: { id: facts.project.id },
    select: {
      ...CONTENT_SELECT,
      amendments: { where: { id: facts.id }, select: ROW_SELECT },
      versions: { select: { number: true, content: true } },
    },
  });
  const current = contentOf(project);
  const versions = new Map(project.versions.map((version) => [version.number, version.content as unknown as ProposalContent]));
  const refusal = can(actor, "amendment.decide", authzFactsOf(facts)) ? null : cannotDecideAmendmentReason(actor, facts.project);
  const decided = facts.status === "PROPOSED" ? null : "This amendment has been decided on or withdrawn: there is nothing left to decide.";
  return {
    project: { id: facts.project.id, slug: facts.project.slug, title: facts.project.title, status: facts.project.status },
    amendment: toRow(project.amendments[0]!, current, versions),
    cannotDecideReason: refusal ?? decided ?? notAmendableReason(facts.project.status),
  };
}

export interface PendingAmendment {
  id: string;
  number: number;
  projectTitle: string;
  proposedAt: Date;
  /** Why the actor cannot decide on it (they lead the project, or declared a conflict), or null. */
  cannotDecideReason: string | null;
}

/** The amendments waiting for the committee, oldest first, for the review queue. Empty for anyone outside the committee. One statement. */
export async function listPendingAmendments(actor: AuthzActor): Promise<PendingAmendment[]> {
  if (actor.role !== "COMMITTEE" && actor.role !== "ADMIN") return [];
  const rows = await db.projectAmendment.findMany({
    where: { status: "PROPOSED" },
    orderBy: [{ proposedAt: "asc" }, { id: "asc" }],
    take: 100,
    select: {
      id: true,
      number: true,
      proposedAt: true,
      project: {
        select: {
          title: true,
          leads: { where: { userId: actor.id }, select: { userId: true } },
          conflicts: { where: { userId: actor.id }, select: { userId: true } },
        },
      },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    projectTitle: row.project.title,
    proposedAt: row.proposedAt,
    cannotDecideReason:
      row.project.leads.length > 0 || row.project.conflicts.length > 0
        ? cannotDecideAmendmentReason(actor, {
            leadIds: row.project.leads.map((lead) => lead.userId),
            conflictedIds: row.project.conflicts.map((conflict) => conflict.userId),
          })
        : null,
  }));
}
