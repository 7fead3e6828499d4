import "server-only";
// A member whose hospital is missing from the list asks for it (at sign-up or on their profile).
// The hospital asked for is a Site with listing REQUESTED: the member's home hospital meanwhile,
// offered to nobody else. Administrators approve it (it becomes LISTED), merge it into a hospital
// on the list (everything pointing at it moves there; it becomes RETIRED) or decline it (RETIRED;
// the member keeps it on their profile until they choose another). The member is told each time.
// docs/decisions/016-hospital-requests.md.
import { randomBytes } from "node:crypto";
import { audit } from "@/lib/audit";
import { assertCan, type AuthzActor } from "@/lib/authz";
import { db, type DatabaseTransaction } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { formatDate, formatDateTime } from "@/lib/format/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import type { HospitalRequestStatus } from "@/lib/generated/prisma/enums";
import { assertUuid } from "@/lib/ids";
import { absoluteUrl } from "@/lib/mail/compose";
import { queueEmail } from "@/lib/mail/outbox";
import { notify } from "@/lib/notifications/notifications";
import { pageWindow } from "@/lib/paging";
import type { RegionOption } from "@/lib/reference/places";
import { isUniqueViolation } from "@/lib/database/unique-violation";
import {
  NEW_HOSPITAL,
  type ApproveHospitalRequestInput,
  type DeclineHospitalRequestInput,
  type HospitalRequestInput,
  type HospitalRequestSearch,
  type MergeHospitalRequestInput,
} from "@/lib/validation/hospital-requests";

// ---------------------------------------------------------------------------------------------
// The placeholder organisation code of a requested hospital

// odsCode is required and unique, and importers and administrators match hospitals by it: a
// requested hospital never holds a real code until approved. Its placeholder keeps the code the
// member suggested (if any) for the administrator, between a prefix and a random tail that no
// real code has (real codes are letters and digits only).
const PLACEHOLDER = /^REQ-([A-Z0-9]{0,6})-[0-9a-f]{12}$/;

export function placeholderCode(suggested: string | undefined): string {
  return `REQ-${suggested ?? ""}-${randomBytes(6).toString("hex")}`;
}

/** Whether a hospital's code is a request's placeholder: its name is then the member's own words, never checked or listed. */
export function isPlaceholderCode(odsCode: string): boolean {
  return PLACEHOLDER.test(odsCode);
}

/**
 * A hospital's name as other members may read it: null for one a member asked to have added,
 * pending (REQUESTED) or declined and kept on their profile (still its placeholder code).
 */
export function listedHospitalName(site: { name: string; listing: string; odsCode: string }): string | null {
  return site.listing === "REQUESTED" || isPlaceholderCode(site.odsCode) ? null : site.name;
}

/** The code the member suggested, kept in a requested hospital's placeholder; null if none or not a placeholder. */
export function suggestedCodeOf(odsCode: string): string | null {
  return PLACEHOLDER.exec(odsCode)?.[1] || null;
}

// ---------------------------------------------------------------------------------------------
// The member's side

export const NOT_ON_LIST_MESSAGE = "Select your home hospital from the list";
export const OTHER_REGION_MESSAGE = "Select a home hospital in your training region, or change your region";

/** The member's choice of home hospital as a sign-up or profile form sends it. */
export interface HomeHospitalChoice {
  homeSiteId: string;
  deaneryId: string;
  newHospital: HospitalRequestInput | null;
}

/**
 * Why this home hospital may not be chosen, by field, or null. Accepted: a hospital on the list,
 * the member's own pending request, or the hospital already on their profile (a retired one may
 * be kept, not newly chosen). Someone else's request is answered as any unknown id is.
 * `memberId`: null at sign-up.
 */
export async function homeHospitalProblems(choice: HomeHospitalChoice, memberId: string | null): Promise<Record<string, string> | null> {
  if (choice.homeSiteId === NEW_HOSPITAL) return newHospitalProblems(choice.newHospital, choice.deaneryId);
  const site = await db.site.findUnique({
    where: { id: choice.homeSiteId },
    select: {
      deaneryId: true,
      listing: true,
      requests: { select: { requestedById: true, status: true } },
      trainees: { where: memberId ? { userId: memberId } : { userId: { in: [] } }, select: { userId: true } },
    },
  });
  if (!site) return { homeSiteId: NOT_ON_LIST_MESSAGE };
  const onProfile = site.trainees.length > 0;
  const ownRequest = memberId !== null && site.listing === "REQUESTED" && site.requests.some((request) => request.requestedById === memberId && request.status === "PENDING");
  if (site.listing !== "LISTED" && !onProfile && !ownRequest) return { homeSiteId: NOT_ON_LIST_MESSAGE };
  if (site.deaneryId !== choice.deaneryId) return { homeSiteId: OTHER_REGION_MESSAGE };
  return null;
}

