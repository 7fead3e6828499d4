import "server-only";
// Calls for proposals: the chair (or an administrator) opens one with a closing date; a lead may
// submit a proposal in a call that is open, and not after it closed; the committee reviews a call's
// proposals together (the queue's filter).
import { assertCan, can, type AuthzActor } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { db, type DatabaseTransaction } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { formatLongDay } from "@/lib/format/dates";
import { assertUuid, isUuid } from "@/lib/ids";
import { ukToday } from "@/lib/validation/date-input";
import type { CallInput } from "@/lib/validation/review-chair";

const todayOf = (now: Date) => new Date(`${ukToday(now)}T00:00:00Z`);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export interface CallRow {
  id: string;
  title: string;
  description: string;
  opensOn: Date;
  closesOn: Date;
  proposals: number;
  state: "upcoming" | "open" | "closed";
}

export function callState(call: { opensOn: Date; closesOn: Date }, now: Date = new Date()): CallRow["state"] {
  const today = todayOf(now);
  if (call.opensOn > today) return "upcoming";
  return call.closesOn < today ? "closed" : "open";
}

/** Every call, the latest closing first: the committee's (queue filter) and the chair's (calls page). One statement. */
export async function listCalls(actor: AuthzActor | null, now: Date = new Date()): Promise<CallRow[]> {
  assertCan(actor, "project.review");
  const rows = await db.reviewCall.findMany({
    orderBy: [{ closesOn: "desc" }, { id: "asc" }],
    take: 200,
    select: { id: true, title: true, description: true, opensOn: true, closesOn: true, _count: { select: { projects: { where: { status: { not: "DRAFT" } } } } } },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, proposals: _count.projects, state: callState(row, now) }));
}

/** The calls a lead may submit in today (opened, not closed). One statement. */
export async function openCalls(actor: AuthzActor | null, now: Date = new Date()): Promise<{ id: string; title: string; closesOn: Date }[]> {
  // Read by the proposal form, which someone who may not propose does not reach.
  if (!can(actor, "project.propose")) return [];
  const today = todayOf(now);
  return db.reviewCall.findMany({
    where: { opensOn: { lte: today }, closesOn: { gte: today } },
    orderBy: [{ closesOn: "asc" }, { id: "asc" }],
    take: 50,
    select: { id: true, title: true, closesOn: true },
  });
}

function assertClosesFromToday(closesOn: Date, now: Date): void {
  if (closesOn < todayOf(now)) throw new DomainError("Closing date must be today or in the future", "closesOn");
}

export async function createCall(actor: AuthzActor | null, input: CallInput, now: Date = new Date()): Promise<{ id: string; title: string }> {
  assertCan(actor, "call.manage");
  assertClosesFromToday(input.closesOn, now);
  return db.$transaction(async (tx) => {
    const call = await tx.reviewCall.create({
      data: { title: input.title, description: input.description ?? "", opensOn: input.opensOn, closesOn: input.closesOn, createdById: actor.id },
      select: { id: true, title: true },
    });
    await audit(tx, {
      actorId: actor.id,
      action: "call.created",
      entityType: "ReviewCall",
      entityId: call.id,
      after: { title: input.title, opensOn: isoDay(input.opensOn), closesOn: isoDay(input.closesOn) },
    });
    return call;
  });
}

/** Moves a call's closing date (to close it early, today at the soonest, or to extend it). */
export async function changeCallClosing(actor: AuthzActor | null, input: { callId: string; closesOn: Date }, now: Date = new Date()) {
  assertCan(actor, "call.manage");
  assertUuid(input.callId, "That call");
  assertClosesFromToday(input.closesOn, now);
  return db.$transaction(async (tx) => {
    const call = await tx.reviewCall.findUnique({ where: { id: input.callId }, select: { id: true, title: true, opensOn: true, closesOn: true } });
    if (!call) throw new NotFoundError("That call");
    if (input.closesOn < call.opensOn) throw new DomainError(`Closing date must be the same as or after the opening date, ${formatLongDay(call.opensOn)}`, "closesOn");
    await tx.reviewCall.update({ where: { id: call.id }, data: { closesOn: input.closesOn } });
    await audit(tx, {
      actorId: actor.id,
      action: "call.closingChanged",
      entityType: "ReviewCall",
      entityId: call.id,
      before: { closesOn: isoDay(call.closesOn) },
      after: { closesOn: isoDay(input.closesOn) },
    });
    return { title: call.title };
  });
}

/**
 * Why a proposal cannot be submitted in its call now, or null: a first submission after the call
 * closed (or before it opened) is refused; a revision the committee asked for is not.
 */
export async function callRefusal(tx: DatabaseTransaction, projectId: string, firstSubmission: boolean, now: Date = new Date()): Promise<string | null> {
  if (!firstSubmission) return null;
  const project = await tx.project.findUnique({ where: { id: projectId }, select: { call: { select: { title: true, opensOn: true, closesOn: true } } } });
  const call = project?.call;
  if (!call) return null;
  const state = callState(call, now);
  if (state === "closed") {
    return `The call "${call.title}" closed on ${formatLongDay(call.closesOn)}, so proposals can no longer be submitted in it. Choose another call, or none, and submit again.`;
  }
  if (state === "upcoming") return `The call "${call.title}" opens on ${formatLongDay(call.opensOn)}. Choose another call, or none, or submit once it opens.`;
  return null;
}

/**
 * The call a lead chose on the proposal form: null for none; an open call's id; anything else
 * (a closed call, a made-up id) is refused with a sentence for the field. The call the proposal
 * already has is kept as it is, open or not.
 */
export async function checkChosenCall(callId: string | null, currentCallId: string | null, now: Date = new Date()): Promise<string | null> {
  if (callId === null || callId === currentCallId) return null;
  if (!isUuid(callId)) return "Choose a call that is open now, or none";
  const call = await db.reviewCall.findFirst({ where: { id: callId }, select: { opensOn: true, closesOn: true, title: true } });
  if (!call || callState(call, now) !== "open") return "Choose a call that is open now, or none";
  return null;
}
