import "server-only";
// Frozen author lists (docs/decisions/028): a lead freezes the live list of a project
// (lib/sites/authorship-list.ts) as version N; everyone on it with an account is told and
// may confirm their line or ask for a correction until answerBy; the lead issues version N+1
// from the live list with the names retyped for those who asked, and a change log.
// A frozen entry keeps its printed name, affiliations and ORCID iD whatever happens to the
// account after: erasure only empties entry.userId (the schema's SetNull).
import { assertCan, type AuthzActor } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { db, type DatabaseTransaction } from "@/lib/db";
import { isUniqueViolation } from "@/lib/database/unique-violation";
import { DomainError, NotFoundError } from "@/lib/errors";
import { formatLongDay } from "@/lib/format/dates";
import type { AuthorAnswer, AuthorListGrouping, CreditRole } from "@/lib/generated/prisma/enums";
import { assertUuid } from "@/lib/ids";
import { notify } from "@/lib/notifications/notifications";
import { authorshipProject, liveAuthorshipList, type AuthorshipProject, type ExportFile } from "@/lib/sites/exports";
import type { AnswerAuthorListInput, CreditRoleInput, FreezeAuthorListInput, IssueAuthorListInput } from "@/lib/validation/author-lists";
import type { AuthorshipGroup } from "@/lib/validation/sites";
import { changeLog, changeLogText, frozenCsv, frozenText, manuscriptText, pubmedText, type FrozenEntry, type FrozenList } from "./frozen";
import { CREDIT_ROLE_LABELS, GROUPING_FROM, GROUPING_OF } from "@/lib/validation/credit-roles";

const DAY = 24 * 60 * 60 * 1000;

const entrySelect = {
  id: true,
  position: true,
  userId: true,
  printedName: true,
  affiliations: true,
  groupName: true,
  role: true,
  cited: true,
  orcid: true,
  answer: true,
  correction: true,
  answeredAt: true,
} as const;

/** Where a person on a list confirms their line or asks for a correction. */
export const answerPath = (listId: string) => `/dashboard/author-lists/${listId}`;

/** Builds the live list inside the transaction and writes it as the next version. */
async function freezeVersion(
  tx: DatabaseTransaction,
  actor: AuthzActor,
  project: AuthorshipProject,
  options: { version: number; grouping: AuthorshipGroup; answerDays: number; now: Date; previous?: FrozenList; names?: Map<string, string>; note?: string },
) {
  const live = await liveAuthorshipList(project, options.grouping, tx);
  if (live.entries.length === 0) throw new DomainError("There is nobody on the list to freeze yet: no one has a confirmed place at a site still taking part.");
  const entries: FrozenEntry[] = live.entries.map((entry) => ({ ...entry, printedName: options.names?.get(entry.userId) ?? entry.printedName }));
  const grouping = GROUPING_OF[options.grouping];
  const frozen: FrozenList = { version: options.version, grouping, minimumCitableCases: project.minimumCitableCases, entries };
  const log = options.previous ? changeLogText(changeLog(options.previous, frozen), options.note ?? "") : "";
  const answerBy = new Date(options.now.getTime() + options.answerDays * DAY);
  const list = await tx.authorList.create({
    data: {
      projectId: project.id,
      version: options.version,
      grouping,
      minimumCitableCases: project.minimumCitableCases,
      answerBy,
      changeLog: log,
      frozenById: actor.id,
      frozenAt: options.now,
      entries: { createMany: { data: entries.map(({ position, userId, printedName, affiliations, groupName, role, cited, orcid }) => ({ position, userId, printedName, affiliations, groupName, role, cited, orcid })) } },
    },
    select: { id: true, version: true },
  });
  await audit(tx, {
    actorId: actor.id,
    action: "authorList.frozen",
    entityType: "Project",
    entityId: project.id,
    after: { listId: list.id, version: list.version, grouping, entries: entries.length, answerBy: answerBy.toISOString(), ...(log ? { changeLog: log } : {}) },
  });
  await notify(
    tx,
    entries.flatMap((entry) => (entry.userId ? [entry.userId] : [])),
    {
      kind: "authorList.frozen",
      projectId: project.id,
      message: `Version ${list.version} of the author list of ${project.title} is frozen for publication. Check your name as it will be printed, and confirm it or ask for a correction by ${formatLongDay(answerBy)}.`,
      link: answerPath(list.id),
    },
  );
  return { ...list, path: versionPath(project.slug, list.version) };
}

