// Amendments after approval, through the real domain functions: who may propose, decide and
// withdraw (expectations written out here, apart from the permission table), ids from another
// project or made up, the project unchanged until approval, the site leads told only when what
// they do changes, an added co-lead only invited, and two deciders at once.
import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/authz";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { decideAmendment, proposeAmendment, withdrawAmendment } from "@/lib/amendments/moves";
import { getAmendmentReview, getProjectAmendments, listPendingAmendments } from "@/lib/amendments/read";
import { currentRound } from "@/lib/projects/lifecycle";
import { getProposalForLead } from "@/lib/projects/proposals";
import { amendmentDecisionSchema, amendmentSchema, type AmendmentInput } from "@/lib/validation/amendments";
import { createCollaboration, createProject, createProjectSite, createSite, createUser } from "../support/factories";
import { countStatements } from "../support/query-count";
import { asActor, refusalOf, siteScenario } from "../support/sites";

const PERSONAS = ["member", "site lead", "lead", "co-lead", "committee", "chair", "conflicted member", "admin", "admin who leads"] as const;
type Persona = (typeof PERSONAS)[number];

// Written out, not derived from lib/authz.
const MAY_PROPOSE: Persona[] = ["lead", "co-lead", "admin who leads"];
const MAY_DECIDE: Persona[] = ["committee", "chair", "admin"];

async function scenario() {
  const base = await siteScenario({ projectStatus: "DATA_COLLECTION" });
  await db.project.update({
    where: { id: base.project.id },
    data: { methods: "Retrospective review of consecutive CTPAs.", dataItems: "Age, sex, D-dimer, CTPA result.", targetSites: 20 },
  });
  const coLead = asActor(await createUser({ name: "Cora Colead" }));
  const adminLead = asActor(await createUser({ name: "Ada Adminlead", role: "ADMIN" }));
  await db.projectLead.createMany({
    data: [
      { projectId: base.project.id, userId: coLead.id, role: "CO_LEAD" },
      { projectId: base.project.id, userId: adminLead.id, role: "CO_LEAD" },
    ],
  });
  const chairUser = await createUser({ name: "Chris Chair", role: "COMMITTEE" });
  await db.user.update({ where: { id: chairUser.id }, data: { committeeChair: true } });
  const conflicted = asActor(await createUser({ name: "Connie Flicted", role: "COMMITTEE" }));
  await db.conflictOfInterest.create({ data: { projectId: base.project.id, userId: conflicted.id, kind: "PERSONAL" } });
  // A withdrawn site's lead, and a site lead who asked to lead but is not confirmed: neither is told.
  const gone = await createProjectSite({ projectId: base.project.id, siteId: (await createSite({ name: "Gone Hospital" })).id, status: "WITHDRAWN" });
  const goneLead = await createUser({ name: "Gwen Gone" });
  await createCollaboration({ projectSiteId: gone.id, userId: goneLead.id, role: "SITE_LEAD" });
  const personas: Record<Persona, Actor> = {
    member: base.member,
    "site lead": base.siteLead,
    lead: base.lead,
    "co-lead": coLead,
    committee: base.committee,
    chair: { ...asActor(chairUser), chair: true },
    "conflicted member": conflicted,
    admin: base.admin,
    "admin who leads": adminLead,
  };
  return { ...base, coLead, adminLead, conflicted, goneLead, personas };
}

type Scenario = Awaited<ReturnType<typeof scenario>>;

function input(s: Scenario, overrides: Partial<AmendmentInput> = {}): AmendmentInput {
  return {
    projectId: s.project.id,
    collectionStart: "2026-09-01",
    collectionEnd: "2027-03-31",
    targetSites: 20,
    targetCasesPerSite: 50,
    methods: "Retrospective review of consecutive CTPAs.",
    dataItems: "Age, sex, D-dimer, CTPA result.",
    keepCoLeadIds: [s.coLead.id, s.adminLead.id],
    inviteCoLead: null,
    reason: "Sites started late.",
    ...overrides,
  };
}

