import "server-only";
// The one place that knows how a project site moves through its statuses:
// REGISTERED → APPROVALS_PENDING → ACTIVE → COMPLETE, or WITHDRAWN on the way.
// Every move re-checks the status inside its transaction with a conditional
// update, as the project lifecycle does (docs/decisions/003), so two presses
// at the same moment cannot both move the site.
import { assertCan, type AuthzActor } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { db, type DatabaseTransaction } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { ProjectSiteStatus, type ProjectStatus } from "@/lib/generated/prisma/enums";
import { SITE_STATUS_LABELS, type SiteMoveName } from "@/lib/validation/sites";
import { authzFacts, loadProjectSite, sitePath, type ProjectSiteFacts } from "./facts";
import { siteNotReadyReasons } from "./governance";

const { REGISTERED, APPROVALS_PENDING, ACTIVE, COMPLETE, WITHDRAWN } = ProjectSiteStatus;

export interface SiteTransition {
  action: SiteMoveName;
  from: readonly ProjectSiteStatus[];
  to: ProjectSiteStatus;
  /** The project statuses in which the move may be made. */
  projectStatuses: readonly ProjectStatus[];
  /** The rule beyond the statuses, in words; checked by `guard`. */
  guard?: string;
}

export const SITE_LIFECYCLE: readonly SiteTransition[] = [
  { action: "startApprovals", from: [REGISTERED], to: APPROVALS_PENDING, projectStatuses: ["SITE_SETUP", "DATA_COLLECTION"] },
  {
    action: "activate",
    from: [APPROVALS_PENDING],
    to: ACTIVE,
    projectStatuses: ["SITE_SETUP", "DATA_COLLECTION"],
    guard: "every item of the governance checklist is recorded and checked by the project lead (and, for research, the project's own items are recorded)",
  },
  { action: "complete", from: [ACTIVE], to: COMPLETE, projectStatuses: ["DATA_COLLECTION", "ANALYSIS"] },
  { action: "withdraw", from: [REGISTERED, APPROVALS_PENDING, ACTIVE], to: WITHDRAWN, projectStatuses: ["SITE_SETUP", "DATA_COLLECTION"] },
];

export const SITE_MOVE_LABELS: Record<SiteMoveName, string> = {
  startApprovals: "Start local approvals",
  activate: "Start collecting data at this site",
  complete: "Mark data collection at this site as complete",
  withdraw: "Withdraw the site",
};

export function siteTransition(action: SiteMoveName): SiteTransition {
  return SITE_LIFECYCLE.find((transition) => transition.action === action)!;
}

/** The moves open to a site in its status and its project's (guards aside), in the order of the lifecycle. */
export function siteMovesFrom(status: ProjectSiteStatus, projectStatus: ProjectStatus): SiteMoveName[] {
  return SITE_LIFECYCLE.filter((transition) => transition.from.includes(status) && transition.projectStatuses.includes(projectStatus)).map(
    (transition) => transition.action,
  );
}

/** Why a move's guard refuses it now, or null: for "activate", the governance checklist's one answer (./governance.ts). */
async function guardRefusal(tx: DatabaseTransaction, action: SiteMoveName, projectSiteId: string): Promise<string | null> {
  if (action !== "activate") return null;
  const reasons = await siteNotReadyReasons(tx, projectSiteId);
  return reasons.length > 0 ? `Data collection cannot start here yet. ${reasons.join(" ")}` : null;
}

/**
 * Makes one move inside a transaction that has already been authorised: by
 * the table, by the guard on the row as it is now, and by a conditional update.
 */
export async function applySiteMove(
  tx: DatabaseTransaction,
  actorId: string,
  facts: Pick<ProjectSiteFacts, "id" | "status" | "project">,
  action: SiteMoveName,
): Promise<{ from: ProjectSiteStatus; to: ProjectSiteStatus }> {
  const transition = siteTransition(action);
  if (!transition.from.includes(facts.status)) {
    throw new DomainError(`You cannot ${SITE_MOVE_LABELS[action].toLowerCase()} while the site is ${SITE_STATUS_LABELS[facts.status].toLowerCase()}.`);
  }
  if (!transition.projectStatuses.includes(facts.project.status)) {
    throw new DomainError(`You cannot ${SITE_MOVE_LABELS[action].toLowerCase()} at this stage of the project.`);
  }
  const reason = await guardRefusal(tx, action, facts.id);
  if (reason) throw new DomainError(reason);
  const { count } = await tx.projectSite.updateMany({ where: { id: facts.id, status: facts.status }, data: { status: transition.to } });
  if (count === 0) throw new DomainError("Someone else changed this site while you were looking at it. Reload the page to see where it stands now.");
  await audit(tx, {
    actorId,
    action: `site.${action}`,
    entityType: "ProjectSite",
    entityId: facts.id,
    before: { status: facts.status },
    after: { status: transition.to },
  });
  return { from: facts.status, to: transition.to };
}

/** A site lead moves their own site on, or refuses with nothing changed. */
export async function moveSite(actor: AuthzActor | null, projectSiteId: string, action: SiteMoveName) {
  const facts = await loadProjectSite(projectSiteId);
  assertCan(actor, "site.changeStatus", authzFacts(facts));
  const moved = await db.$transaction((tx) => applySiteMove(tx, actor.id, facts, action));
  return { ...moved, path: sitePath(facts) };
}
