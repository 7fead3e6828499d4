import "server-only";
// The governance checklist (docs/decisions/034). The project's governance route decides what a
// site must record before it collects data: for a clinical audit or service evaluation, its local
// audit registration and its Caldicott approval; for research under HRA/REC, its confirmation of
// capacity and capability, with the IRAS number and REC reference recorded once for the project.
// The site lead records each item (a reference and a date: never a document), the project lead
// checks it or sends it back with a reason, and a site starts collecting only once every item is
// checked. Checking the last item is the project lead's approval of the site.
import { assertCan, can, type AuthzActor } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { db, type Database, type DatabaseTransaction } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { formatDate } from "@/lib/format/dates";
import type { GovernanceItemKind, GovernanceItemState, GovernanceRoute } from "@/lib/generated/prisma/enums";
import { assertUuid } from "@/lib/ids";
import { notify } from "@/lib/notifications/notifications";
import type { CheckSiteItemInput, RecordProjectItemInput, RecordSiteItemInput, SendBackSiteItemInput } from "@/lib/validation/governance";
import { authzFacts, loadProjectSite, SITE_OPEN_STATUSES, sitePath, type ProjectSiteFacts } from "./facts";
import { applySiteMove } from "./status";

export interface ItemText {
  label: string;
  /** The label within a sentence ("the site's local audit registration"). */
  phrase: string;
  /** What the reference is and where it comes from. */
  hint: string;
  /** What the date is the date of. */
  dateLegend: string;
}

/** The words of every item, in one table. */
export const GOVERNANCE_ITEMS: Record<GovernanceItemKind, ItemText> = {
  LOCAL_AUDIT_REGISTRATION: {
    label: "Local audit registration",
    phrase: "local audit registration",
    hint: "The number your clinical audit department gave the project at this hospital, such as AUD-2026-0042.",
    dateLegend: "Date of registration",
  },
  CALDICOTT_APPROVAL: {
    label: "Caldicott approval",
    phrase: "Caldicott approval",
    hint: "The reference of your Caldicott Guardian's approval to use patient information for this project, or who gave it if there is no reference.",
    dateLegend: "Date of approval",
  },
  CAPACITY_AND_CAPABILITY: {
    label: "Confirmation of capacity and capability",
    phrase: "confirmation of capacity and capability",
    hint: "The reference your research and development office gave when it confirmed the hospital can take part in this study.",
    dateLegend: "Date of confirmation",
  },
  IRAS_NUMBER: {
    label: "IRAS number",
    phrase: "IRAS number",
    hint: "The project's IRAS ID: 6 or 7 digits, such as 1234567.",
    dateLegend: "Date of HRA approval",
  },
  REC_REFERENCE: {
    label: "REC reference",
    phrase: "REC reference",
    hint: "The research ethics committee's reference, such as 23/LO/1234.",
    dateLegend: "Date of the favourable opinion",
  },
};

/** Which items each route asks of every site and of the project itself. */
export const GOVERNANCE_ROUTES: Record<GovernanceRoute, { label: string; site: readonly GovernanceItemKind[]; project: readonly GovernanceItemKind[] }> = {
  LOCAL_REGISTRATION: {
    label: "Clinical audit or service evaluation, registered locally",
    site: ["LOCAL_AUDIT_REGISTRATION", "CALDICOTT_APPROVAL"],
    project: [],
  },
  RESEARCH_ETHICS: {
    label: "Research under HRA and REC approval",
    site: ["CAPACITY_AND_CAPABILITY"],
    project: ["IRAS_NUMBER", "REC_REFERENCE"],
  },
};

/** A project without a route (proposals before the field existed) is registered locally, as the migration read it. */
export const routeOf = (route: GovernanceRoute | null | undefined): GovernanceRoute => route ?? "LOCAL_REGISTRATION";

export type ItemState = "MISSING" | GovernanceItemState;

export interface ChecklistItem extends ItemText {
  kind: GovernanceItemKind;
  state: ItemState;
  reference: string | null;
  date: Date | null;
  recordedBy: string | null;
  recordedAt: Date | null;
  /** Who checked it or sent it back, and when. */
  checkedBy: string | null;
  checkedAt: Date | null;
  sentBackReason: string | null;
}