/** Everything a refusal must leave as it was. */
async function snapshot(projectId: string) {
  const [project, amendments, versions, audits, notifications, leads, invitations] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: projectId }, select: { version: true, collectionEnd: true, targetCasesPerSite: true, methods: true } }),
    db.projectAmendment.findMany({ where: { projectId }, select: { id: true, status: true, decidedById: true }, orderBy: { number: "asc" } }),
    db.projectVersion.count({ where: { projectId } }),
    db.auditEvent.count(),
    db.notification.count(),
    db.projectLead.count({ where: { projectId } }),
    db.invitation.count({ where: { projectId } }),
  ]);
  return { project, amendments, versions, audits, notifications, leads, invitations };
}

const isRefusal = (error: unknown) => error instanceof ForbiddenError || error instanceof NotFoundError || error instanceof DomainError;

describe("who may propose, decide and withdraw an amendment", () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await scenario();
  });

  it("lets the project's leads propose, and nobody else, changing nothing when refused", async () => {
    let day = 1;
    for (const persona of PERSONAS) {
      const actor = s.personas[persona];
      const before = await snapshot(s.project.id);
      const attempt = () => proposeAmendment(actor, input(s, { collectionEnd: `2027-04-${String(day++).padStart(2, "0")}` }));
      if (MAY_PROPOSE.includes(persona)) {
        const { id } = await attempt();
        // Let the next persona try on a clean slate.
        await db.projectAmendment.update({ where: { id }, data: { status: "WITHDRAWN" } });
      } else {
        expect(isRefusal(await refusalOf(attempt())), persona).toBe(true);
        expect(await snapshot(s.project.id), persona).toEqual(before);
      }
    }
  });

  it("lets one committee member, the chair or an admin decide, but not a lead, a conflicted member or anyone else", async () => {
    let day = 1;
    for (const persona of PERSONAS) {
      const { id } = await proposeAmendment(s.lead, input(s, { collectionEnd: `2027-05-${String(day++).padStart(2, "0")}` }));
      const before = await snapshot(s.project.id);
      const attempt = () => decideAmendment(s.personas[persona], { amendmentId: id, decision: "REJECT", message: "Not now." });
      if (MAY_DECIDE.includes(persona)) {
        expect((await attempt()).status, persona).toBe("REJECTED");
      } else {
        expect(isRefusal(await refusalOf(attempt())), persona).toBe(true);
        expect(await snapshot(s.project.id), persona).toEqual(before);
        await withdrawAmendment(s.lead, id);
      }
    }
  });

  it("lets the leads withdraw a pending amendment, and nobody else", async () => {
    let day = 1;
    for (const persona of PERSONAS) {
      const { id } = await proposeAmendment(s.lead, input(s, { collectionEnd: `2027-06-${String(day++).padStart(2, "0")}` }));
      const before = await snapshot(s.project.id);
      const attempt = withdrawAmendment(s.personas[persona], id);
      if (MAY_PROPOSE.includes(persona)) {
        await attempt;
        expect((await db.projectAmendment.findUniqueOrThrow({ where: { id } })).status, persona).toBe("WITHDRAWN");
      } else {
        expect(isRefusal(await refusalOf(attempt)), persona).toBe(true);
        expect(await snapshot(s.project.id), persona).toEqual(before);
        await withdrawAmendment(s.lead, id);
      }
    }
  });

  it("shows the committee's page to the committee, and to a lead or a conflicted member only with a polite refusal", async () => {
    const { id } = await proposeAmendment(s.lead, input(s, { collectionEnd: "2027-07-01" }));
    expect((await getAmendmentReview(s.committee, id)).cannotDecideReason).toBeNull();
    expect((await getAmendmentReview(s.personas.chair, id)).cannotDecideReason).toBeNull();
    expect((await getAmendmentReview(s.lead, id)).cannotDecideReason).toBe("You lead this project, so you cannot decide on its amendments.");
    expect((await getAmendmentReview(s.adminLead, id)).cannotDecideReason).toBe("You lead this project, so you cannot decide on its amendments.");
    expect((await getAmendmentReview(s.conflicted, id)).cannotDecideReason).toMatch(/conflict of interest/);
    expect(await refusalOf(getAmendmentReview(s.member, id))).toBeInstanceOf(NotFoundError);
    expect(await refusalOf(getAmendmentReview(s.siteLead, id))).toBeInstanceOf(NotFoundError);
    const pending = await listPendingAmendments(s.conflicted);
    expect(pending.find((row) => row.id === id)?.cannotDecideReason).toMatch(/conflict of interest/);
    expect(await listPendingAmendments(s.member)).toEqual([]);
    expect(await refusalOf(getProjectAmendments(s.committee, s.project.slug))).toBeInstanceOf(NotFoundError);
    expect(await refusalOf(getProjectAmendments(s.siteLead, s.project.slug))).toBeInstanceOf(NotFoundError);
    await withdrawAmendment(s.lead, id);
  });
});