/** A missing hospital that is on the list after all is pointed out, so the member chooses it instead. */
async function newHospitalProblems(request: HospitalRequestInput | null, deaneryId: string): Promise<Record<string, string> | null> {
  if (!request) return { homeSiteId: NOT_ON_LIST_MESSAGE };
  const [region, sameCode, sameName] = await Promise.all([
    db.deanery.findUnique({ where: { id: deaneryId }, select: { id: true } }),
    request.code ? db.site.findFirst({ where: { odsCode: request.code, listing: "LISTED" }, select: { name: true, city: true } }) : null,
    db.site.findFirst({
      where: { deaneryId, listing: "LISTED", name: { equals: request.name, mode: "insensitive" } },
      select: { name: true, city: true },
    }),
  ]);
  if (!region) return { deaneryId: "Select your training region" };
  if (sameCode) return { newHospitalCode: `${request.code} is the code of ${sameCode.name}, ${sameCode.city}, which is on the list: choose it as your home hospital.` };
  if (sameName) return { newHospitalName: `${sameName.name}, ${sameName.city} is on the list already: choose it as your home hospital.` };
  return null;
}

/**
 * Records the member's request for a missing hospital in the caller's transaction (sign-up or
 * saving the profile) and gives the requested hospital's id, to become their home hospital. One
 * pending request per member: asking again corrects the pending one rather than adding another.
 * Check the input with homeHospitalProblems first.
 */
export async function requestHospital(tx: DatabaseTransaction, requesterId: string, input: HospitalRequestInput): Promise<string> {
  const site = {
    name: input.name,
    city: input.city,
    trust: input.trust ?? "",
    odsCode: placeholderCode(input.code),
    deaneryId: input.deaneryId,
  };
  const note = input.note ?? "";
  const pending = await tx.hospitalRequest.findFirst({ where: { requestedById: requesterId, status: "PENDING" }, select: { id: true } });
  if (pending) {
    // Locks the request and checks it is still pending: an administrator deciding it at this
    // moment either went first (then this is a new request) or waits for this correction.
    const { count } = await tx.hospitalRequest.updateMany({ where: { id: pending.id, status: "PENDING" }, data: { note } });
    if (count === 1) {
      const before = await tx.hospitalRequest.findUniqueOrThrow({
        where: { id: pending.id },
        select: { siteId: true, site: { select: { name: true, city: true, trust: true, odsCode: true, deaneryId: true } } },
      });
      await tx.site.update({ where: { id: before.siteId }, data: site });
      await audit(tx, {
        actorId: requesterId,
        action: "hospitalRequest.changed",
        entityType: "HospitalRequest",
        entityId: pending.id,
        before: before.site,
        after: { ...site, note },
      });
      return before.siteId;
    }
  }
  const created = await tx.site.create({ data: { ...site, listing: "REQUESTED" }, select: { id: true } });
  const request = await tx.hospitalRequest.create({ data: { siteId: created.id, requestedById: requesterId, note }, select: { id: true } });
  await audit(tx, {
    actorId: requesterId,
    action: "hospitalRequest.created",
    entityType: "HospitalRequest",
    entityId: request.id,
    after: { ...site, siteId: created.id, note },
  });
  return created.id;
}

export type OwnHospitalNote = "awaiting approval" | "no longer on the list";

/** A hospital off the list that this member alone is offered: their pending request, or the one on their profile. */
export interface OwnHospitalChoice {
  id: string;
  name: string;
  city: string;
  deaneryId: string;
  note: OwnHospitalNote;
}

