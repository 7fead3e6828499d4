// The one place that knows how a person takes part in a project: the states
// of a person's place (a Collaboration: its status, its role, and whether its
// hospital has withdrawn), the states of a project site's team, the table of
// moves between them with their guards, and one function per question that
// commands and pages both ask. A command refuses with the sentence these
// functions return, and a page shows that same sentence, so the button and the
// refusal never disagree (docs/decisions/020).
//
// Pure: no database, no session. The statements a move needs inside its
// transaction (locks, team counts) are in ./team.ts.
import type { CollaborationRole, CollaborationStatus, ProjectSiteStatus, ProjectStatus } from "@/lib/generated/prisma/enums";
import { formatDate } from "@/lib/format/dates";
import { missingMessage, type MissingForJoining } from "@/lib/trainees/missing";

/** A place that counts as taking part, wherever it is: a member has at most one such place per project at a hospital still taking part. */
export const ACTIVE_STATUSES: readonly CollaborationStatus[] = ["REQUESTED", "CONFIRMED"];

/** Projects that take new collaborators, and that collaborators may still leave. */
export const JOINABLE_STATUSES: readonly ProjectStatus[] = ["SITE_SETUP", "DATA_COLLECTION"];

/** Site statuses at which a team takes people on (a site that withdrew or finished does not). */
export const TEAM_OPEN_SITE_STATUSES: readonly ProjectSiteStatus[] = ["REGISTERED", "APPROVALS_PENDING", "ACTIVE"];

/** Most site leads a site may have: the one who registered it and a second. */
export const MAX_SITE_LEADS = 2;

/** A person's place on a project site, as every rule below reads it. */
export interface Place {
  status: CollaborationStatus;
  role: CollaborationRole;
  /** Whether the place's hospital has withdrawn from the project. */
  siteWithdrawn: boolean;
}

/**
 * The states of a place. `none` is no row at that hospital. Every state may
 * also be at a hospital that has withdrawn (`Place.siteWithdrawn`): such a
 * place stays on the record, counts for nothing, and only the moves marked
 * `atWithdrawnSite` apply to it.
 */
export type PlaceState = "none" | "requested" | "collaborator" | "siteLead" | "declined" | "left" | "rotated";

export function placeStateOf(place: Pick<Place, "status" | "role"> | null): PlaceState {
  if (!place) return "none";
  switch (place.status) {
    case "REQUESTED":
      return "requested";
    case "CONFIRMED":
      return place.role === "SITE_LEAD" ? "siteLead" : "collaborator";
    case "DECLINED":
      return "declined";
    case "LEFT":
      return "left";
    case "ROTATED":
      return "rotated";
  }
}

export type PlaceMove = "request" | "confirm" | "decline" | "leave" | "rotate" | "remove";
/** Who makes a move: the person whose place it is, or a confirmed site lead of the place's site (who may be that person). */
export type PlaceMover = "self" | "siteLead" | "projectLead";

/** What the project and the site must be for a move, beyond the place's own state. */
export type TeamCondition =
  /** Nothing: the move may be made whatever the project and the site. */
  | "always"
  /** The project takes collaborators (JOINABLE_STATUSES). */
  | "projectOpen"
  /** The project takes collaborators and the site has not withdrawn. */
  | "siteTakingPart"
  /** The project takes collaborators and the site's team takes people on (TEAM_OPEN_SITE_STATUSES). */
  | "teamOpen";

export interface PlaceTransition {
  move: PlaceMove;
  from: readonly PlaceState[];
  to: PlaceState;
  who: PlaceMover;
  /** Who else may make it: a project's lead acting for an absent site lead, recorded as such (docs/decisions/026). */
  actingFor?: readonly PlaceMover[];
  when: TeamCondition;
  /** Whether the move applies to a place at a hospital that has withdrawn. */
  atWithdrawnSite: boolean;
  /** The rule beyond the states, in words; checked by the question function named. */
  guard?: string;
  /** The command that makes the move. */
  madeBy: string;
}