/** A frozen version's page, for the project's leads. */
export const versionPath = (slug: string, version: number) => `/dashboard/projects/${slug}/authorship/versions/${version}`;

const raced = () => new DomainError("Another lead froze a version of this list at the same moment. Reload the page to see it.");

/** Version 1 of a project's list, for its leads. */
export async function freezeAuthorList(actor: AuthzActor, input: FreezeAuthorListInput, now: Date = new Date()): Promise<{ id: string; version: number; path: string }> {
  const project = await authorshipProject(actor, { id: input.projectId }, "authorList.manage");
  if (project.authorLists.length > 0) {
    throw new DomainError(`Version ${project.authorLists[0]!.version} of this list is already frozen. Issue a corrected version from its page instead.`);
  }
  try {
    return await db.$transaction((tx) => freezeVersion(tx, actor, project, { version: 1, grouping: input.grouping, answerDays: input.answerDays, now }));
  } catch (error) {
    if (isUniqueViolation(error)) throw raced();
    throw error;
  }
}

/** The list and its project, for an actor allowed `action` on its project. */
async function listFor(actor: AuthzActor, listId: string) {
  assertUuid(listId, "That author list");
  const list = await db.authorList.findUnique({
    where: { id: listId },
    select: { id: true, version: true, grouping: true, minimumCitableCases: true, answerBy: true, project: { select: { slug: true } }, entries: { orderBy: { position: "asc" }, select: entrySelect } },
  });
  if (!list) throw new NotFoundError("That author list");
  const project = await authorshipProject(actor, { slug: list.project.slug }, "authorList.manage");
  return { list, project };
}

