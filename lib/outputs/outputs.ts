import "server-only";
// What a project produced: abstracts, posters, talks, papers and reports, recorded by its leads
// (permission project.recordOutput), each change audited. Shown to everyone on the project's
// public page and /outputs (./public.ts), and to its collaborators (./member.ts).
import { assertCan, type AuthzActor } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { OutputKind, ProjectStatus } from "@/lib/generated/prisma/enums";
import { assertAddressText, assertUuid } from "@/lib/ids";
import { PUBLIC_STATUSES } from "@/lib/validation/projects";
import type { ChangeOutputInput, OutputInput, OutputSummary, RecordOutputInput } from "@/lib/validation/outputs";
import { LOOKUP_MESSAGES, lookUpDoi, lookUpPmid } from "./lookup";
import type { LookedUp } from "./lookup-parse";

/**
 * Where a project may record outputs: the stages at which its page is public, so what is recorded
 * is seen. A protocol paper or an interim abstract comes before the end of collection; a
 * proposal still in review, rejected or withdrawn has nothing to show.
 */
export const OUTPUT_STATUSES: readonly ProjectStatus[] = PUBLIC_STATUSES;

export interface OutputRow extends OutputSummary {
  authorListId: string | null;
  /** The version of the frozen author list it was published with, if one was chosen. */
  authorListVersion: number | null;
}

export interface AuthorListChoice {
  id: string;
  version: number;
  frozenAt: Date;
}

export interface OutputsPage {
  project: { id: string; slug: string; title: string; status: ProjectStatus };
  outputs: OutputRow[];
  /** The project's frozen author lists, newest first: what an output may say it was published with. */
  authorLists: AuthorListChoice[];
}

const OUTPUT_SELECT = {
  id: true,
  kind: true,
  title: true,
  venue: true,
  date: true,
  doi: true,
  pmid: true,
  authorListId: true,
  authorList: { select: { version: true } },
} as const;

type OutputRecord = { id: string; kind: OutputKind; title: string; venue: string; date: Date; doi: string | null; pmid: string | null; authorListId: string | null; authorList: { version: number } | null };

const toRow = ({ authorList, date, ...output }: OutputRecord): OutputRow => ({ ...output, date: date.toISOString().slice(0, 10), authorListVersion: authorList?.version ?? null });

/** What an audit row keeps of an output: what it said, not who else is on it. */
const auditView = (output: { kind: OutputKind; title: string; venue: string; date: Date; doi: string | null; pmid: string | null; authorListId: string | null }) => ({
  kind: output.kind,
  title: output.title,
  venue: output.venue,
  date: output.date.toISOString().slice(0, 10),
  doi: output.doi,
  pmid: output.pmid,
  authorListId: output.authorListId,
});

const leadFacts = (leads: { userId: string }[]) => ({ projectLeadIds: leads.map((lead) => lead.userId) });

const PROJECT_SELECT = { id: true, slug: true, title: true, status: true, leads: { select: { userId: true } } } as const;

/** The lead's page: the project's outputs and its author list versions. Three statements. */
export async function getOutputsPage(actor: AuthzActor | null, slug: string): Promise<OutputsPage> {
  assertAddressText(slug, "That project");
  const project = await db.project.findFirst({ where: { slug, status: { in: [...OUTPUT_STATUSES] } }, select: PROJECT_SELECT });
  if (!project) throw new NotFoundError("That project");
  assertCan(actor, "project.recordOutput", leadFacts(project.leads));
  const [outputs, authorLists] = await Promise.all([
    db.projectOutput.findMany({ where: { projectId: project.id }, orderBy: [{ date: "desc" }, { createdAt: "desc" }], select: OUTPUT_SELECT }),
    db.authorList.findMany({ where: { projectId: project.id }, orderBy: { version: "desc" }, select: { id: true, version: true, frozenAt: true } }),
  ]);
  return { project: { id: project.id, slug: project.slug, title: project.title, status: project.status }, outputs: outputs.map(toRow), authorLists };
}

/** The project an output belongs to, and whether the actor leads it; before anything is read or changed. */
async function projectForRecording(actor: AuthzActor | null, projectId: string) {
  assertUuid(projectId, "That project");
  const project = await db.project.findUnique({ where: { id: projectId }, select: PROJECT_SELECT });
  if (!project) throw new NotFoundError("That project");
  assertCan(actor, "project.recordOutput", leadFacts(project.leads));
  if (!OUTPUT_STATUSES.includes(project.status)) {
    throw new DomainError("Outputs can be recorded once the project has been approved and opened to sites.");
  }
  return project;
}

/** The chosen author list must be one of this project's own versions (an id in a form can name any). */
async function checkAuthorList(projectId: string, authorListId: string | null) {
  if (authorListId === null) return;
  const list = await db.authorList.findFirst({ where: { id: authorListId, projectId }, select: { id: true } });
  if (!list) throw new DomainError("Choose one of this project's author list versions, or none", "authorListId");
}