export interface StoredItem {
  kind: GovernanceItemKind;
  reference: string;
  date: Date;
  recordedAt: Date;
  state?: GovernanceItemState;
  checkedAt?: Date | null;
  sentBackReason?: string | null;
  recordedBy?: { name: string } | null;
  checkedBy?: { name: string } | null;
}

function itemOf(kind: GovernanceItemKind, stored: StoredItem | undefined, project: boolean): ChecklistItem {
  return {
    kind,
    ...GOVERNANCE_ITEMS[kind],
    // The project's own items are recorded by its leads, who need no one to check them.
    state: stored ? (project ? "CHECKED" : (stored.state ?? "RECORDED")) : "MISSING",
    reference: stored?.reference ?? null,
    date: stored?.date ?? null,
    recordedBy: stored?.recordedBy?.name ?? null,
    recordedAt: stored?.recordedAt ?? null,
    checkedBy: stored?.checkedBy?.name ?? null,
    checkedAt: stored?.checkedAt ?? null,
    sentBackReason: stored?.state === "SENT_BACK" ? (stored.sentBackReason ?? null) : null,
  };
}

/** The site's checklist for the route, in the route's order; items of another route (kept from before a change of route) are left out. */
export function siteChecklist(route: GovernanceRoute | null, stored: readonly StoredItem[]): ChecklistItem[] {
  return GOVERNANCE_ROUTES[routeOf(route)].site.map((kind) => itemOf(kind, stored.find((item) => item.kind === kind), false));
}

/** The project's own items for the route (none for a local registration). */
export function projectChecklist(route: GovernanceRoute | null, stored: readonly StoredItem[]): ChecklistItem[] {
  return GOVERNANCE_ROUTES[routeOf(route)].project.map((kind) => itemOf(kind, stored.find((item) => item.kind === kind), true));
}

/**
 * Why the site cannot start collecting yet, one sentence per reason; none when it may. The one
 * answer the site's page shows and the move to ACTIVE enforces.
 */
export function whyNotReady(siteItems: readonly ChecklistItem[], projectItems: readonly ChecklistItem[]): string[] {
  const reasons: string[] = [];
  for (const item of projectItems) {
    if (item.state === "MISSING") reasons.push(`The project's ${item.phrase} is not recorded yet: the project lead records it.`);
  }
  for (const item of siteItems) {
    if (item.state === "MISSING") reasons.push(`The site's ${item.phrase} is not recorded yet.`);
    else if (item.state === "RECORDED") reasons.push(`The site's ${item.phrase} is waiting for the project lead to check it.`);
    else if (item.state === "SENT_BACK") reasons.push(`The project lead sent back the site's ${item.phrase}: record it again.`);
  }
  return reasons;
}

const ITEM_SELECT = {
  kind: true,
  reference: true,
  date: true,
  recordedAt: true,
  state: true,
  checkedAt: true,
  sentBackReason: true,
  recordedBy: { select: { name: true } },
  checkedBy: { select: { name: true } },
} as const;

const PROJECT_ITEM_SELECT = { kind: true, reference: true, date: true, recordedAt: true, recordedBy: { select: { name: true } } } as const;

/** The route, the site's items and the project's, in one statement. */
async function loadChecklists(client: Database | DatabaseTransaction, projectSiteId: string) {
  const row = await client.projectSite.findUniqueOrThrow({
    where: { id: projectSiteId },
    select: {
      governanceItems: { select: ITEM_SELECT },
      project: { select: { governanceRoute: true, governanceItems: { select: PROJECT_ITEM_SELECT } } },
    },
  });
  const route = routeOf(row.project.governanceRoute);
  return { route, items: siteChecklist(route, row.governanceItems), projectItems: projectChecklist(route, row.project.governanceItems) };
}

/** Why the site cannot start collecting, read inside the transaction that would start it (lib/sites/status.ts). */
export async function siteNotReadyReasons(tx: DatabaseTransaction, projectSiteId: string): Promise<string[]> {
  const { items, projectItems } = await loadChecklists(tx, projectSiteId);
  return whyNotReady(items, projectItems);
}

/**
 * How many of the project's sites (withdrawn ones aside) have every item of the route checked, in
 * one statement; none while the project's own items are missing. The project's move to data
 * collection asks it (lib/projects/lifecycle.ts).
 */