export const PARTICIPATION_MOVES: readonly PlaceTransition[] = [
  {
    move: "request",
    // Not from "rotated": the row is one per hospital and person, and asking again there would
    // erase the earlier time's credit (returnRefusal; docs/decisions/025).
    from: ["none", "declined", "left"],
    to: "requested",
    who: "self",
    when: "siteTakingPart",
    atWithdrawnSite: false,
    guard:
      "a complete profile; no place taking part elsewhere in the project; a decline stands for the registration it was made in (joinRefusal); with periods, a period still open whose team has room (periodChoiceRefusal, teamCapReason)",
    madeBy: "requestToJoin (lib/collaborations/participation.ts)",
  },
  {
    move: "confirm",
    from: ["requested"],
    to: "collaborator",
    who: "siteLead",
    actingFor: ["projectLead"],
    when: "teamOpen",
    atWithdrawnSite: false,
    guard: "the team (with periods: the period's team) is below the project's cap (teamCapReason); the period is the current or a later one (periodChoiceRefusal)",
    madeBy: "decideRequest (lib/collaborations/site-requests.ts)",
  },
  {
    move: "decline",
    from: ["requested"],
    to: "declined",
    who: "siteLead",
    actingFor: ["projectLead"],
    when: "always",
    atWithdrawnSite: true,
    madeBy: "decideRequest (lib/collaborations/site-requests.ts)",
  },
  {
    move: "leave",
    from: ["requested", "collaborator"],
    to: "left",
    who: "self",
    when: "projectOpen",
    atWithdrawnSite: true,
    guard: "a site lead hands the site over first (leaveRefusal); withdrawing gives up the credit",
    madeBy: "leaveProject(…, \"withdraw\") (lib/collaborations/participation.ts)",
  },
  {
    // Moving to another hospital: the place ends and keeps its credit (docs/decisions/025).
    move: "rotate",
    from: ["collaborator"],
    to: "rotated",
    who: "self",
    when: "projectOpen",
    atWithdrawnSite: false,
    guard: "a confirmed place at a hospital still taking part; a site lead hands the site over first (rotateRefusal)",
    madeBy: "leaveProject(…, \"rotate\") (lib/collaborations/participation.ts)",
  },
  {
    move: "remove",
    from: ["collaborator", "siteLead"],
    to: "left",
    who: "siteLead",
    when: "teamOpen",
    atWithdrawnSite: false,
    guard: "the site keeps a site lead (keepsASiteLead)",
    madeBy: "removeMember (lib/sites/team.ts)",
  },
];

/**
 * Moves of a project site that carry its team's places with them. Made in
 * lib/sites (the site's own lifecycle is lib/sites/status.ts); `places` says
 * what becomes of every place at the site other than the registrant's.
 */
export interface TeamTransition {
  move: "siteWithdraws" | "registerAgain";
  /** Where the site's hospital stands before and after, as the places see it. */
  siteWithdrawnBefore: boolean;
  siteWithdrawnAfter: boolean;
  places: Readonly<Record<PlaceState, PlaceState>>;
  madeBy: string;
}

const UNCHANGED: Record<PlaceState, PlaceState> = { none: "none", requested: "requested", collaborator: "collaborator", siteLead: "siteLead", declined: "declined", left: "left", rotated: "rotated" };

export const TEAM_MOVES: readonly TeamTransition[] = [
  {
    // Every place stays as it was, on the record; none of them takes part any more (takesPart).
    move: "siteWithdraws",
    siteWithdrawnBefore: false,
    siteWithdrawnAfter: true,
    places: UNCHANGED,
    madeBy: "moveSite(…, \"withdraw\") (lib/sites/status.ts)",
  },
  {
    // The former team does not come back (docs/decisions/011): each place still open ends; the registrant becomes a confirmed site lead.
    move: "registerAgain",
    siteWithdrawnBefore: true,
    siteWithdrawnAfter: false,
    places: { ...UNCHANGED, requested: "left", collaborator: "left", siteLead: "left" },
    madeBy: "registerSite (lib/sites/register.ts)",
  },
];

export function placeTransition(move: PlaceMove): PlaceTransition {
  return PARTICIPATION_MOVES.find((transition) => transition.move === move)!;
}

/** Whether the table allows `move` on `place` in a project and site in these statuses (guards aside). */
export function allows(move: PlaceMove, place: Place | null, team: TeamFacts, siteWithdrawn = place?.siteWithdrawn ?? team.status === "WITHDRAWN"): boolean {
  const transition = placeTransition(move);
  if (!transition.from.includes(placeStateOf(place))) return false;
  if (siteWithdrawn && !transition.atWithdrawnSite) return false;
  return teamMeets(transition.when, team);
}

