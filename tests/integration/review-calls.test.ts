// Calls for proposals: who may open one or move its closing date (written out here, apart from the
// permission table), a lead submitting in a call only while it is open, and the queue filtered by
// call with a call's proposals together. A refusal changes nothing.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, type AuthzActor } from "@/lib/authz";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { submitProposal } from "@/lib/projects/lifecycle";
import { saveProposalDraft } from "@/lib/projects/proposals";
import { changeCallClosing, createCall, listCalls, openCalls } from "@/lib/reviews/calls";
import { reviewQueue } from "@/lib/reviews/queue";
import { ukToday } from "@/lib/validation/date-input";
import { callSchema, reviewQueueSearchSchema } from "@/lib/validation/review-chair";
import { hostileString } from "../support/hostile";
import { createUser } from "../support/factories";
import { completeProposalForm, createProposalIn } from "../support/proposals";
import { countStatements } from "../support/query-count";

type Person = AuthzActor & { name: string };
const make = async (role: "MEMBER" | "COMMITTEE" | "ADMIN", chair = false): Promise<Person> => {
  const user = await createUser({ role });
  if (chair) await db.user.update({ where: { id: user.id }, data: { committeeChair: true } });
  return { id: user.id, role: user.role, name: user.name, chair, emailVerified: user.emailVerified };
};

const DAY = 24 * 60 * 60 * 1000;
const today = () => new Date(`${ukToday()}T00:00:00Z`);
const daysFromToday = (days: number) => new Date(today().getTime() + days * DAY);

let lead: Person, member: Person, committee: Person, chair: Person, chairLead: Person, conflicted: Person, admin: Person;

beforeAll(async () => {
  lead = await make("MEMBER");
  member = await make("MEMBER");
  committee = await make("COMMITTEE");
  chair = await make("COMMITTEE", true);
  chairLead = await make("COMMITTEE", true);
  conflicted = await make("COMMITTEE", true);
  admin = await make("ADMIN");
});

const callInput = (title = "Winter call") => ({ title, description: "Safer pathways.", opensOn: daysFromToday(-3), closesOn: daysFromToday(20) });

describe("who may run calls for proposals", () => {
  // Calls are not about one proposal: a chair who leads one, or declared a conflict in one, still runs them.
  const PERSONAS: [string, () => Person | null, boolean][] = [
    ["visitor", () => null, false],
    ["member", () => member, false],
    ["committee member", () => committee, false],
    ["chair", () => chair, true],
    ["chair who leads a proposal", () => chairLead, true],
    ["chair who declared a conflict in a proposal", () => conflicted, true],
    ["administrator", () => admin, true],
  ];
  for (const [persona, who, allowed] of PERSONAS) {
    it(`${persona}: ${allowed ? "may" : "may not"} open a call or move its closing date`, async () => {
      const existing = await createCall(admin, callInput("Existing call"));
      const before = { calls: await db.reviewCall.count(), audit: await db.auditEvent.count({ where: { action: { startsWith: "call." } } }) };
      const open = () => createCall(who(), callInput(`Call by ${persona}`));
      const move = () => changeCallClosing(who(), { callId: existing.id, closesOn: daysFromToday(30) });
      if (allowed) {
        await expect(open()).resolves.toMatchObject({ title: `Call by ${persona}` });
        await expect(move()).resolves.toEqual({ title: "Existing call" });
        expect((await db.reviewCall.findUniqueOrThrow({ where: { id: existing.id } })).closesOn).toEqual(daysFromToday(30));
      } else {
        await expect(open()).rejects.toThrow(who() === null ? Error : ForbiddenError);
        await expect(move()).rejects.toThrow(who() === null ? Error : ForbiddenError);
        expect({ calls: await db.reviewCall.count(), audit: await db.auditEvent.count({ where: { action: { startsWith: "call." } } }) }).toEqual(before);
      }
    });
  }

  it("a made-up call id is not found; a closing date in the past or before the opening is refused at the field", async () => {
    await expect(changeCallClosing(chair, { callId: "00000000-0000-4000-8000-000000000000", closesOn: daysFromToday(3) })).rejects.toThrow(NotFoundError);
    await expect(changeCallClosing(chair, { callId: "not-an-id", closesOn: daysFromToday(3) })).rejects.toThrow(NotFoundError);
    const call = await createCall(chair, { ...callInput(), opensOn: daysFromToday(5) });
    await expect(changeCallClosing(chair, { callId: call.id, closesOn: daysFromToday(-1) })).rejects.toMatchObject({ field: "closesOn", message: "Closing date must be today or in the future" });
    await expect(changeCallClosing(chair, { callId: call.id, closesOn: daysFromToday(2) })).rejects.toMatchObject({ field: "closesOn" });
    await expect(createCall(chair, { ...callInput(), opensOn: daysFromToday(-20), closesOn: daysFromToday(-10) })).rejects.toMatchObject({ field: "closesOn" });
  });

  it("takes hostile titles and descriptions whole, or refuses them with nothing written", async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, hostileString, async (title, description) => {
        const parsed = callSchema.safeParse({ title, description, opensOn: "2026-01-01", closesOn: "2099-12-31" });
        const before = await db.reviewCall.count();
        if (!parsed.success) {
          expect(await db.reviewCall.count()).toBe(before);
          return;
        }
        const call = await createCall(chair, parsed.data);
        expect(await db.reviewCall.findUniqueOrThrow({ where: { id: call.id }, select: { title: true, description: true } })).toEqual({
          title: parsed.data.title,
          description: parsed.data.description ?? "",
        });
      }),
      { numRuns: 60 },
    );
  });
});