/** Version N+1, from the live list, with the names the lead retyped; only from the newest version. */
export async function issueNextVersion(actor: AuthzActor, input: IssueAuthorListInput, now: Date = new Date()): Promise<{ id: string; version: number; path: string }> {
  const { list, project } = await listFor(actor, input.listId);
  if (project.authorLists[0]?.id !== list.id) throw new DomainError(`Version ${project.authorLists[0]!.version} is newer than this one: issue a corrected version from the newest.`);
  const names = new Map<string, string>();
  for (const [entryId, printedName] of Object.entries(input.overrides)) {
    const entry = list.entries.find((candidate) => candidate.id === entryId);
    if (!entry?.userId) throw new DomainError("That person is not on this version, or no longer has an account. Reload the page and try again.");
    // A name is reprinted at its owner's request only: the lead corrects, never renames.
    if (entry.answer !== "CORRECTION_REQUESTED") throw new DomainError(`${entry.printedName} did not ask for a correction: their name is printed as their profile gives it.`);
    names.set(entry.userId, printedName);
  }
  const previous: FrozenList = { version: list.version, grouping: list.grouping, minimumCitableCases: list.minimumCitableCases, entries: list.entries };
  try {
    return await db.$transaction((tx) =>
      freezeVersion(tx, actor, project, { version: list.version + 1, grouping: input.grouping, answerDays: input.answerDays, now, previous, names, note: input.note }),
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw raced();
    throw error;
  }
}

/** A person's own answer to their line, until the list's answerBy. */
export async function answerAuthorList(actor: AuthzActor, input: AnswerAuthorListInput, now: Date = new Date()): Promise<AuthorAnswer> {
  assertUuid(input.listId, "That author list");
  const entry = await db.authorListEntry.findFirst({
    where: { listId: input.listId, userId: actor.id },
    select: { id: true, userId: true, list: { select: { version: true, answerBy: true, projectId: true } } },
  });
  if (!entry) throw new NotFoundError("That author list");
  assertCan(actor, "authorList.answer", { ownerId: entry.userId ?? undefined });
  if (now > entry.list.answerBy) {
    throw new DomainError(
      `The time to answer ended on ${formatLongDay(entry.list.answerBy)}. Your line is printed as shown; if it is wrong, write to the project lead, who can issue a corrected version.`,
    );
  }
  const answer: AuthorAnswer = input.answer === "confirm" ? "CONFIRMED" : "CORRECTION_REQUESTED";
  const correction = answer === "CORRECTION_REQUESTED" ? (input.correction ?? null) : null;
  await db.$transaction(async (tx) => {
    // The window is checked again in the update itself: an answer sent as it closes is refused, not half-kept.
    const { count } = await tx.authorListEntry.updateMany({ where: { id: entry.id, userId: actor.id, list: { answerBy: { gte: now } } }, data: { answer, correction, answeredAt: now } });
    if (count === 0) throw new DomainError(`The time to answer ended on ${formatLongDay(entry.list.answerBy)}.`);
    await audit(tx, {
      actorId: actor.id,
      action: answer === "CONFIRMED" ? "authorList.confirmed" : "authorList.correctionRequested",
      entityType: "Project",
      entityId: entry.list.projectId,
      after: { version: entry.list.version, ...(correction ? { correction } : {}) },
    });
  });
  return answer;
}

export interface MyAuthorListEntry {
  list: { id: string; version: number; answerBy: Date; frozenAt: Date; open: boolean; grouping: AuthorListGrouping };
  project: { title: string };
  entry: { line: string; printedName: string; affiliations: string[]; groupName: string; role: string; cited: boolean; orcid: string | null; answer: AuthorAnswer; correction: string | null; answeredAt: Date | null };
}

/** The answer page: the person's own line on a list, exactly as printed. One statement. */
export async function getMyAuthorListEntry(actor: AuthzActor, listId: string, now: Date = new Date()): Promise<MyAuthorListEntry> {
  assertUuid(listId, "That author list");
  const entry = await db.authorListEntry.findFirst({
    where: { listId, userId: actor.id },
    select: { ...entrySelect, list: { select: { id: true, version: true, answerBy: true, frozenAt: true, grouping: true, project: { select: { title: true } } } } },
  });
  if (!entry) throw new NotFoundError("That author list");
  assertCan(actor, "authorList.answer", { ownerId: entry.userId ?? undefined });
  const { list } = entry;
  const shown = entry.affiliations.filter((hospital) => list.grouping !== "HOSPITAL" || hospital !== entry.groupName);
  return {
    list: { id: list.id, version: list.version, answerBy: list.answerBy, frozenAt: list.frozenAt, open: now <= list.answerBy, grouping: list.grouping },
    project: { title: list.project.title },
    entry: {
      line: shown.length > 0 ? `${entry.printedName} (${shown.join("; ")})` : entry.printedName,
      printedName: entry.printedName,
      affiliations: entry.affiliations,
      groupName: entry.groupName,
      role: CREDIT_ROLE_LABELS[entry.role],
      cited: entry.cited,
      orcid: entry.orcid,
      answer: entry.answer,
      correction: entry.correction,
      answeredAt: entry.answeredAt,
    },
  };
}

export interface AuthorListVersionPage {
  project: { id: string; slug: string; title: string };
  list: { id: string; version: number; grouping: AuthorListGrouping; answerBy: Date; frozenAt: Date; changeLog: string; open: boolean; newest: boolean; minimumCitableCases: number | null };
  text: string;
  entries: (FrozenEntry & { id: string; answer: AuthorAnswer; correction: string | null; answeredAt: Date | null })[];
  counts: Record<AuthorAnswer, number>;
}

/** A frozen version for the project's leads: its text, and who confirmed, asked or has not answered. Three statements. */
export async function getAuthorListVersion(actor: AuthzActor, slug: string, versionText: string, now: Date = new Date()): Promise<AuthorListVersionPage> {
  const project = await authorshipProject(actor, { slug }, "authorList.manage");
  const summary = /^\d{1,6}$/.test(versionText) ? project.authorLists.find((list) => list.version === Number(versionText)) : undefined;
  if (!summary) throw new NotFoundError("That version of the author list");
  const list = await db.authorList.findUniqueOrThrow({
    where: { id: summary.id },
    select: { id: true, version: true, grouping: true, answerBy: true, frozenAt: true, changeLog: true, minimumCitableCases: true, entries: { orderBy: { position: "asc" }, select: entrySelect } },
  });
  const counts: Record<AuthorAnswer, number> = { PENDING: 0, CONFIRMED: 0, CORRECTION_REQUESTED: 0 };
  for (const entry of list.entries) counts[entry.answer] += 1;
  return {
    project: { id: project.id, slug: project.slug, title: project.title },
    list: {
      id: list.id,
      version: list.version,
      grouping: list.grouping,
      answerBy: list.answerBy,
      frozenAt: list.frozenAt,
      changeLog: list.changeLog,
      open: now <= list.answerBy,
      newest: project.authorLists[0]?.id === list.id,
      minimumCitableCases: list.minimumCitableCases,
    },
    text: frozenText(list),
    entries: list.entries,
    counts,
  };
}

export const FROZEN_FILES = ["pubmed.txt", "authors.csv", "manuscript.txt"] as const;
export type FrozenFile = (typeof FROZEN_FILES)[number];

/** A frozen version's exports, for the project's leads. */
export async function exportFrozenList(actor: AuthzActor, slug: string, versionText: string, file: FrozenFile): Promise<ExportFile> {
  const page = await getAuthorListVersion(actor, slug, versionText);
  const list: FrozenList = { version: page.list.version, grouping: page.list.grouping, minimumCitableCases: page.list.minimumCitableCases, entries: page.entries };
  const base = `${page.project.slug}-author-list-v${page.list.version}`;
  switch (file) {
    case "pubmed.txt":
      return { filename: `${base}-pubmed.txt`, contentType: "text/plain; charset=utf-8", body: pubmedText(list) };
    case "authors.csv":
      return { filename: `${base}.csv`, contentType: "text/csv; charset=utf-8", body: frozenCsv(list) };
    case "manuscript.txt":
      return { filename: `${base}-manuscript.txt`, contentType: "text/plain; charset=utf-8", body: manuscriptText(list) };
  }
}

/** A lead gives a person on the live list a credit role (writing group, data validator…). */
export async function giveCreditRole(actor: AuthzActor, input: CreditRoleInput): Promise<"given" | "already"> {
  const project = await authorshipProject(actor, { id: input.projectId }, "authorList.manage");
  const live = await liveAuthorshipList(project, "role");
  if (!live.entries.some((entry) => entry.userId === input.userId)) {
    throw new DomainError("Choose a person on the list: credit roles are for people with a confirmed place or already credited.", "userId");
  }
  return db.$transaction(async (tx) => {
    const created = await tx.projectCreditRole.createMany({ data: [{ projectId: project.id, userId: input.userId, role: input.role, assignedById: actor.id }], skipDuplicates: true });
    if (created.count === 0) return "already";
    await audit(tx, { actorId: actor.id, action: "creditRole.given", entityType: "Project", entityId: project.id, after: { userId: input.userId, role: input.role } });
    return "given";
  });
}

/** A lead takes a credit role back. */
export async function takeBackCreditRole(actor: AuthzActor, input: CreditRoleInput): Promise<void> {
  const project = await authorshipProject(actor, { id: input.projectId }, "authorList.manage");
  await db.$transaction(async (tx) => {
    const { count } = await tx.projectCreditRole.deleteMany({ where: { projectId: project.id, userId: input.userId, role: input.role } });
    if (count === 0) return;
    await audit(tx, { actorId: actor.id, action: "creditRole.removed", entityType: "Project", entityId: project.id, before: { userId: input.userId, role: input.role } });
  });
}

export type { CreditRole };
export { GROUPING_FROM };