/** The hospitals off the list offered to this member in their own pickers. One statement. */
export async function listOwnHospitalChoices(actor: AuthzActor): Promise<OwnHospitalChoice[]> {
  const sites = await db.site.findMany({
    where: {
      listing: { not: "LISTED" },
      OR: [{ listing: "REQUESTED", requests: { some: { requestedById: actor.id, status: "PENDING" } } }, { trainees: { some: { userId: actor.id } } }],
    },
    orderBy: { name: "asc" },
    select: { id: true, name: true, city: true, deaneryId: true, listing: true },
  });
  return sites.map(({ listing, ...site }) => ({ ...site, note: listing === "REQUESTED" ? "awaiting approval" : "no longer on the list" }));
}

/** The list's regions and hospitals with this member's own hospitals added to their regions, labelled. */
export function withOwnHospitals(regions: RegionOption[], own: OwnHospitalChoice[]): (RegionOption & { sites: (RegionOption["sites"][number] & { note?: string })[] })[] {
  const ownIds = new Set(own.map((site) => site.id));
  return regions.map((region) => ({
    ...region,
    sites: [
      ...region.sites.filter((site) => !ownIds.has(site.id)),
      ...own.filter((site) => site.deaneryId === region.id).map(({ id, name, city, note }) => ({ id, name, city, note })),
    ],
  }));
}

export interface MyHospitalRequest {
  status: HospitalRequestStatus;
  name: string;
  city: string;
  askedAt: Date;
  decidedAt: Date | null;
  decisionNote: string;
  /** Where the member was moved, when merged. */
  mergedInto: { name: string; city: string } | null;
}

/** The member's latest request for a missing hospital, if any, for their profile page. One statement. */
export async function getMyHospitalRequest(actor: AuthzActor): Promise<MyHospitalRequest | null> {
  const request = await db.hospitalRequest.findFirst({
    where: { requestedById: actor.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      status: true,
      createdAt: true,
      decidedAt: true,
      decisionNote: true,
      site: { select: { name: true, city: true } },
      resolvedSite: { select: { name: true, city: true } },
    },
  });
  if (!request) return null;
  return {
    status: request.status,
    name: request.site.name,
    city: request.site.city,
    askedAt: request.createdAt,
    decidedAt: request.decidedAt,
    decisionNote: request.decisionNote,
    mergedInto: request.resolvedSite,
  };
}

// ---------------------------------------------------------------------------------------------
// The administrators' side

export const HOSPITAL_REQUESTS_PAGE_SIZE = 20;

// Requests reach administrators once the member has confirmed their address (as anything a
// member does that reaches other people), and not from an erased account.
const VISIBLE: Prisma.HospitalRequestWhereInput = { requestedBy: { deletedAt: null, emailVerified: { not: null } } };

export interface HospitalRequestRow {
  id: string;
  name: string;
  city: string;
  trust: string;
  region: string;
  suggestedCode: string | null;
  note: string;
  requester: { name: string; email: string };
  askedAt: Date;
}

/** Pending requests, oldest first, a page at a time, searchable by the hospital's name or town. Two statements. */
export async function listHospitalRequests(actor: AuthzActor | null, search: HospitalRequestSearch) {
  assertCan(actor, "reference.manage");
  const where: Prisma.HospitalRequestWhereInput = {
    status: "PENDING",
    ...VISIBLE,
    ...(search.q
      ? { site: { OR: [{ name: { contains: search.q, mode: "insensitive" } }, { city: { contains: search.q, mode: "insensitive" } }] } }
      : {}),
  };
  const total = await db.hospitalRequest.count({ where });
  const { page, pageCount, skip } = pageWindow(total, search.page, HOSPITAL_REQUESTS_PAGE_SIZE);
  const rows = await db.hospitalRequest.findMany({
    where,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    skip,
    take: HOSPITAL_REQUESTS_PAGE_SIZE,
    select: {
      id: true,
      note: true,
      createdAt: true,
      site: { select: { name: true, city: true, trust: true, odsCode: true, deanery: { select: { name: true } } } },
      requestedBy: { select: { name: true, email: true } },
    },
  });
  return {
    rows: rows.map(
      (row): HospitalRequestRow => ({
        id: row.id,
        name: row.site.name,
        city: row.site.city,
        trust: row.site.trust,
        region: row.site.deanery.name,
        suggestedCode: suggestedCodeOf(row.site.odsCode),
        note: row.note,
        requester: { name: row.requestedBy!.name, email: row.requestedBy!.email },
        askedAt: row.createdAt,
      }),
    ),
    total,
    page,
    pageCount,
  };
}

