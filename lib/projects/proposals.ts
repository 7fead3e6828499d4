import "server-only";
import { assertCan, type AuthzActor } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { db, type DatabaseTransaction } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ProjectLeadRole, ProjectStatus, Recommendation } from "@/lib/generated/prisma/enums";
import { z } from "zod";
import { withdrawCoLeadInvitations } from "@/lib/invitations/lifecycle";
import { declinedMessage, declinedRecently, INVITATION_LIMIT_MESSAGE, offerPlace, withinInvitationLimit } from "@/lib/invitations/send";
import { listedHospitalName } from "@/lib/reference/hospital-requests";
import { coLeadAddressSchema } from "@/lib/validation/invitations";
import { dateText, type DateParts } from "@/lib/validation/date-input";
import { parseProposalDraft, type ProposalContent, type ProposalDraft, type ProposalFormInput } from "@/lib/validation/proposals";
import { assertProjectId, CONTENT_SELECT, contentOf, slugClash, UUID, uniqueSlug } from "./content";
import { leadMovesFrom, type LifecycleAction } from "./lifecycle";
import { CONTROL_CHARACTERS_MESSAGE, isPlainLine } from "@/lib/validation/fields";
import { checkChosenCall } from "@/lib/reviews/calls";

/** States in which the leads may change what the proposal says. */
export const EDITABLE_STATUSES: readonly ProjectStatus[] = ["DRAFT", "CHANGES_REQUESTED"];

export const EDIT_CONFLICT_MESSAGE =
  "Another lead saved changes to this proposal after you opened it, so your changes have not been saved. Your text is still in the form: copy what you need, reload the page to see their version, then make your changes again.";

/** A version number as stored (a positive PostgreSQL integer). */
export function isVersion(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 1 && value <= 2 ** 31 - 1;
}

export interface SaveDraftInput {
  form: ProposalFormInput;
  /** Co-leads ticked to stay; any other co-lead is removed. */
  keepCoLeadIds: string[];
  /** Co-lead invitations ticked to stay; any other waiting one is withdrawn. Absent: none is. */
  keepInvitationIds?: string[];
  /** Someone to invite as co-lead: a member by name, or anyone by e-mail address. */
  addCoLead: string;
  /** The member chosen among those a name matched (their id), which wins over the text. */
  addCoLeadId?: string;
  /** Project.version the form was loaded at; absent for a new proposal. */
  expectedVersion?: number;
  /** The call for proposals it is in (null: none); absent: as it is. Only an open call may be chosen. */
  callId?: string | null;
}

export interface SaveDraftResult {
  id: string;
  version: number;
  /** Fields that could not be kept, each with why; everything else was saved. */
  fieldErrors: Record<string, string>;
  /** When a co-lead's name matched several members: those to choose from. */
  coLeadChoices?: CoLeadChoice[];
  /** The co-leads after the save, for a form that stays on the page. */
  coLeads: { id: string; name: string }[];
  /** Co-lead invitations waiting for an answer after the save. */
  invitedCoLeads: InvitedCoLead[];
  /** Who was invited as co-lead by this save (as the lead named them), if anyone. */
  invited?: string;
}

/** A co-lead invitation waiting for an answer: named as a member (by name) or, for an address with no account, by the address. */
export type InvitedCoLead = { id: string; label: string };

export type CoLeadChoice = {
  id: string;
  /** Name and home hospital, which tell namesakes apart without showing e-mail addresses. */
  label: string;
};

/** Most members offered when a name matches several. */
const MOST_CHOICES = 8;

function draftColumns(draft: ProposalDraft): Prisma.ProjectUpdateManyMutationInput {
  const data: Prisma.ProjectUpdateManyMutationInput = {};
  for (const key of ["title", "summary", "background", "aims", "primaryOutcome", "methods", "dataItems"] as const) {
    if (draft[key] !== undefined) data[key] = draft[key];
  }
  if (draft.design !== undefined) data.design = draft.design;
  if (draft.governanceRoute !== undefined) data.governanceRoute = draft.governanceRoute;
  if (draft.modalities) data.modalities = draft.modalities;
  if (draft.subspecialties) data.subspecialties = draft.subspecialties;
  if (draft.collectionStart !== undefined) data.collectionStart = draft.collectionStart ? new Date(`${draft.collectionStart}T00:00:00Z`) : null;
  if (draft.collectionEnd !== undefined) data.collectionEnd = draft.collectionEnd ? new Date(`${draft.collectionEnd}T00:00:00Z`) : null;
  if (draft.targetSites !== undefined) data.targetSites = draft.targetSites;
  if (draft.targetCasesPerSite !== undefined) data.targetCasesPerSite = draft.targetCasesPerSite;
  if (draft.supervisorName !== undefined) data.supervisorName = draft.supervisorName || null;
  if (draft.supervisorEmail !== undefined) data.supervisorEmail = draft.supervisorEmail || null;
  return data;
}