/** A project site's team, as the rules read it: its own status and its project's. */
export interface TeamFacts {
  status: ProjectSiteStatus;
  project: { status: ProjectStatus };
}

function teamMeets(condition: TeamCondition, team: TeamFacts): boolean {
  switch (condition) {
    case "always":
      return true;
    case "projectOpen":
      return projectTakesCollaborators(team.project.status);
    case "siteTakingPart":
      return projectTakesCollaborators(team.project.status) && team.status !== "WITHDRAWN";
    case "teamOpen":
      return teamClosedReason(team) === null;
  }
}

// --- The questions ---------------------------------------------------------------

/**
 * Whether a place is a member's part in its project now: asked for or
 * confirmed, at a hospital that has not withdrawn. A place at a hospital that
 * withdrew stays on the record but frees the member to take part elsewhere.
 */
export const takesPart = (place: Pick<Place, "status" | "siteWithdrawn">): boolean => ACTIVE_STATUSES.includes(place.status) && !place.siteWithdrawn;

/** Places that earn credit: confirmed, or ended by a move to another hospital (a rotation keeps its credit; withdrawing gives it up). */
export const CREDITED_STATUSES: readonly CollaborationStatus[] = ["CONFIRMED", "ROTATED"];

/**
 * Whether a place puts its holder on the project's authorship list (and, once
 * data collection ends, on a certificate's citation): confirmed or rotated away
 * from, at a hospital still taking part. Whether the hospital is cited or
 * acknowledged is the project's case rule, applied to the site
 * (lib/certificates/content.ts isCited).
 */
export const countsForAuthorship = (place: Pick<Place, "status" | "siteWithdrawn">): boolean => CREDITED_STATUSES.includes(place.status) && !place.siteWithdrawn;

/**
 * The person's place that keeps them from taking part at any other hospital of the project, or
 * null: a member takes part at one hospital per project at a time. The database form of the same
 * condition is takingPartIn (./team.ts), for a move that reads it under the person's lock.
 */
export function placeTakingPart<T extends Pick<Place, "status" | "siteWithdrawn">>(mine: readonly T[]): T | null {
  return mine.find(takesPart) ?? null;
}

/** The refusal of a second place in a project while `site`'s place takes part. */
export function takingPartElsewhere(site: string, move: "request" | "register"): string {
  return move === "request"
    ? `You already take part in this project at ${site}. Leave it there first to join at another hospital.`
    : `You already take part in this project at ${site}. A member takes part at one hospital per project.`;
}

/** Whether the project takes new collaborators (and lets those it has leave). */
export const projectTakesCollaborators = (status: ProjectStatus): boolean => JOINABLE_STATUSES.includes(status);

export const PROJECT_CLOSED_TO_JOINING = "This project has finished collecting data and takes no new collaborators.";
export const ALREADY_REQUESTED = "You have already asked to join this project at this hospital. The site lead will confirm or decline.";

/** Why nobody may join the project now, whatever the hospital, or null. */
export function projectJoinRefusal(projectStatus: ProjectStatus): string | null {
  return projectTakesCollaborators(projectStatus) ? null : PROJECT_CLOSED_TO_JOINING;
}

/** Why the person's profile keeps them from asking to join any project, or null. */
export function profileJoinRefusal(missing: MissingForJoining): string | null {
  return missing.length > 0 ? `${missingMessage(missing)} before you ask to join a project.` : null;
}

export interface JoinFacts {
  /** What the person's profile lacks for joining. */
  missing: MissingForJoining;
  projectStatus: ProjectStatus;
  site: { id: string; name: string; status: ProjectSiteStatus; registeredAt: Date };
  /** The person's places in the project, at any hospital. */
  mine: readonly (Pick<Place, "status" | "siteWithdrawn"> & { projectSiteId: string; site: string; decidedAt: Date | null })[];
}

export interface Refusal {
  message: string;
  /** The form field the refusal belongs to, if any. */
  field?: string;
}