describe("submitting in a call", () => {
  const draftIn = async (callId: string | null) =>
    saveProposalDraft(lead, null, { form: completeProposalForm(), keepCoLeadIds: [], addCoLead: "", callId });

  it("offers only open calls, and keeps a proposal out of a closed or made-up one", async () => {
    const open = await createCall(chair, callInput("Open now"));
    const later = await createCall(chair, { ...callInput("Opens later"), opensOn: daysFromToday(5) });
    const offered = (await openCalls(lead)).map((call) => call.id);
    expect(offered).toContain(open.id);
    expect(offered).not.toContain(later.id);
    for (const callId of [later.id, "00000000-0000-4000-8000-000000000000", "'; DROP TABLE"]) {
      const saved = await draftIn(callId);
      expect(saved.fieldErrors).toEqual({ callId: "Choose a call that is open now, or none" });
      expect((await db.project.findUniqueOrThrow({ where: { id: saved.id } })).callId).toBeNull();
    }
    const saved = await draftIn(open.id);
    expect(saved.fieldErrors).toEqual({});
    await submitProposal(lead, saved.id);
    expect(await db.project.findUniqueOrThrow({ where: { id: saved.id }, select: { status: true, callId: true } })).toEqual({ status: "SUBMITTED", callId: open.id });
  });

  it("refuses a first submission after the call closed, saying so, and changes nothing", async () => {
    const call = await createCall(chair, callInput("Closing soon"));
    const saved = await draftIn(call.id);
    await db.reviewCall.update({ where: { id: call.id }, data: { closesOn: daysFromToday(-1) } });
    await expect(submitProposal(lead, saved.id)).rejects.toThrow(/The call "Closing soon" closed on .*, so proposals can no longer be submitted in it/);
    expect(await db.project.findUniqueOrThrow({ where: { id: saved.id }, select: { status: true } })).toEqual({ status: "DRAFT" });
    expect(await db.projectVersion.count({ where: { projectId: saved.id } })).toBe(0);
    // Out of the call, it goes.
    await saveProposalDraft(lead, saved.id, { form: completeProposalForm(), keepCoLeadIds: [], addCoLead: "", callId: null, expectedVersion: saved.version });
    await submitProposal(lead, saved.id);
  });
});

describe("the queue by call", () => {
  it("filters by call, lists a call's proposals together, and shows each proposal's call", async () => {
    const [winter, spring] = [await createCall(chair, callInput("Winter")), await createCall(chair, { ...callInput("Spring"), closesOn: daysFromToday(40) })];
    const made: { id: string; callId: string | null }[] = [];
    for (const callId of [spring.id, null, winter.id, spring.id, winter.id, null]) {
      const project = await createProposalIn("SUBMITTED", { leadId: lead.id });
      await db.project.update({ where: { id: project.id }, data: { callId } });
      made.push({ id: project.id, callId });
    }
    const filtered = await reviewQueue(committee, { call: winter.id, page: 1 });
    expect(filtered.items.map((item) => item.id).sort()).toEqual(made.filter((row) => row.callId === winter.id).map((row) => row.id).sort());
    expect(filtered.items.every((item) => item.call?.title === "Winter")).toBe(true);
    const all = (await reviewQueue(committee, { page: 1 })).items.filter((item) => made.some((row) => row.id === item.id));
    // Winter (closing first), then Spring, then proposals in no call.
    expect(all.map((item) => item.call?.title ?? null)).toEqual(["Winter", "Winter", "Spring", "Spring", null, null]);
  });

  it("finds a call's proposals whatever the case of the call's id in the address, and none for an id that is no call's", async () => {
    const call = await createCall(chair, callInput("Capitals call"));
    const project = await createProposalIn("SUBMITTED", { leadId: lead.id });
    await db.project.update({ where: { id: project.id }, data: { callId: call.id } });
    const listed = async (id: string) => (await reviewQueue(committee, reviewQueueSearchSchema.parse({ call: id }))).items.map((item) => item.id);
    expect(await listed(call.id)).toEqual([project.id]);
    expect(await listed(call.id.toUpperCase())).toEqual([project.id]);
    expect(await reviewQueue(committee, { call: "not-a-call", page: 1 })).toMatchObject({ items: [], total: 0 });
  });

  it("the queue and the calls page send the same number of statements however many calls and proposals", async () => {
    const count = async () => ({
      queue: (await countStatements(() => reviewQueue(committee, { page: 1 }))).statements,
      calls: (await countStatements(() => listCalls(chair))).statements,
      open: (await countStatements(() => openCalls(lead))).statements,
    });
    const small = await count();
    for (let i = 0; i < 5; i++) {
      const call = await createCall(chair, callInput(`More ${i}`));
      const project = await createProposalIn("SUBMITTED", { leadId: lead.id });
      await db.project.update({ where: { id: project.id }, data: { callId: call.id } });
      await db.reviewAssignment.create({ data: { projectId: project.id, round: 1, reviewerId: committee.id, dueOn: daysFromToday(4) } });
    }
    expect(await count()).toEqual(small);
  });
});