/** Text a lead typed that could not be stored in its column, with the reason, by form field name. */
export type UnsavedFields = Record<string, { value: string; message: string; choices?: CoLeadChoice[] }>;

const unsavedFieldsSchema = z.record(
  z.string(),
  z.object({ value: z.string(), message: z.string(), choices: z.array(z.object({ id: z.string(), label: z.string() })).optional() }),
);

function storableInJson(text: string): string {
  return text.replace(/\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "");
}

/** The typed text of every refused field that has any (tick boxes arrive only from the form's own options). */
function unsavedFieldsOf(typed: Record<string, unknown>, fieldErrors: Record<string, string>, coLeadChoices?: CoLeadChoice[]): UnsavedFields | null {
  const kept: UnsavedFields = {};
  for (const [name, message] of Object.entries(fieldErrors)) {
    const field = typed[name];
    // A date's three boxes are kept as one line ("31/2/2027"), which the date input splits again.
    const value = field && typeof field === "object" && "day" in field ? dateText(field as DateParts) : field;
    // Kept as typed, less what PostgreSQL cannot store in JSON at all (NUL, half a surrogate pair).
    if (typeof value === "string" && value.trim() !== "") kept[name] = { value: storableInJson(value), message };
  }
  if (kept.addCoLead && coLeadChoices) kept.addCoLead.choices = coLeadChoices;
  return Object.keys(kept).length > 0 ? kept : null;
}

/** Whom a co-lead invitation is for: the address, and the member it belongs to or was chosen by name. */
interface CoLeadTarget {
  email: string;
  invitee: { id: string; name: string } | null;
  /** As the lead named them: the address typed, or the member's name. */
  label: string;
}

/**
 * Finds whom the lead means: anyone by e-mail address (a member or not: an
 * address with no account is invited to sign up), or one member by a chosen id
 * or a name, or says why not; when a name fits several, offers them to choose from.
 */
