import "server-only";
import type { DatabaseTransaction } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { slugify, type ProposalContent } from "@/lib/validation/proposals";
import { isUniqueViolation } from "@/lib/database/unique-violation";

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id from a URL or a form that is not even shaped like one is simply not found (the database would reject it). */
export function assertProjectId(id: string): void {
  if (!UUID.test(id)) throw new NotFoundError("That project");
}

/** The columns that make up what a proposal says. */
export const CONTENT_SELECT = {
  title: true,
  summary: true,
  background: true,
  aims: true,
  primaryOutcome: true,
  methods: true,
  design: true,
  modalities: true,
  subspecialties: true,
  dataItems: true,
  governanceRoute: true,
  collectionStart: true,
  collectionEnd: true,
  targetSites: true,
  targetCasesPerSite: true,
  supervisorName: true,
  supervisorEmail: true,
  leads: { where: { role: "CO_LEAD" }, select: { user: { select: { name: true } } }, orderBy: { addedAt: "asc" } },
} as const satisfies Prisma.ProjectSelect;

export type ContentRow = Prisma.ProjectGetPayload<{ select: typeof CONTENT_SELECT }>;

const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

export function contentOf(project: ContentRow): ProposalContent {
  return {
    title: project.title,
    summary: project.summary,
    background: project.background,
    aims: project.aims,
    primaryOutcome: project.primaryOutcome,
    methods: project.methods,
    design: project.design,
    modalities: project.modalities,
    subspecialties: project.subspecialties,
    dataItems: project.dataItems,
    governanceRoute: project.governanceRoute,
    collectionStart: isoDay(project.collectionStart),
    collectionEnd: isoDay(project.collectionEnd),
    targetSites: project.targetSites,
    targetCasesPerSite: project.targetCasesPerSite,
    supervisorName: project.supervisorName ?? "",
    supervisorEmail: project.supervisorEmail ?? "",
    coLeads: project.leads.map((lead) => lead.user.name),
  };
}

/** An address made from the title that no other project has: the title's slug, or it with -2, -3… */
export async function uniqueSlug(tx: DatabaseTransaction, title: string, projectId?: string): Promise<string> {
  const base = slugify(title);
  const taken = await tx.project.findMany({
    where: { slug: { startsWith: base }, ...(projectId ? { id: { not: projectId } } : {}) },
    select: { slug: true },
  });
  const slugs = new Set(taken.map((row) => row.slug));
  if (!slugs.has(base)) return base;
  for (let n = 2; ; n++) if (!slugs.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The unique index on Project.slug is the last word: a clash between two saves at the same moment reads as a sentence. */
export function slugClash(error: unknown): never {
  if (isUniqueViolation(error)) {
    throw new DomainError("Another proposal with the same title was saved at the same moment. Save again.");
  }
  throw error;
}