export async function sitesReadyToCollect(tx: DatabaseTransaction, projectId: string): Promise<number> {
  const project = await tx.project.findUniqueOrThrow({
    where: { id: projectId },
    select: { governanceRoute: true, governanceItems: { select: { kind: true } } },
  });
  const route = GOVERNANCE_ROUTES[routeOf(project.governanceRoute)];
  if (route.project.some((kind) => !project.governanceItems.some((item) => item.kind === kind))) return 0;
  return tx.projectSite.count({
    where: {
      projectId,
      status: { not: "WITHDRAWN" },
      AND: route.site.map((kind) => ({ governanceItems: { some: { kind, state: "CHECKED" as const } } })),
    },
  });
}

export interface SiteGovernance {
  route: GovernanceRoute;
  routeLabel: string;
  items: ChecklistItem[];
  projectItems: ChecklistItem[];
  /** Why the site cannot start collecting yet (empty: it can, as far as governance goes). */
  notReady: string[];
  canRecord: boolean;
  canCheck: boolean;
}

/** A site's checklist as its page shows it, for whoever may view the site. One statement. */
export async function getSiteGovernance(actor: AuthzActor | null, facts: ProjectSiteFacts): Promise<SiteGovernance> {
  const authz = authzFacts(facts);
  assertCan(actor, "site.view", authz);
  const { route, items, projectItems } = await loadChecklists(db, facts.id);
  const open = SITE_OPEN_STATUSES.includes(facts.project.status) && facts.status !== "COMPLETE" && facts.status !== "WITHDRAWN";
  return {
    route,
    routeLabel: GOVERNANCE_ROUTES[route].label,
    items,
    projectItems,
    notReady: whyNotReady(items, projectItems),
    canRecord: open && can(actor, "site.recordApprovals", authz),
    canCheck: open && can(actor, "site.checkGovernance", authz),
  };
}

function assertOpen(facts: ProjectSiteFacts) {
  if (facts.status === "COMPLETE" || facts.status === "WITHDRAWN") {
    throw new DomainError("This site has finished with the project, so its checklist can no longer be changed.");
  }
  if (!SITE_OPEN_STATUSES.includes(facts.project.status)) {
    throw new DomainError("The checklist can be changed while the project is open to sites or collecting data.");
  }
}