/** The same DOI or PubMed ID twice in one project is the same work recorded twice. */
async function checkNotRecorded(projectId: string, input: OutputInput, exceptId?: string) {
  const identifiers = [...(input.doi ? [{ doi: input.doi }] : []), ...(input.pmid ? [{ pmid: input.pmid }] : [])];
  if (identifiers.length === 0) return;
  const same = await db.projectOutput.findFirst({
    where: { projectId, OR: identifiers, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { title: true, doi: true },
  });
  if (same) {
    const field = input.doi && same.doi === input.doi ? "doi" : "pmid";
    throw new DomainError(`This project has already recorded “${same.title}” with that ${field === "doi" ? "DOI" : "PubMed ID"}. Change that output instead.`, field);
  }
}

const dataOf = (input: OutputInput) => ({
  kind: input.kind,
  title: input.title,
  venue: input.venue,
  date: input.date,
  doi: input.doi,
  pmid: input.pmid,
  authorListId: input.authorListId,
});

/** A lead records an output of their project. */
export async function recordOutput(actor: AuthzActor | null, input: RecordOutputInput): Promise<OutputRow> {
  const project = await projectForRecording(actor, input.projectId);
  await checkAuthorList(project.id, input.authorListId);
  await checkNotRecorded(project.id, input);
  return db.$transaction(async (tx) => {
    const output = await tx.projectOutput.create({ data: { projectId: project.id, recordedById: actor!.id, ...dataOf(input) }, select: OUTPUT_SELECT });
    await audit(tx, { actorId: actor!.id, action: "output.recorded", entityType: "ProjectOutput", entityId: output.id, after: auditView(output) });
    return toRow(output);
  });
}

/** An output with its project's leads, for a change or a removal: not found unless it exists. */
async function outputForChange(actor: AuthzActor | null, outputId: string) {
  assertUuid(outputId, "That output");
  const output = await db.projectOutput.findUnique({
    where: { id: outputId },
    select: { ...OUTPUT_SELECT, projectId: true, project: { select: PROJECT_SELECT } },
  });
  if (!output) throw new NotFoundError("That output");
  assertCan(actor, "project.recordOutput", leadFacts(output.project.leads));
  return output;
}

/** A lead corrects an output of their project. */
export async function changeOutput(actor: AuthzActor | null, input: ChangeOutputInput): Promise<{ changed: boolean; output: OutputRow }> {
  const before = await outputForChange(actor, input.outputId);
  await checkAuthorList(before.projectId, input.authorListId);
  await checkNotRecorded(before.projectId, input, before.id);
  const data = dataOf(input);
  const was = auditView(before);
  const will = auditView(data);
  if (JSON.stringify(was) === JSON.stringify(will)) return { changed: false, output: toRow(before) };
  return db.$transaction(async (tx) => {
    const output = await tx.projectOutput.update({ where: { id: before.id }, data, select: OUTPUT_SELECT });
    await audit(tx, { actorId: actor!.id, action: "output.changed", entityType: "ProjectOutput", entityId: output.id, before: was, after: will });
    return { changed: true, output: toRow(output) };
  });
}

/** A lead removes an output recorded in error. Returns its title, for the message. */
export async function removeOutput(actor: AuthzActor | null, outputId: string): Promise<{ title: string; projectSlug: string }> {
  const output = await outputForChange(actor, outputId);
  return db.$transaction(async (tx) => {
    const { count } = await tx.projectOutput.deleteMany({ where: { id: output.id } });
    if (count === 0) throw new NotFoundError("That output");
    await audit(tx, { actorId: actor!.id, action: "output.removed", entityType: "ProjectOutput", entityId: output.id, before: auditView(output) });
    return { title: output.title, projectSlug: output.project.slug };
  });
}

/** What "Look up" answers the form: what was found, or the sentence that says why not. */
export type LookupAnswer = { found: LookedUp; source: "Crossref" | "PubMed" } | { found: null; message: string };

/**
 * "Look up" on the form: only a lead of the project may make the portal ask the services, so the
 * form cannot be used by anyone to send requests from the server. A DOI is asked of Crossref
 * first; when that gives nothing and a PubMed ID was typed too, PubMed is asked.
 */
export async function lookUpOutput(actor: AuthzActor | null, projectId: string, ids: { doi: string | null; pmid: string | null }): Promise<LookupAnswer> {
  await projectForRecording(actor, projectId);
  let failure: { reason: "off" | "notFound" | "unavailable"; what: string } | null = null;
  if (ids.doi) {
    const result = await lookUpDoi(ids.doi);
    if (result.ok) return { found: result.found, source: "Crossref" };
    failure = { reason: result.reason, what: "DOI" };
  }
  if (ids.pmid) {
    const result = await lookUpPmid(ids.pmid);
    if (result.ok) return { found: result.found, source: "PubMed" };
    // "Off" for one service and an answer from the other says more than "off".
    if (!failure || failure.reason === "off" || result.reason !== "off") failure = { reason: result.reason, what: "PubMed ID" };
  }
  return { found: null, message: LOOKUP_MESSAGES[failure!.reason](failure!.what) };
}