async function resolveCoLead(
  query: string,
  chosenId: string | undefined,
  excludeIds: string[],
): Promise<{ target: CoLeadTarget } | { error: string; choices?: CoLeadChoice[] }> {
  const text = query.trim();
  if (text.includes("@")) {
    const address = coLeadAddressSchema.safeParse(text);
    if (!address.success) return { error: address.error.issues[0]!.message };
    const member = await db.user.findFirst({ where: { email: address.data, deletedAt: null }, select: { id: true, name: true } });
    if (member && excludeIds.includes(member.id)) return { error: `${member.name} is already a lead of this proposal.` };
    return { target: { email: address.data, invitee: member, label: address.data } };
  }
  const byName: Prisma.UserWhereInput = { name: { contains: text, mode: "insensitive" } };
  const found = (user: { id: string; name: string; email: string }) => ({ target: { email: user.email, invitee: { id: user.id, name: user.name }, label: user.name } });
  if (chosenId !== undefined && UUID.test(chosenId)) {
    // The member chosen among namesakes, as long as the text still names them (it may have been changed since).
    const chosen = await db.user.findFirst({
      where: { AND: [{ id: chosenId }, byName, { deletedAt: null, id: { notIn: excludeIds } }] },
      select: { id: true, name: true, email: true },
    });
    if (chosen) return found(chosen);
  }
  const matches = await db.user.findMany({
    where: { AND: [byName, { deletedAt: null, id: { notIn: excludeIds } }] },
    select: { id: true, name: true, email: true, profile: { select: { homeSite: { select: { name: true, listing: true, odsCode: true } } } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: MOST_CHOICES + 1,
  });
  if (matches.length === 1) return found(matches[0]!);
  if (matches.length === 0) {
    return { error: `No other member matches “${text}”. Check the spelling, or enter their e-mail address to invite them.` };
  }
  if (matches.length > MOST_CHOICES) {
    return { error: `More than ${MOST_CHOICES} members match “${text}”. Type more of their name, or enter their e-mail address.` };
  }
  return {
    error: `More than one member matches “${text}”. Choose the one you mean, or enter their e-mail address.`,
    // A hospital the member asked to have added is theirs alone until listed (docs/decisions/016): not named to the lead.
    choices: matches.map((user) => {
      const hospital = user.profile ? listedHospitalName(user.profile.homeSite) : null;
      return { id: user.id, label: hospital ? `${user.name}, ${hospital}` : user.name };
    }),
  };
}

/** The co-lead invitations of a project still waiting for an answer. One statement. */
async function invitedCoLeadsOf(client: DatabaseTransaction | typeof db, projectId: string, now: Date): Promise<InvitedCoLead[]> {
  const rows = await client.invitation.findMany({
    where: { projectId, kind: "CO_LEAD", status: "PENDING", expiresAt: { gt: now } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, email: true, label: true },
  });
  return rows.map((row) => ({ id: row.id, label: row.label ?? row.email }));
}

/**
 * Creates a proposal (the actor becomes its LEAD) or saves one the actor leads.
 * Whatever is valid-shaped is saved even when other fields are not; those come
 * back in `fieldErrors`. A save based on an older version than the one stored
 * is refused whole, never merged silently.
 */
export async function saveProposalDraft(actor: AuthzActor | null, projectId: string | null, input: SaveDraftInput): Promise<SaveDraftResult> {
  const { data: draft, fieldErrors } = parseProposalDraft(input.form);
  let existingLeads: { userId: string; role: ProjectLeadRole }[] = [];
  let currentCallId: string | null = null;
  if (projectId === null) {
    assertCan(actor, "project.propose");
  } else {
    assertProjectId(projectId);
    const project = await db.project.findUnique({
      where: { id: projectId },
      select: { status: true, callId: true, leads: { select: { userId: true, role: true } } },
    });
    // Someone else's proposal is not found, whatever its id.
    if (!project || !project.leads.some((lead) => lead.userId === actor?.id)) throw new NotFoundError("That proposal");
    existingLeads = project.leads;
    currentCallId = project.callId;
    assertCan(actor, "project.edit", { projectLeadIds: project.leads.map((lead) => lead.userId) });
    if (!EDITABLE_STATUSES.includes(project.status)) {
      throw new DomainError("This proposal is with the committee or has been decided, so it can no longer be edited.");
    }
  }

  const now = new Date();
  let invite: CoLeadTarget | null = null;
  let coLeadChoices: CoLeadChoice[] | undefined;
  // A choice among namesakes counts only with the name still in the box: emptying it gives up.
  if (input.addCoLead.trim() !== "") {
    // A co-lead is invited by the leads of the proposal (the proposer, for a new one).
    assertCan(actor, "invitation.inviteCoLead", { projectLeadIds: projectId === null ? [actor.id] : existingLeads.map((lead) => lead.userId) });
    const found = isPlainLine(input.addCoLead)
      ? await resolveCoLead(input.addCoLead, input.addCoLeadId, [actor.id, ...existingLeads.map((lead) => lead.userId)])
      : { error: CONTROL_CHARACTERS_MESSAGE };
    if ("error" in found) {
      fieldErrors.addCoLead = found.error;
      coLeadChoices = found.choices;
    } else {
      const declinedOn =
        projectId === null ? null : await declinedRecently(db, { kind: "CO_LEAD", projectId, projectSiteId: null, email: found.target.email }, now);
      if (declinedOn) fieldErrors.addCoLead = declinedMessage(found.target.label, declinedOn);
      else if (!(await withinInvitationLimit(actor.id))) fieldErrors.addCoLead = INVITATION_LIMIT_MESSAGE;
      else invite = found.target;
    }
  }
  const removeCoLeadIds = existingLeads
    .filter((lead) => lead.role === "CO_LEAD" && !input.keepCoLeadIds.includes(lead.userId))
    .map((lead) => lead.userId);
  let callColumn: { callId: string | null } | { callId?: never } = {};
  if (input.callId !== undefined) {
    const refused = await checkChosenCall(input.callId, currentCallId);
    if (refused) fieldErrors.callId = refused;
    else callColumn = { callId: input.callId };
  }
  const unsaved = unsavedFieldsOf({ ...input.form, addCoLead: input.addCoLead, callId: input.callId ?? "" }, fieldErrors, coLeadChoices);
  const columns = { ...draftColumns(draft), unsavedFields: unsaved ? (unsaved as Prisma.InputJsonObject) : Prisma.DbNull };

  try {
    return await db.$transaction(async (tx) => {
      let id: string;
      let version: number;
      let before: Prisma.InputJsonObject | undefined;
      if (projectId === null) {
        const created = await tx.project.create({
          data: {
            ...(columns as Prisma.ProjectCreateInput),
            title: draft.title ?? "",
            summary: draft.summary ?? "",
            slug: await uniqueSlug(tx, draft.title || "proposal"),
            status: "DRAFT",
            createdBy: { connect: { id: actor.id } },
            leads: { create: { userId: actor.id, role: "LEAD" } },
            ...(callColumn.callId ? { call: { connect: { id: callColumn.callId } } } : {}),
          },
          select: { id: true, version: true },
        });
        id = created.id;
        version = created.version;
      } else {
        // A version that is not one the page could have shown (not a whole number) is a stale page.
        if (input.expectedVersion !== undefined && !isVersion(input.expectedVersion)) throw new DomainError(EDIT_CONFLICT_MESSAGE);
        const previous = await tx.project.findUniqueOrThrow({ where: { id: projectId }, select: CONTENT_SELECT });
        before = { ...contentOf(previous) };
        const { count } = await tx.project.updateMany({
          where: { id: projectId, version: input.expectedVersion ?? -1, status: { in: [...EDITABLE_STATUSES] } },
          data: { ...columns, ...callColumn, version: { increment: 1 } },
        });
        if (count === 0) throw new DomainError(EDIT_CONFLICT_MESSAGE);
        id = projectId;
        version = (input.expectedVersion ?? 0) + 1;
        if (removeCoLeadIds.length > 0) {
          await tx.projectLead.deleteMany({ where: { projectId, userId: { in: removeCoLeadIds }, role: "CO_LEAD" } });
        }
        if (input.keepInvitationIds) await withdrawCoLeadInvitations(tx, actor, projectId, input.keepInvitationIds, now);
      }
      const after = await tx.project.findUniqueOrThrow({ where: { id }, select: CONTENT_SELECT });
      if (invite) {
        // Nobody becomes a co-lead without saying yes: they are invited, and lead once they accept.
        const inviter = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { id: true, name: true } });
        await offerPlace(tx, { kind: "CO_LEAD", project: { id, title: after.title }, site: null, ...invite, inviter }, now);
      }
      await audit(tx, {
        actorId: actor.id,
        action: projectId === null ? "project.proposed" : "project.draftSaved",
        entityType: "Project",
        entityId: id,
        ...(before ? { before } : {}),
        after: { ...contentOf(after) },
      });
      const coLeads = await tx.projectLead.findMany({
        where: { projectId: id, role: "CO_LEAD" },
        select: { userId: true, user: { select: { name: true } } },
        orderBy: { addedAt: "asc" },
      });
      return {
        id,
        version,
        fieldErrors,
        coLeads: coLeads.map((lead) => ({ id: lead.userId, name: lead.user.name })),
        invitedCoLeads: await invitedCoLeadsOf(tx, id, now),
        ...(invite ? { invited: invite.label } : {}),
        ...(coLeadChoices ? { coLeadChoices } : {}),
      };
    });
  } catch (error) {
    return slugClash(error);
  }
}