describe("ids in URLs and forms", () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await scenario();
  });

  it("refuses another project's amendment, a made-up id and a project not approved, changing nothing", async () => {
    const otherLead = asActor(await createUser({ name: "Olu Other" }));
    const other = await createProject({ leadId: otherLead.id, status: "SITE_SETUP" });
    await db.project.update({ where: { id: other.id }, data: { methods: "M", dataItems: "D", targetSites: 5 } });
    const { id: otherAmendment } = await proposeAmendment(otherLead, { ...input(s), projectId: other.id, keepCoLeadIds: [], collectionEnd: "2027-08-01" });
    const before = await snapshot(s.project.id);
    // Our lead sends the other project's amendment id.
    expect(await refusalOf(withdrawAmendment(s.lead, otherAmendment))).toBeInstanceOf(ForbiddenError);
    expect(await refusalOf(getAmendmentReview(s.lead, otherAmendment))).toBeInstanceOf(NotFoundError);
    // Our lead sends our form with the other project's id.
    expect(await refusalOf(proposeAmendment(s.lead, { ...input(s), projectId: other.id }))).toBeInstanceOf(ForbiddenError);
    for (const made of ["00000000-0000-4000-8000-000000000000", "not-an-id", "'; drop table", "x".repeat(400)]) {
      expect(await refusalOf(decideAmendment(s.committee, { amendmentId: made, decision: "APPROVE", message: "" }))).toBeInstanceOf(NotFoundError);
      expect(await refusalOf(withdrawAmendment(s.lead, made))).toBeInstanceOf(NotFoundError);
      expect(await refusalOf(getAmendmentReview(s.committee, made))).toBeInstanceOf(NotFoundError);
      expect(await refusalOf(proposeAmendment(s.lead, { ...input(s), projectId: made }))).toBeInstanceOf(NotFoundError);
    }
    expect(await refusalOf(getProjectAmendments(s.lead, "no-such-project\u0000"))).toBeInstanceOf(NotFoundError);
    // A project of theirs still in review cannot be amended.
    const inReview = await createProject({ leadId: s.lead.id, status: "IN_REVIEW" });
    const refused = await refusalOf(proposeAmendment(s.lead, { ...input(s), projectId: inReview.id, keepCoLeadIds: [] }));
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as Error).message).toBe("A project can be amended once the committee has approved it, until its data collection ends.");
    expect((await getProjectAmendments(s.lead, inReview.slug)).cannotProposeReason).toMatch(/once the committee has approved it/);
    expect(await snapshot(s.project.id)).toEqual(before);
    expect(await db.projectAmendment.count({ where: { projectId: inReview.id } })).toBe(0);
  });
});

