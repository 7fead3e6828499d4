// Who may do what: one table, pure functions over (actor, facts about the
// resource). Domain functions in lib/<domain> load the facts, then call
// assertCan before they read or change anything. Tested as a table in
// lib/authz.test.ts, and row by row through the domain functions.
import type { GlobalRole } from "@/lib/generated/prisma/enums";

export interface AuthzActor {
  id: string;
  role: GlobalRole;
  /** When they confirmed their e-mail address; null or absent: not confirmed. */
  emailVerified?: Date | null;
  /** With role COMMITTEE: whether they chair the committee. */
  chair?: boolean;
}

/** What the domain function knows about the resource, loaded from the database. */
export interface ResourceFacts {
  /** The person the resource belongs to (a profile, a collaboration). */
  ownerId?: string;
  /** Leads and co-leads of the project concerned. */
  projectLeadIds?: readonly string[];
  /** Confirmed site leads of the project site concerned. */
  siteLeadIds?: readonly string[];
  /** Observers of the project site concerned (its supervising consultant), who accepted an invitation to see it. */
  observerIds?: readonly string[];
  /** Committee members who declared a conflict of interest in the proposal concerned. */
  conflictedIds?: readonly string[];
}

/**
 * A grant: a global role, or a relation to the resource.
 * "member" is anyone signed in; "verified" a member who has confirmed their e-mail address
 * (what anyone may do that reaches other people: propose, register a hospital, ask to join); "self" the owner; "projectLead" / "siteLead"
 * a lead of the project / project site in the facts; "siteObserver" an observer of the project site; "chair" a committee member
 * who chairs the committee; "conflicted" a committee member who declared a conflict of interest in the proposal.
 */
export type Grant = GlobalRole | "member" | "verified" | "self" | "projectLead" | "siteLead" | "siteObserver" | "chair" | "conflicted";

interface Rule {
  allow: readonly Grant[];
  /** Relations that refuse even when a grant allows (e.g. no review of one's own proposal). */
  deny?: readonly Grant[];
  /** Grants that must hold as well as one of `allow` (e.g. the invitee, and with a confirmed address). */
  require?: readonly Grant[];
}

