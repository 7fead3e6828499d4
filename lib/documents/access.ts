import "server-only";
import { can, type AuthzActor } from "@/lib/authz";
import type { Database, DatabaseTransaction } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { ProjectStatus } from "@/lib/generated/prisma/enums";
import { assertUuid } from "@/lib/ids";

// Who may read a study's documents (docs/decisions/036): its leads always; the committee and
// administrators what was submitted to them (a draft's documents are the leads' alone); the
// confirmed site leads of its sites once it is approved.

/** From approval on, the documents are the running study's, and its site leads work from them. */
export const APPROVED_OR_LATER: readonly ProjectStatus[] = ["APPROVED", "SITE_SETUP", "DATA_COLLECTION", "ANALYSIS", "COMPLETED"];

/** A project no one works on any more takes no new documents. */
export const CLOSED_TO_UPLOADS: readonly ProjectStatus[] = ["REJECTED", "WITHDRAWN"];

export interface DocumentFacts {
  id: string;
  slug: string;
  title: string;
  status: ProjectStatus;
  leadIds: string[];
  /**
   * The asker, when they are a confirmed site lead of one of its sites (withdrawn ones aside); empty
   * otherwise. The permissions ask only whether the asker is one, so the project's other site
   * leads (hundreds, for a national audit) are not read.
   */
  siteLeadIds: string[];
  /** The project's submitted versions, oldest first. */
  versions: { number: number; submittedAt: Date }[];
}

/** What is read of the project for `askerId` (none: nobody signed in). */
function documentFactsSelect(askerId: string | null) {
  return {
    id: true,
    slug: true,
    title: true,
    status: true,
    leads: { select: { userId: true } },
    sites: {
      where: askerId
        ? { status: { not: "WITHDRAWN" as const }, collaborations: { some: { userId: askerId, role: "SITE_LEAD" as const, status: "CONFIRMED" as const } } }
        : { id: { in: [] as string[] } },
      select: { id: true },
      take: 1,
    },
    versions: { select: { number: true, submittedAt: true }, orderBy: { number: "asc" as const } },
  };
}

type FactsRow = {
  id: string;
  slug: string;
  title: string;
  status: ProjectStatus;
  leads: { userId: string }[];
  sites: { id: string }[];
  versions: { number: number; submittedAt: Date }[];
};

function toDocumentFacts(row: FactsRow, askerId: string | null): DocumentFacts {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    status: row.status,
    leadIds: row.leads.map((lead) => lead.userId),
    siteLeadIds: askerId && row.sites.length > 0 ? [askerId] : [],
    versions: row.versions,
  };
}

/** The project's facts as `asker` may be judged against them (see `siteLeadIds`). */
export async function loadDocumentFacts(client: Database | DatabaseTransaction, projectId: string, asker: AuthzActor | null): Promise<DocumentFacts> {
  assertUuid(projectId, "That project");
  const askerId = asker?.id ?? null;
  const row = await client.project.findUnique({ where: { id: projectId }, select: documentFactsSelect(askerId) });
  if (!row) throw new NotFoundError("That project");
  return toDocumentFacts(row, askerId);
}

/** The facts the permission table reads: site leads count only once the project is approved. */
function authzFactsOf(facts: DocumentFacts) {
  return { projectLeadIds: facts.leadIds, siteLeadIds: APPROVED_OR_LATER.includes(facts.status) ? facts.siteLeadIds : [] };
}

/**
 * Up to when the actor may read uploads: null for none, Infinity for all. A lead or (once approved)
 * a site lead reads them all; the committee and administrators what was uploaded by the latest
 * submission, and everything once approved.
 */
export function readableUntil(actor: AuthzActor | null, facts: DocumentFacts): number | null {
  const authzFacts = authzFactsOf(facts);
  if (!actor || !can(actor, "document.download", authzFacts)) return null;
  if (authzFacts.projectLeadIds.includes(actor.id) || authzFacts.siteLeadIds.includes(actor.id)) return Infinity;
  // What remains is the committee's and the administrators' grant, by role.
  const latest = facts.versions.at(-1);
  if (!latest) return null;
  return APPROVED_OR_LATER.includes(facts.status) ? Infinity : latest.submittedAt.getTime();
}

export function mayUpload(actor: AuthzActor | null, facts: DocumentFacts): boolean {
  return can(actor, "document.upload", { projectLeadIds: facts.leadIds }) && !CLOSED_TO_UPLOADS.includes(facts.status);
}