export interface ProposalSummary {
  id: string;
  title: string;
  status: ProjectStatus;
  role: ProjectLeadRole;
  updatedAt: Date;
}

/** The proposals and projects the actor leads or co-leads. One statement. */
export async function listMyProposals(actor: AuthzActor): Promise<ProposalSummary[]> {
  const rows = await db.projectLead.findMany({
    where: { userId: actor.id },
    select: { role: true, project: { select: { id: true, title: true, status: true, updatedAt: true } } },
    orderBy: { project: { updatedAt: "desc" } },
    take: 100,
  });
  return rows.map((row) => ({ ...row.project, role: row.role }));
}

export interface CommitteeFeedback {
  round: number;
  comment: string;
  recommendation: Recommendation;
  importance: number;
  feasibility: number;
  clarity: number;
}

export interface LeadProposalView {
  id: string;
  slug: string;
  status: ProjectStatus;
  version: number;
  content: ProposalContent;
  coLeads: { id: string; name: string }[];
  /** Invited as co-leads, not yet answered: they are not co-leads until they accept. */
  invitedCoLeads: InvitedCoLead[];
  myRole: ProjectLeadRole;
  editable: boolean;
  moves: LifecycleAction[];
  latestDecision: { decision: Recommendation; message: string; decidedAt: Date } | null;
  /** The reviews of the round the latest decision was about (reviewers are not named to the leads). */
  feedback: CommitteeFeedback[];
  versions: number;
  /** Typed at the last save but not storable as typed; shown again in the form with why. */
  unsavedFields: UnsavedFields;
  /** The call for proposals it is in, if any. */
  call: { id: string; title: string; closesOn: Date } | null;
}