describe("the life of an amendment", () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await scenario();
  });

  it("refuses an amendment that changes nothing, and a second one while one waits", async () => {
    const nothing = await refusalOf(proposeAmendment(s.lead, input(s, { collectionEnd: "2027-01-31" })));
    expect((nothing as Error).message).toMatch(/changes nothing/);
    const first = await proposeAmendment(s.lead, input(s));
    const second = await refusalOf(proposeAmendment(s.coLead, input(s, { targetCasesPerSite: 80 })));
    expect((second as Error).message).toBe(
      `Amendment ${first.number} is still waiting for the committee. Wait for its decision, or withdraw it, before proposing another.`,
    );
    await withdrawAmendment(s.coLead, first.id);
  });

  it("runs on the approved version until approval, then applies it as a new AMENDMENT version and tells the site leads", async () => {
    const { id } = await proposeAmendment(s.lead, input(s, { collectionEnd: "2027-03-31", reason: "Two sites started late." }));
    const waiting = await db.project.findUniqueOrThrow({ where: { id: s.project.id }, select: { collectionEnd: true } });
    expect(waiting.collectionEnd?.toISOString().slice(0, 10)).toBe("2027-01-31");
    expect(await db.projectVersion.count({ where: { projectId: s.project.id } })).toBe(0);
    expect(await db.notification.count({ where: { kind: "project.amended" } })).toBe(0);
    const review = await getAmendmentReview(s.committee, id);
    expect(review.amendment.comparison).toEqual([{ field: "collectionEnd", label: "Data collection ends", before: "2027-01-31", after: "2027-03-31" }]);
    expect(review.amendment.reason).toBe("Two sites started late.");

    await decideAmendment(s.personas.chair, { amendmentId: id, decision: "APPROVE", message: "" });
    const project = await db.project.findUniqueOrThrow({ where: { id: s.project.id }, select: { collectionEnd: true } });
    expect(project.collectionEnd?.toISOString().slice(0, 10)).toBe("2027-03-31");
    const version = await db.projectVersion.findFirstOrThrow({ where: { projectId: s.project.id } });
    expect(version.kind).toBe("AMENDMENT");
    expect((version.content as { collectionEnd: string }).collectionEnd).toBe("2027-03-31");
    expect((await db.projectAmendment.findUniqueOrThrow({ where: { id } })).versionNumber).toBe(version.number);
    // The review round is the proposal's: an amendment's version is not one.
    expect(await currentRound(db as never, s.project.id)).toBe(0);

    const told = await db.notification.findMany({ where: { kind: "project.amended", projectId: s.project.id }, select: { userId: true, message: true } });
    expect(new Set(told.map((note) => note.userId))).toEqual(new Set([s.siteLead.id, s.otherSiteLead.id]));
    expect(told[0]!.message).toContain("The collection window now ends on 31 March 2027.");
    const leadsTold = await db.notification.findMany({ where: { kind: "amendment.decided", projectId: s.project.id }, select: { userId: true } });
    expect(new Set(leadsTold.map((note) => note.userId))).toEqual(new Set([s.lead.id, s.coLead.id, s.adminLead.id]));
    const actions = (await db.auditEvent.findMany({ where: { entityId: s.project.id }, select: { action: true } })).map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(["project.amendmentProposed", "project.amendmentApproved", "project.amendmentWithdrawn"]));
  });

  it("keeps the committee's review round and feedback on the proposal's version after an amendment", async () => {
    const project = await createProject({ leadId: s.lead.id, status: "APPROVED" });
    await db.project.update({ where: { id: project.id }, data: { methods: "M", dataItems: "D", targetSites: 5 } });
    await db.projectVersion.create({ data: { projectId: project.id, number: 1, content: {}, submittedById: s.lead.id } });
    await db.review.create({
      data: { projectId: project.id, reviewerId: s.committee.id, round: 1, importance: 4, feasibility: 4, clarity: 4, comment: "Sound.", recommendation: "APPROVE" },
    });
    await db.projectDecision.create({ data: { projectId: project.id, decidedById: s.committee.id, decision: "APPROVE", message: "Approved." } });
    const { id } = await proposeAmendment(s.lead, { ...input(s), projectId: project.id, keepCoLeadIds: [], targetCasesPerSite: 60 });
    await decideAmendment(s.committee, { amendmentId: id, decision: "APPROVE", message: "" });
    expect(await db.projectVersion.findMany({ where: { projectId: project.id }, orderBy: { number: "asc" }, select: { number: true, kind: true } })).toEqual([
      { number: 1, kind: "PROPOSAL" },
      { number: 2, kind: "AMENDMENT" },
    ]);
    expect(await currentRound(db as never, project.id)).toBe(1);
    const view = await getProposalForLead(s.lead, project.id);
    expect(view.feedback.map((review) => review.comment)).toEqual(["Sound."]);
  });

  it("tells no site lead when only the co-leads change, and invites an added co-lead rather than adding them", async () => {
    const invitee = await createUser({ name: "Ivy Invitee" });
    const before = await db.notification.count({ where: { kind: "project.amended" } });
    const { id } = await proposeAmendment(s.lead, input(s, { collectionEnd: "2027-03-31", keepCoLeadIds: [s.adminLead.id], inviteCoLead: invitee.email.toUpperCase() }));
    expect(await db.invitation.count({ where: { projectId: s.project.id } })).toBe(0);
    await decideAmendment(s.committee, { amendmentId: id, decision: "APPROVE", message: "Fine." });
    expect(await db.notification.count({ where: { kind: "project.amended" } })).toBe(before);
    const leads = await db.projectLead.findMany({ where: { projectId: s.project.id }, select: { userId: true } });
    expect(leads.map((lead) => lead.userId)).not.toContain(s.coLead.id);
    expect(leads.map((lead) => lead.userId)).not.toContain(invitee.id);
    const invitation = await db.invitation.findFirstOrThrow({ where: { projectId: s.project.id, kind: "CO_LEAD" } });
    expect(invitation).toMatchObject({ status: "PENDING", inviteeId: invitee.id, email: invitee.email });
  });

  it("refuses the decision to the committee member the amendment invites to co-lead", async () => {
    const member = await createUser({ role: "COMMITTEE", name: "Invited Member" });
    const { id } = await proposeAmendment(s.lead, input(s, { keepCoLeadIds: [s.coLead.id, s.adminLead.id], inviteCoLead: member.email }));
    expect(await refusalOf(decideAmendment(asActor(member), { amendmentId: id, decision: "APPROVE", message: "" }))).toMatchObject({
      message: "This amendment invites you to co-lead the project, so you cannot decide on it.",
    });
    expect(await db.projectAmendment.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PROPOSED" });
    await withdrawAmendment(s.lead, id);
  });

  it("lets one of two deciders at once decide, and tells the other", async () => {
    const { id } = await proposeAmendment(s.lead, input(s, { targetCasesPerSite: 75 }));
    const results = await Promise.allSettled([
      decideAmendment(s.committee, { amendmentId: id, decision: "APPROVE", message: "" }),
      decideAmendment(s.personas.chair, { amendmentId: id, decision: "REJECT", message: "No." }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(DomainError);
    expect((lost.reason as Error).message).toMatch(/Someone else decided on or withdrew this amendment|nothing left to decide/);
    const amendment = await db.projectAmendment.findUniqueOrThrow({ where: { id } });
    const project = await db.project.findUniqueOrThrow({ where: { id: s.project.id }, select: { targetCasesPerSite: true } });
    expect(project.targetCasesPerSite).toBe(amendment.status === "APPROVED" ? 75 : 50);
  });

  it("reads the lead's page and the queue in a fixed number of statements", async () => {
    const page = await countStatements(() => getProjectAmendments(s.lead, s.project.slug));
    expect(page.result.amendments.length).toBeGreaterThanOrEqual(3);
    const queue = await countStatements(() => listPendingAmendments(s.committee));
    const review = await countStatements(() => getAmendmentReview(s.committee, page.result.amendments[0]!.id));
    expect(page.statements).toBeLessThanOrEqual(6);
    expect(queue.statements).toBeLessThanOrEqual(2);
    expect(review.statements).toBeLessThanOrEqual(6);
  });
});

describe("the form's rules", () => {
  const valid = {
    projectId: "00000000-0000-4000-8000-000000000000",
    collectionStart: { day: "1", month: "9", year: "2026" },
    collectionEnd: { day: "31", month: "3", year: "2027" },
    targetSites: "20",
    targetCasesPerSite: "50",
    methods: "Methods",
    dataItems: "Items",
    keepCoLeadIds: [],
    inviteCoLead: "",
    reason: "Why",
  };

  it("says what to fix in each field, as the proposal form does", () => {
    const parsed = amendmentSchema.safeParse({
      ...valid,
      collectionEnd: { day: "1", month: "8", year: "2026" },
      targetSites: "twenty",
      targetCasesPerSite: "0",
      methods: "  ",
      inviteCoLead: "not an address",
      reason: "",
    });
    expect(parsed.success).toBe(false);
    const messages = Object.fromEntries(parsed.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(messages).toMatchObject({
      collectionEnd: "The end of data collection must be after its start",
      targetSites: "Enter the target number of sites as a whole number, like 20",
      targetCasesPerSite: "The target number of cases per site must be between 1 and 100000",
      methods: "Enter the methods",
      inviteCoLead: "Enter the co-lead's e-mail address in the correct format, like name@example.org",
      reason: "Enter why the project needs this change",
    });
    expect(amendmentSchema.safeParse(valid).success).toBe(true);
  });

  it("asks for a message when the committee does not approve", () => {
    const parsed = amendmentDecisionSchema.safeParse({ amendmentId: valid.projectId, decision: "REJECT", message: "" });
    expect(parsed.error?.issues[0]?.message).toBe("Enter a message to the leads saying why the amendment is not approved");
  });
});