export const PERMISSIONS = {
  // Own account
  "profile.view": { allow: ["self"] },
  "profile.update": { allow: ["self"] },
  // Where one is signed in: seen and ended by its owner alone (not even an administrator).
  "account.sessions": { allow: ["self"] },
  // What one is e-mailed about (lib/notifications/preferences): one's own choices only.
  "notifications.preferences": { allow: ["self"] },
  // Proposals and the lifecycle
  "project.propose": { allow: ["verified"] },
  "project.viewDraft": { allow: ["projectLead", "COMMITTEE", "ADMIN"] },
  // A submitted proposal as the committee reads it, with every review (lib/reviews): the
  // committee and admins, its own leads among them (who are told they cannot review it).
  // A lead outside the committee follows their proposal on its own page instead.
  "project.readReviews": { allow: ["COMMITTEE", "ADMIN"] },
  "project.edit": { allow: ["projectLead"] },
  "project.transition": { allow: ["projectLead"] },
  // A declared conflict of interest takes the member off the proposal for good (lib/reviews/conflicts).
  "project.review": { allow: ["COMMITTEE", "ADMIN"], deny: ["projectLead", "conflicted"] },
  "project.decide": { allow: ["COMMITTEE", "ADMIN"], deny: ["projectLead", "conflicted"] },
  "proposal.declareConflict": { allow: ["COMMITTEE", "ADMIN"], deny: ["projectLead"] },
  // The chair (or an administrator) asks members to review by a date, and runs calls for proposals.
  "review.assign": { allow: ["chair", "ADMIN"], deny: ["projectLead", "conflicted"] },
  "call.manage": { allow: ["chair", "ADMIN"] },
  // Amendments after approval: proposed by the project's leads, decided by one committee member
  // or the chair under the same rules as a proposal's decision.
  "amendment.propose": { allow: ["projectLead"] },
  "amendment.decide": { allow: ["COMMITTEE", "ADMIN"], deny: ["projectLead", "conflicted"] },
  // The study's documents: uploaded by its leads; read by its leads, the committee (what it
  // reviews), and the site leads once approved (lib/documents decides which facts apply).
  "document.upload": { allow: ["projectLead"] },
  "document.download": { allow: ["projectLead", "siteLead", "COMMITTEE", "ADMIN"] },
  // Running the study
  "project.viewNational": { allow: ["projectLead", "COMMITTEE", "ADMIN"] },
  "project.export": { allow: ["projectLead", "ADMIN"] },
  "project.messageSites": { allow: ["projectLead"] },
  // The study's own rules (team cap, minimum cases to be citable). Like approving sites and
  // messaging them, a change to how the study runs is its leads' alone; an admin may read
  // the exports but does not run someone else's study.
  "project.changeSettings": { allow: ["projectLead"] },
  // Data-collection periods, with a team per period at each site.
  "project.managePeriods": { allow: ["projectLead"] },
  // The governance route's checklist: the project's own items (IRAS number, REC reference) by its
  // leads; each site's items by its site lead (site.recordApprovals), checked or sent back by the leads.
  "project.recordGovernance": { allow: ["projectLead"] },
  "site.checkGovernance": { allow: ["projectLead"] },
  "site.register": { allow: ["verified"] },
  "site.approve": { allow: ["projectLead"] },
  "site.recordApprovals": { allow: ["siteLead"] },
  "site.changeStatus": { allow: ["siteLead"] },
  "site.recordProgress": { allow: ["siteLead"] },
  "site.manageTeam": { allow: ["siteLead"] },
  "site.view": { allow: ["siteLead", "siteObserver", "projectLead", "COMMITTEE", "ADMIN"] },
  // Continuity (docs/decisions/026). A site lead hands the site to a confirmed member of its team;
  // the project's leads appoint or replace a site lead at any site (by an invitation the person
  // accepts: nobody is made a site lead unasked), and act for an absent site lead, recorded as such.
  "site.handOver": { allow: ["siteLead"] },
  "site.appointLead": { allow: ["projectLead"] },
  "site.actForSiteLead": { allow: ["projectLead"] },
  // The site's supervising consultant: named by the site lead or the project's leads, and invited
  // by them to observe the site.
  "site.editConsultant": { allow: ["siteLead", "projectLead"] },
  "invitation.inviteObserver": { allow: ["siteLead", "projectLead"] },
  // Taking part
  "collaboration.request": { allow: ["verified"] },
  "collaboration.leave": { allow: ["self"] },
  "collaboration.certificate": { allow: ["self"] },
  // Credit. A certificate of any role is its holder's alone to download.
  "certificate.issue": { allow: ["self"] },
  // The author list: the project's leads give credit roles, freeze a version for a publication, see
  // who answered and issue a corrected version; each person named answers for their own name.
  "authorList.manage": { allow: ["projectLead"] },
  "authorList.answer": { allow: ["self"] },
  // What the project produced (abstracts, papers): recorded by its leads, shown to everyone.
  "project.recordOutput": { allow: ["projectLead"] },
  // Invitations: a place offered is taken only by the person it was offered to. The facts'
  // owner is the inviter when withdrawing, the invitee when answering. Answering needs a
  // confirmed address: whoever answers must own the mailbox the invitation was sent to.
  "invitation.inviteToSite": { allow: ["siteLead"] },
  "invitation.inviteCoLead": { allow: ["projectLead"] },
  "invitation.withdraw": { allow: ["self", "siteLead", "projectLead"] },
  "invitation.respond": { allow: ["self"], require: ["verified"] },
  // Administration
  "audit.read": { allow: ["ADMIN"] },
  "reference.manage": { allow: ["ADMIN"] },
  "users.manageRoles": { allow: ["ADMIN"] },
  // What the portal has e-mailed, and sending a failed message again: support's view.
  "mail.manage": { allow: ["ADMIN"] },
  // How the installation is: failed e-mails, the job queue, the migration level, the last backup.
  "operations.view": { allow: ["ADMIN"] },
  // Sends a member a link to set a new password themselves: the administrator sees neither.
  "users.sendPasswordReset": { allow: ["ADMIN"] },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof PERMISSIONS;

export class ForbiddenError extends Error {
  constructor(action: Action) {
    super(`You do not have permission to do that (${action}).`);
    this.name = "ForbiddenError";
  }
}

/**
 * Refused only because the person has not confirmed their e-mail address yet: the page says so,
 * with the way to confirm it, rather than a bare refusal.
 */
export class EmailNotConfirmedError extends ForbiddenError {
  constructor(action: Action) {
    super(action);
    this.name = "EmailNotConfirmedError";
    this.message = "Confirm your e-mail address first: open the link in the e-mail we sent you. Your dashboard can send it again.";
  }
}

function holds(grant: Grant, actor: AuthzActor, facts: ResourceFacts): boolean {
  switch (grant) {
    case "member":
      return true;
    case "verified":
      return actor.emailVerified instanceof Date;
    case "self":
      return facts.ownerId !== undefined && facts.ownerId === actor.id;
    case "projectLead":
      return facts.projectLeadIds?.includes(actor.id) ?? false;
    case "siteLead":
      return facts.siteLeadIds?.includes(actor.id) ?? false;
    case "siteObserver":
      return facts.observerIds?.includes(actor.id) ?? false;
    case "chair":
      return actor.role === "COMMITTEE" && actor.chair === true;
    case "conflicted":
      return facts.conflictedIds?.includes(actor.id) ?? false;
    default:
      return actor.role === grant;
  }
}

export function can(actor: AuthzActor | null, action: Action, facts: ResourceFacts = {}): boolean {
  if (!actor) return false;
  const rule: Rule = PERMISSIONS[action];
  if (rule.deny?.some((grant) => holds(grant, actor, facts))) return false;
  if (rule.require?.some((grant) => !holds(grant, actor, facts))) return false;
  return rule.allow.some((grant) => holds(grant, actor, facts));
}

/** Whether the one thing keeping a signed-in person from `action` is an unconfirmed e-mail address. */
export function needsConfirmedEmail(actor: AuthzActor | null, action: Action, facts: ResourceFacts = {}): boolean {
  if (!actor || actor.emailVerified instanceof Date || can(actor, action, facts)) return false;
  return can({ ...actor, emailVerified: new Date(0) }, action, facts);
}

export function assertCan(actor: AuthzActor | null, action: Action, facts: ResourceFacts = {}): asserts actor is AuthzActor {
  if (can(actor, action, facts)) return;
  throw needsConfirmedEmail(actor, action, facts) ? new EmailNotConfirmedError(action) : new ForbiddenError(action);
}