/** How many requests wait for an administrator: for the dashboard. One statement. */
export async function countPendingHospitalRequests(actor: AuthzActor | null): Promise<number> {
  assertCan(actor, "reference.manage");
  return db.hospitalRequest.count({ where: { status: "PENDING", ...VISIBLE } });
}

export interface HospitalRequestForDecision extends HospitalRequestRow {
  deaneryId: string;
  /** The hospitals on the list it may be merged into: those of its region first. */
  mergeTargets: { region: string; sites: { id: string; name: string; city: string }[] }[];
  regions: { id: string; name: string }[];
}

/** One pending request with what deciding it needs. Three statements, whatever the size of the list. */
export async function getHospitalRequestForDecision(actor: AuthzActor | null, requestId: string): Promise<HospitalRequestForDecision> {
  assertCan(actor, "reference.manage");
  assertUuid(requestId, "That request");
  const request = await db.hospitalRequest.findFirst({
    where: { id: requestId, status: "PENDING", ...VISIBLE },
    select: {
      id: true,
      note: true,
      createdAt: true,
      site: { select: { name: true, city: true, trust: true, odsCode: true, deaneryId: true, deanery: { select: { name: true } } } },
      requestedBy: { select: { name: true, email: true } },
    },
  });
  if (!request) throw new NotFoundError("That request");
  const [listed, regions] = await Promise.all([
    db.site.findMany({
      where: { listing: "LISTED" },
      orderBy: [{ deanery: { name: "asc" } }, { name: "asc" }],
      select: { id: true, name: true, city: true, deaneryId: true, deanery: { select: { name: true } } },
    }),
    db.deanery.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  const byRegion = new Map<string, { region: string; sites: { id: string; name: string; city: string }[] }>();
  for (const site of [...listed.filter((site) => site.deaneryId === request.site.deaneryId), ...listed]) {
    const group = byRegion.get(site.deaneryId) ?? { region: site.deanery.name, sites: [] };
    if (!byRegion.has(site.deaneryId)) byRegion.set(site.deaneryId, group);
    if (!group.sites.some((known) => known.id === site.id)) group.sites.push({ id: site.id, name: site.name, city: site.city });
  }
  return {
    id: request.id,
    name: request.site.name,
    city: request.site.city,
    trust: request.site.trust,
    region: request.site.deanery.name,
    deaneryId: request.site.deaneryId,
    suggestedCode: suggestedCodeOf(request.site.odsCode),
    note: request.note,
    requester: { name: request.requestedBy!.name, email: request.requestedBy!.email },
    askedAt: request.createdAt,
    mergeTargets: [...byRegion.values()],
    regions,
  };
}

const DONE: Record<Exclude<HospitalRequestStatus, "PENDING">, string> = { APPROVED: "approved", MERGED: "merged", DECLINED: "declined" };

type DecidedRequest = {
  id: string;
  siteId: string;
  note: string;
  createdAt: Date;
  site: { name: string; city: string; trust: string; odsCode: string; deaneryId: string; listing: string };
  requestedBy: { id: string; name: string; email: string; emailVerified: Date | null } | null;
};

/**
 * Runs one decision in one transaction: the request moves from PENDING by a conditional update,
 * so of two administrators deciding at once the second is told and changes nothing.
 */
async function decide<T>(
  actor: AuthzActor | null,
  requestId: string,
  outcome: Exclude<HospitalRequestStatus, "PENDING">,
  fields: { resolvedSiteId?: string; decisionNote?: string },
  work: (tx: DatabaseTransaction, request: DecidedRequest, now: Date) => Promise<T>,
): Promise<T> {
  assertCan(actor, "reference.manage");
  assertUuid(requestId, "That request");
  return db.$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.hospitalRequest.updateMany({
      where: { id: requestId, status: "PENDING", ...VISIBLE },
      data: { status: outcome, decidedById: actor.id, decidedAt: now, ...fields },
    });
    if (count === 0) throw await whyNotPending(tx, requestId);
    const request = await tx.hospitalRequest.findUniqueOrThrow({
      where: { id: requestId },
      select: {
        id: true,
        siteId: true,
        note: true,
        createdAt: true,
        site: { select: { name: true, city: true, trust: true, odsCode: true, deaneryId: true, listing: true } },
        requestedBy: { select: { id: true, name: true, email: true, emailVerified: true } },
      },
    });
    return work(tx, request, now);
  });
}