async function routeKinds(client: Database | DatabaseTransaction, projectId: string) {
  const { governanceRoute } = await client.project.findUniqueOrThrow({ where: { id: projectId }, select: { governanceRoute: true } });
  return GOVERNANCE_ROUTES[routeOf(governanceRoute)];
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The site lead records one item of the site's checklist. Recording it again, after it was checked
 * or sent back, puts it back to RECORDED: the project lead checks it again. A site that was only
 * registered moves on to "approvals in progress" in the same transaction.
 */
export async function recordSiteItem(actor: AuthzActor | null, input: RecordSiteItemInput): Promise<{ label: string; path: string }> {
  const facts = await loadProjectSite(input.projectSiteId);
  // Not the project lead for an absent site lead: the lead checks the items, so does not record them (docs/decisions/034).
  assertCan(actor, "site.recordApprovals", authzFacts(facts));
  assertOpen(facts);
  const route = await routeKinds(db, facts.project.id);
  if (!route.site.includes(input.kind)) throw new DomainError("That item is not on this site's checklist.", "kind");
  const text = GOVERNANCE_ITEMS[input.kind];
  await db.$transaction(async (tx) => {
    const before = await tx.siteGovernanceItem.findUnique({
      where: { projectSiteId_kind: { projectSiteId: facts.id, kind: input.kind } },
      select: { reference: true, date: true, state: true },
    });
    const data = { reference: input.reference, date: input.date, recordedById: actor.id, recordedAt: new Date(), state: "RECORDED" as const, checkedById: null, checkedAt: null, sentBackReason: null };
    await tx.siteGovernanceItem.upsert({
      where: { projectSiteId_kind: { projectSiteId: facts.id, kind: input.kind } },
      create: { projectSiteId: facts.id, kind: input.kind, ...data },
      update: data,
    });
    await audit(tx, {
      actorId: actor.id,
      action: "site.governanceRecorded",
      entityType: "ProjectSite",
      entityId: facts.id,
      before: before ? { kind: input.kind, reference: before.reference, date: isoDay(before.date), state: before.state } : { kind: input.kind },
      after: { kind: input.kind, reference: input.reference, date: isoDay(input.date), state: "RECORDED" },
    });
    if (facts.status === "REGISTERED") await applySiteMove(tx, actor.id, facts, "startApprovals");
    await notify(tx, facts.projectLeadIds, {
      kind: "site.approvalsRecorded",
      projectId: facts.project.id,
      message: `${facts.site.name} recorded its ${text.phrase} for “${facts.project.title}” and is waiting for you to check it.`,
      link: sitePath(facts),
    });
  });
  return { label: text.label, path: sitePath(facts) };
}

/**
 * Once every item of the site is checked: the first time, that is the project lead's approval of
 * the site (leadApprovedAt); every time, the site's leads are told.
 */
async function afterCheck(tx: DatabaseTransaction, actorId: string, facts: ProjectSiteFacts, kinds: readonly GovernanceItemKind[]): Promise<boolean> {
  const checked = await tx.siteGovernanceItem.count({ where: { projectSiteId: facts.id, kind: { in: [...kinds] }, state: "CHECKED" } });
  if (checked < kinds.length) return false;
  const approvedAt = new Date();
  const { count } = await tx.projectSite.updateMany({
    where: { id: facts.id, leadApprovedAt: null },
    data: { leadApprovedAt: approvedAt, leadApprovedById: actorId },
  });
  if (count > 0) {
    await audit(tx, {
      actorId,
      action: "site.approved",
      entityType: "ProjectSite",
      entityId: facts.id,
      before: { leadApprovedAt: null },
      after: { leadApprovedAt: approvedAt.toISOString(), leadApprovedById: actorId },
    });
  }
  await notify(tx, facts.siteLeadIds, {
    kind: "site.approved",
    projectId: facts.project.id,
    message: `The project lead checked every item of the governance checklist of ${facts.site.name} for “${facts.project.title}”.`,
    link: sitePath(facts),
  });
  return true;
}

async function loadForLead(actor: AuthzActor | null, projectSiteId: string) {
  const facts = await loadProjectSite(projectSiteId);
  assertCan(actor, "site.checkGovernance", authzFacts(facts));
  assertOpen(facts);
  return { facts, actor: actor! };
}

const SELF_CHECK = "You recorded this item yourself as the site's lead: another lead of the project checks it.";

/**
 * Whether a project lead who is also this site's lead would check what they recorded themselves.
 * Another lead of the project checks it; a project with one lead has nobody else, so its lead may
 * (the audit log shows who recorded and who checked).
 */
function checksOwnRecord(leadId: string, recordedByIds: readonly (string | null)[], facts: Pick<ProjectSiteFacts, "projectLeadIds">): boolean {
  return facts.projectLeadIds.length > 1 && recordedByIds.includes(leadId);
}

/** The project lead checks one recorded item. Checking an item already checked changes nothing and says so. */
export async function checkSiteItem(
  actor: AuthzActor | null,
  input: CheckSiteItemInput,
): Promise<{ label: string; alreadyChecked: boolean; complete: boolean; path: string }> {
  const { facts, actor: lead } = await loadForLead(actor, input.projectSiteId);
  const route = await routeKinds(db, facts.project.id);
  if (!route.site.includes(input.kind)) throw new NotFoundError("That item");
  const { label, phrase } = GOVERNANCE_ITEMS[input.kind];
  return db.$transaction(async (tx) => {
    const item = await tx.siteGovernanceItem.findUnique({
      where: { projectSiteId_kind: { projectSiteId: facts.id, kind: input.kind } },
      select: { state: true, reference: true, recordedAt: true, recordedById: true },
    });
    if (!item) throw new DomainError(`The site has not recorded its ${phrase} yet, so there is nothing to check.`);
    if (item.state === "RECORDED" && checksOwnRecord(lead.id, [item.recordedById], facts)) throw new DomainError(SELF_CHECK);
    if (input.recordedAt && item.recordedAt.getTime() !== new Date(input.recordedAt).getTime()) {
      throw new DomainError(`The site recorded its ${phrase} again while you were looking at it. Reload the page to read what it recorded, then check it.`);
    }
    if (item.state === "CHECKED") return { label, alreadyChecked: true, complete: false, path: sitePath(facts) };
    if (item.state === "SENT_BACK") throw new DomainError(`You sent the ${phrase} back: the site records it again before you check it.`);
    const checkedAt = new Date();
    const { count } = await tx.siteGovernanceItem.updateMany({
      where: { projectSiteId: facts.id, kind: input.kind, state: "RECORDED", recordedAt: item.recordedAt },
      data: { state: "CHECKED", checkedById: lead.id, checkedAt, sentBackReason: null },
    });
    if (count === 0) throw new DomainError("Someone else changed this item while you were looking at it. Reload the page and try again.");
    await audit(tx, {
      actorId: lead.id,
      action: "site.governanceChecked",
      entityType: "ProjectSite",
      entityId: facts.id,
      before: { kind: input.kind, state: "RECORDED" },
      after: { kind: input.kind, state: "CHECKED", reference: item.reference },
    });
    const complete = await afterCheck(tx, lead.id, facts, route.site);
    return { label, alreadyChecked: false, complete, path: sitePath(facts) };
  });
}

/** The project lead sends a recorded (or checked) item back with a reason; the site's leads are told why. */
export async function sendBackSiteItem(actor: AuthzActor | null, input: SendBackSiteItemInput): Promise<{ label: string; path: string }> {
  const { facts, actor: lead } = await loadForLead(actor, input.projectSiteId);
  const route = await routeKinds(db, facts.project.id);
  if (!route.site.includes(input.kind)) throw new NotFoundError("That item");
  const { label, phrase } = GOVERNANCE_ITEMS[input.kind];
  await db.$transaction(async (tx) => {
    const item = await tx.siteGovernanceItem.findUnique({
      where: { projectSiteId_kind: { projectSiteId: facts.id, kind: input.kind } },
      select: { state: true },
    });
    if (!item) throw new DomainError(`The site has not recorded its ${phrase} yet, so there is nothing to send back.`);
    if (item.state === "SENT_BACK") throw new DomainError(`The ${phrase} has already been sent back; the site has not recorded it again yet.`);
    const { count } = await tx.siteGovernanceItem.updateMany({
      where: { projectSiteId: facts.id, kind: input.kind, state: item.state },
      data: { state: "SENT_BACK", checkedById: lead.id, checkedAt: new Date(), sentBackReason: input.reason },
    });
    if (count === 0) throw new DomainError("Someone else changed this item while you were looking at it. Reload the page and try again.");
    await audit(tx, {
      actorId: lead.id,
      action: "site.governanceSentBack",
      entityType: "ProjectSite",
      entityId: facts.id,
      before: { kind: input.kind, state: item.state },
      after: { kind: input.kind, state: "SENT_BACK", reason: input.reason },
    });
    await notify(tx, facts.siteLeadIds, {
      kind: "site.governanceSentBack",
      projectId: facts.project.id,
      message: `The project lead sent back the ${phrase} of ${facts.site.name} for “${facts.project.title}”: ${input.reason}`,
      link: sitePath(facts),
    });
  });
  return { label, path: sitePath(facts) };
}

/**
 * The project lead checks every item a site has recorded, from the list of sites waiting: what
 * "approve the site" became. Refuses while an item is missing or sent back, saying which.
 */
export async function checkAllSiteItems(actor: AuthzActor | null, projectSiteId: string): Promise<{ hospital: string; path: string; checked: number; complete: boolean }> {
  const { facts, actor: lead } = await loadForLead(actor, projectSiteId);
  return db.$transaction(async (tx) => {
    const { items } = await loadChecklists(tx, facts.id);
    const open = items.filter((item) => item.state === "MISSING" || item.state === "SENT_BACK");
    if (open.length > 0) {
      throw new DomainError(
        `${facts.site.name} cannot be approved yet: ${open.map((item) => `its ${item.phrase} is ${item.state === "MISSING" ? "not recorded" : "sent back"}`).join(", and ")}.`,
      );
    }
    const waiting = items.filter((item) => item.state === "RECORDED").map((item) => item.kind);
    if (waiting.length === 0) return { hospital: facts.site.name, path: sitePath(facts), checked: 0, complete: true };
    const recorders = await tx.siteGovernanceItem.findMany({ where: { projectSiteId: facts.id, kind: { in: waiting } }, select: { recordedById: true } });
    if (checksOwnRecord(lead.id, recorders.map((row) => row.recordedById), facts)) throw new DomainError(SELF_CHECK);
    const { count } = await tx.siteGovernanceItem.updateMany({
      where: { projectSiteId: facts.id, kind: { in: waiting }, state: "RECORDED" },
      data: { state: "CHECKED", checkedById: lead.id, checkedAt: new Date(), sentBackReason: null },
    });
    // Another lead (or another tab) checked them a moment ago: that is the outcome asked for.
    if (count === 0) return { hospital: facts.site.name, path: sitePath(facts), checked: 0, complete: true };
    if (count !== waiting.length) throw new DomainError("Someone else changed this site's checklist while you were looking at it. Reload the page and try again.");
    for (const kind of waiting) {
      await audit(tx, {
        actorId: lead.id,
        action: "site.governanceChecked",
        entityType: "ProjectSite",
        entityId: facts.id,
        before: { kind, state: "RECORDED" },
        after: { kind, state: "CHECKED" },
      });
    }
    const complete = await afterCheck(tx, lead.id, facts, items.map((item) => item.kind));
    return { hospital: facts.site.name, path: sitePath(facts), checked: waiting.length, complete };
  });
}

export interface ProjectGovernance {
  project: { id: string; slug: string; title: string };
  route: GovernanceRoute;
  routeLabel: string;
  items: ChecklistItem[];
  canRecord: boolean;
}

/** Projects whose own items may be recorded: from approval until data collection ends. */
const PROJECT_ITEMS_OPEN = ["APPROVED", "SITE_SETUP", "DATA_COLLECTION"] as const;

async function loadProjectForGovernance(projectId: string) {
  assertUuid(projectId, "That project");
  const row = await db.project.findUnique({
    where: { id: projectId },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      governanceRoute: true,
      leads: { select: { userId: true } },
      governanceItems: { select: PROJECT_ITEM_SELECT },
    },
  });
  if (!row) throw new NotFoundError("That project");
  return row;
}