/** Why the person may not ask to join the project at this hospital, or null: the request's guard and the join panel's words. */
export function joinRefusal(facts: JoinFacts): Refusal | null {
  const incomplete = profileJoinRefusal(facts.missing);
  if (incomplete) return { message: incomplete };
  const closed = projectJoinRefusal(facts.projectStatus);
  if (closed) return { message: closed, field: "projectSiteId" };
  if (facts.site.status === "WITHDRAWN") return { message: "This hospital has withdrawn from the project. Choose another hospital.", field: "projectSiteId" };
  const active = placeTakingPart(facts.mine);
  if (active) {
    if (active.projectSiteId === facts.site.id) return { message: ALREADY_REQUESTED, field: "projectSiteId" };
    return { message: takingPartElsewhere(active.site, "request"), field: "projectSiteId" };
  }
  const here = facts.mine.find((place) => place.projectSiteId === facts.site.id);
  if (here?.status === "ROTATED") return { message: returnRefusal(facts.site.name), field: "projectSiteId" };
  // A refusal stands for the registration it was made in: once the hospital withdrew and registered again, its new lead has refused nobody.
  if (here?.status === "DECLINED" && (here.decidedAt === null || here.decidedAt > facts.site.registeredAt)) {
    return { message: `The site lead at ${facts.site.name} declined your request. Contact them, or choose another hospital.`, field: "projectSiteId" };
  }
  return null;
}

/** Why the person may not leave (or withdraw their request from) this place now, or null. */
export function leaveRefusal(place: Pick<Place, "status" | "role">, projectStatus: ProjectStatus): string | null {
  if (!ACTIVE_STATUSES.includes(place.status)) return "You are not taking part in this project.";
  if (!projectTakesCollaborators(projectStatus)) return "Data collection has ended, so your part in this project stays on the record.";
  if (place.role === "SITE_LEAD") return "As the site lead, hand the site over to another collaborator before you leave.";
  return null;
}

/** How a person leaves a place: moving to another hospital keeps the credit for their time there; withdrawing gives it up. */
export const LEAVE_CHOICES = ["rotate", "withdraw"] as const;
export type LeaveChoice = (typeof LEAVE_CHOICES)[number];

/**
 * Why the person may not end this place as a move to another hospital (keeping its credit), or
 * null: only a confirmed place at a hospital still taking part has time on the team to keep.
 */
export function rotateRefusal(place: Place, projectStatus: ProjectStatus): string | null {
  const leaving = leaveRefusal(place, projectStatus);
  if (leaving) return leaving;
  if (place.status === "REQUESTED") return "Your request has not been confirmed, so there is no time on the team to keep: you can only withdraw it.";
  if (place.siteWithdrawn) return "This hospital has withdrawn from the project, so your place there counts for nothing to keep. You are free to join at another hospital.";
  return null;
}

/**
 * The refusal of a request at a hospital where the person already holds a place they moved on
 * from: that place keeps the credit for their time there, and a hospital holds one place per
 * person in a project, so asking again would erase it (docs/decisions/025).
 */
export function returnRefusal(site: string): string {
  return `You moved on from ${site} in this project, and your place there keeps the credit for your time on its team. A hospital keeps one place per person in a project, so you cannot ask to join there again.`;
}

export const mayLeave = (place: Pick<Place, "status" | "role">, projectStatus: ProjectStatus): boolean => leaveRefusal(place, projectStatus) === null;

/** Why the team cannot change now (nobody joins, leaves the team by a site lead's hand, or is invited), or null. */
export function teamClosedReason(team: TeamFacts): string | null {
  if (!projectTakesCollaborators(team.project.status)) return "Data collection has ended, so the team stays as it is on the record.";
  if (!TEAM_OPEN_SITE_STATUSES.includes(team.status)) return "This site has finished with the project, so its team can no longer change.";
  return null;
}

/** Why a site lead may not confirm a request now (the team cap aside, counted in the transaction), or null. */
export function confirmRefusal(team: TeamFacts): string | null {
  if (!projectTakesCollaborators(team.project.status)) return PROJECT_CLOSED_TO_JOINING;
  if (!TEAM_OPEN_SITE_STATUSES.includes(team.status)) return "This site has withdrawn from the project or finished, so it confirms nobody new.";
  return null;
}

/**
 * Why the team may take no further collaborator, or null: `teamCap` null is no cap. In a project
 * with data-collection periods the cap is per period: `period` is the one the place is for, and
 * `confirmedCollaborators` counts that period's confirmed collaborators only (countCollaborators).
 */