/**
 * A proposal as its leads manage it. Anyone else, committee included, gets
 * "not found": the committee reads submitted proposals on the review pages.
 */
export async function getProposalForLead(actor: AuthzActor, projectId: string, now: Date = new Date()): Promise<LeadProposalView> {
  assertProjectId(projectId);
  const project = await db.project.findFirst({
    where: { id: projectId, leads: { some: { userId: actor.id } } },
    select: {
      ...CONTENT_SELECT,
      id: true,
      slug: true,
      status: true,
      version: true,
      leads: { select: { userId: true, role: true, user: { select: { name: true } } }, orderBy: { addedAt: "asc" } },
      decisions: { orderBy: { decidedAt: "desc" }, take: 1, select: { decision: true, message: true, decidedAt: true } },
      // The last review round: an approved amendment's version (kind AMENDMENT) is not one.
      versions: { where: { kind: "PROPOSAL" }, orderBy: { number: "desc" }, select: { number: true, submittedAt: true } },
      invitations: {
        where: { kind: "CO_LEAD", status: "PENDING", expiresAt: { gt: now } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, email: true, label: true },
      },
      unsavedFields: true,
      call: { select: { id: true, title: true, closesOn: true } },
    },
  });
  if (!project) throw new NotFoundError("That proposal");
  assertCan(actor, "project.viewDraft", { projectLeadIds: project.leads.map((lead) => lead.userId) });
  const round = project.versions[0]?.number ?? 0;
  // The round the latest decision was about: the last version submitted before it. A version
  // submitted since (awaiting review, or withdrawn before a decision) has reviews the leads never
  // see as they come in: they reach the leads with its decision (docs/decisions/031).
  const latestDecision = project.decisions[0];
  const decidedRound = latestDecision ? (project.versions.find((version) => version.submittedAt <= latestDecision.decidedAt)?.number ?? 0) : 0;
  const feedback =
    project.decisions.length > 0 && decidedRound > 0
      ? await db.review.findMany({
          where: { projectId, round: decidedRound },
          orderBy: { createdAt: "asc" },
          select: { round: true, comment: true, recommendation: true, importance: true, feasibility: true, clarity: true },
        })
      : [];
  const coLeads = project.leads.filter((lead) => lead.role === "CO_LEAD");
  return {
    id: project.id,
    slug: project.slug,
    status: project.status,
    version: project.version,
    content: contentOf({ ...project, leads: coLeads }),
    coLeads: coLeads.map((lead) => ({ id: lead.userId, name: lead.user.name })),
    invitedCoLeads: project.invitations.map((row) => ({ id: row.id, label: row.label ?? row.email })),
    myRole: project.leads.find((lead) => lead.userId === actor.id)!.role,
    editable: EDITABLE_STATUSES.includes(project.status),
    moves: leadMovesFrom(project.status),
    latestDecision: project.decisions[0] ?? null,
    feedback,
    versions: round,
    unsavedFields: unsavedFieldsSchema.catch({}).parse(project.unsavedFields ?? {}),
    call: project.call,
  };
}