async function whyNotPending(tx: DatabaseTransaction, requestId: string): Promise<Error> {
  const request = await tx.hospitalRequest.findFirst({ where: { id: requestId, ...VISIBLE }, select: { status: true, decidedAt: true } });
  if (!request || request.status === "PENDING") return new NotFoundError("That request");
  const when = request.decidedAt ? ` on ${formatDateTime(request.decidedAt)}` : "";
  return new DomainError(`Another administrator already ${DONE[request.status]} this request${when}. Nothing was changed.`);
}

/** Tells the member in the portal and by e-mail, in the decision's transaction. */
async function tellRequester(
  tx: DatabaseTransaction,
  request: DecidedRequest,
  message: { notice: string; subject: string; paragraphs: string[] },
): Promise<void> {
  const member = request.requestedBy;
  if (!member) return;
  await notify(tx, [member.id], { kind: "hospitalRequest.decided", message: message.notice, link: "/dashboard/profile" });
  await queueEmail(tx, {
    to: member.email,
    userId: member.id,
    kind: "hospitalRequest.decided",
    subject: message.subject,
    greeting: `Dear ${member.name},`,
    paragraphs: message.paragraphs,
    action: { label: "Open your profile", url: absoluteUrl("/dashboard/profile") },
    reason: `You are getting this e-mail because you asked RADIANT on ${formatDate(request.createdAt)} to add a hospital missing from its list.`,
  });
}

const asked = (request: DecidedRequest) => `${request.site.name}, ${request.site.city}`;

/** Puts the requested hospital on the list, as the administrator corrected it. */
export async function approveHospitalRequest(actor: AuthzActor | null, input: ApproveHospitalRequestInput): Promise<{ name: string }> {
  try {
    return await decide(actor, input.requestId, "APPROVED", {}, async (tx, request) => {
      const [region, sameCode] = await Promise.all([
        tx.deanery.findUnique({ where: { id: input.deaneryId }, select: { name: true } }),
        tx.site.findFirst({ where: { odsCode: input.odsCode, id: { not: request.siteId } }, select: { name: true, city: true } }),
      ]);
      if (!region) throw new DomainError("Select the training region from the list", "deaneryId");
      if (sameCode) throw codeTaken(input.odsCode, sameCode);
      const listed = { name: input.name, trust: input.trust, odsCode: input.odsCode, city: input.city, deaneryId: input.deaneryId, listing: "LISTED" as const };
      await tx.site.update({ where: { id: request.siteId }, data: listed });
      // Home hospital and training region agree on every profile: those who named it move region with it.
      if (input.deaneryId !== request.site.deaneryId) {
        await tx.traineeProfile.updateMany({ where: { homeSiteId: request.siteId }, data: { deaneryId: input.deaneryId } });
      }
      await audit(tx, {
        actorId: actor!.id,
        action: "hospitalRequest.approved",
        entityType: "HospitalRequest",
        entityId: request.id,
        before: { status: "PENDING", site: request.site },
        after: { status: "APPROVED", site: listed },
      });
      const moved = input.deaneryId !== request.site.deaneryId ? ` in ${region.name}, which is now your training region too` : "";
      await tellRequester(tx, request, {
        notice: `${input.name}, ${input.city} was added to the list of hospitals, as you asked. It is your home hospital.`,
        subject: "Your hospital was added to RADIANT",
        paragraphs: [
          `${input.name}, ${input.city}${moved}, is now on RADIANT's list of hospitals, as you asked on ${formatDate(request.createdAt)}${input.name !== request.site.name || input.city !== request.site.city ? ` (you asked for ${asked(request)})` : ""}.`,
          "It is your home hospital: you can find projects running there, and register it for a project.",
        ],
      });
      return { name: input.name };
    });
  } catch (error) {
    // Two approvals with the same code at once: the second finds it taken only at the unique index.
    if (isUniqueViolation(error)) {
      const holder = await db.site.findUnique({ where: { odsCode: input.odsCode }, select: { name: true, city: true } });
      throw codeTaken(input.odsCode, holder ?? { name: "another hospital", city: "on the list" });
    }
    throw error;
  }
}

function codeTaken(code: string, holder: { name: string; city: string }): DomainError {
  return new DomainError(`${code} is already the code of ${holder.name}, ${holder.city}. If it is the same hospital, merge the request into it instead.`, "odsCode");
}