/** The project's own items, for its leads' pages; null when the route has none. One statement. */
export async function getProjectGovernance(actor: AuthzActor | null, projectId: string): Promise<ProjectGovernance | null> {
  const row = await loadProjectForGovernance(projectId);
  const projectLeadIds = row.leads.map((lead) => lead.userId);
  assertCan(actor, "project.viewNational", { projectLeadIds });
  const route = routeOf(row.governanceRoute);
  if (GOVERNANCE_ROUTES[route].project.length === 0) return null;
  return {
    project: { id: row.id, slug: row.slug, title: row.title },
    route,
    routeLabel: GOVERNANCE_ROUTES[route].label,
    items: projectChecklist(route, row.governanceItems),
    canRecord: can(actor, "project.recordGovernance", { projectLeadIds }) && (PROJECT_ITEMS_OPEN as readonly string[]).includes(row.status),
  };
}

/** A lead of the project records its IRAS number or REC reference; recording it again replaces it. */
export async function recordProjectItem(actor: AuthzActor | null, input: RecordProjectItemInput): Promise<{ label: string; slug: string }> {
  const row = await loadProjectForGovernance(input.projectId);
  assertCan(actor, "project.recordGovernance", { projectLeadIds: row.leads.map((lead) => lead.userId) });
  if (!(PROJECT_ITEMS_OPEN as readonly string[]).includes(row.status)) {
    throw new DomainError("The project's approvals can be recorded from its approval until data collection ends.");
  }
  if (!GOVERNANCE_ROUTES[routeOf(row.governanceRoute)].project.includes(input.kind)) {
    throw new DomainError("That item is not asked of this project: its governance route does not need it.", "kind");
  }
  const { label } = GOVERNANCE_ITEMS[input.kind];
  const before = row.governanceItems.find((item) => item.kind === input.kind);
  await db.$transaction(async (tx) => {
    const data = { reference: input.reference, date: input.date, recordedById: actor.id, recordedAt: new Date() };
    await tx.projectGovernanceItem.upsert({
      where: { projectId_kind: { projectId: row.id, kind: input.kind } },
      create: { projectId: row.id, kind: input.kind, ...data },
      update: data,
    });
    await audit(tx, {
      actorId: actor.id,
      action: "project.governanceRecorded",
      entityType: "Project",
      entityId: row.id,
      before: before ? { kind: input.kind, reference: before.reference, date: isoDay(before.date) } : { kind: input.kind },
      after: { kind: input.kind, reference: input.reference, date: isoDay(input.date) },
    });
  });
  return { label, slug: row.slug };
}

/** How a date and a person read on the checklist: "recorded by Ann Bell on 3 March 2026". */
export function byWhomAndWhen(name: string | null, at: Date | null): string {
  return `${name ? `by ${name} ` : ""}on ${formatDate(at)}`;
}