export function teamCapReason(teamCap: number | null, confirmedCollaborators: number, period?: Pick<Period, "number"> | null): string | null {
  if (teamCap === null || confirmedCollaborators < teamCap) return null;
  if (period) {
    return `Period ${period.number} at this site already has ${confirmedCollaborators} ${confirmedCollaborators === 1 ? "collaborator" : "collaborators"}, the most this project allows per period. Choose another period.`;
  }
  return `This site already has ${confirmedCollaborators} collaborators, the most this project allows.`;
}

// --- Data-collection periods (docs/decisions/035) ------------------------------------

/**
 * A block of the project's collection window with its own team at each site. A collaborator's
 * place is for one period; a site lead's place is for none (they lead every period), and so is a
 * place made before the project had periods: it counts toward no period's cap.
 */
export interface Period {
  id: string;
  number: number;
  /** Days, stored as midnight UTC. */
  startsOn: Date;
  endsOn: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const dayOf = (moment: Date) => Date.UTC(moment.getUTCFullYear(), moment.getUTCMonth(), moment.getUTCDate());

/** Whether the period's last day is behind `now`. */
export const periodEnded = (period: Pick<Period, "endsOn">, now: Date): boolean => period.endsOn.getTime() < dayOf(now);

/** Whether `now` falls within the period. */
export const periodIsCurrent = (period: Pick<Period, "startsOn" | "endsOn">, now: Date): boolean =>
  period.startsOn.getTime() <= dayOf(now) && dayOf(now) < period.endsOn.getTime() + DAY_MS;

/** The periods a place may still be for: the current one and those to come, in order. */
export function openPeriods<T extends Period>(periods: readonly T[], now: Date): T[] {
  return periods.filter((period) => !periodEnded(period, now)).sort((a, b) => a.number - b.number);
}

/** "Period 2 (2 Nov 2026 to 29 Nov 2026)": how a period is named in forms, tables and refusals. */
export function periodLabel(period: Pick<Period, "number" | "startsOn" | "endsOn">): string {
  return `Period ${period.number} (${formatDate(period.startsOn)} to ${formatDate(period.endsOn)})`;
}

/** What a place without a period shows in a project with periods: a site lead's, or one made before the periods existed. */
export const ALL_PERIODS = "all periods";

/**
 * Why `periodId` is not a period a place may be for now, or null. In a project with periods a
 * request, an invitation's place and a confirmation each name one: the current period or a later
 * one, of this project. In a project without periods there is nothing to choose (null).
 */
export function periodChoiceRefusal(periods: readonly Period[], periodId: string | null | undefined, now: Date): string | null {
  if (periods.length === 0) return null;
  if (!periodId) return "Select the data-collection period the place is for.";
  const period = periods.find((candidate) => candidate.id === periodId);
  if (!period) return "Select one of this project's data-collection periods.";
  if (periodEnded(period, now)) {
    return `Period ${period.number} ended on ${formatDate(period.endsOn)}. Choose the current period or a later one.`;
  }
  return null;
}

/**
 * The first period still open (current, then later ones) whose team has room, or null when every
 * one is full: where an invitation to the team places the person who accepts it. `taken` counts
 * each period's confirmed collaborators.
 */
export function firstPeriodWithRoom<T extends Period>(periods: readonly T[], taken: ReadonlyMap<string, number>, teamCap: number | null, now: Date): T | null {
  return openPeriods(periods, now).find((period) => teamCapReason(teamCap, taken.get(period.id) ?? 0, period) === null) ?? null;
}

/** The refusal of an invitation to a team whose every open period is full (or that has none left). */
export function noPeriodWithRoom(periods: readonly Period[], teamCap: number | null, now: Date): string {
  return openPeriods(periods, now).length === 0
    ? "Every data-collection period of this project has ended, so its teams take nobody new."
    : `Every data-collection period still to come at this site already has ${teamCap} collaborators, the most this project allows per period.`;
}

/** Why the site may take no further site lead, or null. */
export function siteLeadRoomReason(siteLeads: number): string | null {
  return siteLeads >= MAX_SITE_LEADS ? `A site can have ${MAX_SITE_LEADS} site leads at most, and this site has ${siteLeads}.` : null;
}

/** Whether the site still has a site lead once one of its `siteLeads` confirmed site leads goes (leaves the team or steps down). */
export const keepsASiteLead = (siteLeads: number): boolean => siteLeads > 1;