/**
 * The hospital was on the list after all: the member's profile and anything else pointing at the
 * requested hospital move to the one on the list, and the requested one is retired as merged into it.
 */
export async function mergeHospitalRequest(actor: AuthzActor | null, input: MergeHospitalRequestInput): Promise<{ name: string; into: string }> {
  return decide(actor, input.requestId, "MERGED", { resolvedSiteId: input.intoSiteId, decisionNote: input.note ?? "" }, async (tx, request, now) => {
    const target = await tx.site.findFirst({
      where: { id: input.intoSiteId, listing: "LISTED" },
      select: { id: true, name: true, city: true, deaneryId: true, deanery: { select: { name: true } } },
    });
    if (!target) throw new DomainError("Select the hospital on the list it is", "intoSiteId");
    const clash = await tx.projectSite.findFirst({
      where: { siteId: request.siteId, project: { sites: { some: { siteId: target.id } } } },
      select: { project: { select: { title: true } } },
    });
    if (clash) throw new DomainError(`Both hospitals take part in ${clash.project.title}, so they cannot be merged here. Ask the project's lead to withdraw one.`);
    const profiles = await tx.traineeProfile.updateMany({ where: { homeSiteId: request.siteId }, data: { homeSiteId: target.id, deaneryId: target.deaneryId } });
    const interests = await tx.siteInterest.updateMany({ where: { siteId: request.siteId }, data: { siteId: target.id } });
    const projectSites = await tx.projectSite.updateMany({ where: { siteId: request.siteId }, data: { siteId: target.id } });
    await tx.site.update({ where: { id: request.siteId }, data: { listing: "RETIRED", retiredAt: now, mergedIntoId: target.id } });
    await audit(tx, {
      actorId: actor!.id,
      action: "hospitalRequest.merged",
      entityType: "HospitalRequest",
      entityId: request.id,
      before: { status: "PENDING", site: request.site },
      after: { status: "MERGED", intoSiteId: target.id, moved: { profiles: profiles.count, interests: interests.count, projectSites: projectSites.count }, note: input.note ?? "" },
    });
    const regionMoved = target.deaneryId !== request.site.deaneryId ? ` Your training region is now ${target.deanery.name}, the region of that hospital.` : "";
    await tellRequester(tx, request, {
      notice: `${asked(request)}, which you asked for, is on the list as ${target.name}, ${target.city}: it is now your home hospital.`,
      subject: "Your hospital is on RADIANT's list",
      paragraphs: [
        `You asked on ${formatDate(request.createdAt)} for ${asked(request)} to be added to RADIANT's list of hospitals. It is on the list already, as ${target.name}, ${target.city}, and your profile now shows it as your home hospital.${regionMoved}`,
        ...(input.note ? [`The administrator's note: ${input.note}`] : []),
        "If that is not your hospital, choose another on your profile.",
      ],
    });
    return { name: request.site.name, into: target.name };
  });
}

/**
 * Declines the request with a reason for the member. The hospital is retired: offered to nobody,
 * and kept on the member's profile until they choose another (a home hospital is required).
 */
export async function declineHospitalRequest(actor: AuthzActor | null, input: DeclineHospitalRequestInput): Promise<{ name: string }> {
  return decide(actor, input.requestId, "DECLINED", { decisionNote: input.reason }, async (tx, request, now) => {
    await tx.site.update({ where: { id: request.siteId }, data: { listing: "RETIRED", retiredAt: now } });
    await audit(tx, {
      actorId: actor!.id,
      action: "hospitalRequest.declined",
      entityType: "HospitalRequest",
      entityId: request.id,
      before: { status: "PENDING" },
      after: { status: "DECLINED", reason: input.reason },
    });
    await tellRequester(tx, request, {
      notice: `Your request to add ${asked(request)} to the list of hospitals was declined: ${input.reason} Choose your home hospital on your profile.`,
      subject: "Your request for a hospital was declined",
      paragraphs: [
        `An administrator declined your request of ${formatDate(request.createdAt)} to add ${asked(request)} to RADIANT's list of hospitals.`,
        `Their reason: ${input.reason}`,
        "Your profile keeps it as your home hospital until you choose one from the list. Open your profile to choose your hospital, or to ask again with more detail.",
      ],
    });
    return { name: request.site.name };
  });
}
