import { beforeAll, describe, expect, it } from "vitest";
import type { AuthzActor } from "@/lib/authz";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import {
  decideProposal,
  IncompleteProposalError,
  openToSites,
  startCollection,
  submitProposal,
} from "@/lib/projects/lifecycle";
import { EDIT_CONFLICT_MESSAGE, getProposalForLead, listMyProposals, saveProposalDraft } from "@/lib/projects/proposals";
import { getReviewView, submitReview } from "@/lib/reviews/reviews";
import { REVIEW_QUEUE_PAGE_SIZE, reviewQueue } from "@/lib/reviews/queue";
import { sessionKeyOf, startSession } from "@/lib/auth/session-store";
import { loadSessionUser } from "@/lib/auth/session-user";
import { listNotifications, markAllNotificationsRead, NOTIFICATIONS_PAGE_SIZE, openNotification } from "@/lib/notifications/notifications";
import type { ProposalFormInput } from "@/lib/validation/proposals";
import { acceptInvitation } from "@/lib/invitations/lifecycle";
import { placeholderCode } from "@/lib/reference/hospital-requests";
import { createUser } from "../support/factories";
import { openInvitation } from "../support/invitations";
import { asActor } from "../support/sites";
import { completeProposalForm, createProposalIn, projectSnapshot } from "../support/proposals";
import { countStatements } from "../support/query-count";

type Person = AuthzActor & { name: string; email: string };
let lead: Person, coLead: Person, member: Person, committee: Person, admin: Person, committeeLead: Person;

beforeAll(async () => {
  const make = async (role: "MEMBER" | "COMMITTEE" | "ADMIN", name?: string) => {
    const user = await createUser({ role, ...(name ? { name } : {}) });
    return { id: user.id, role: user.role, name: user.name, email: user.email, emailVerified: user.emailVerified };
  };
  lead = await make("MEMBER", "Priya Lead");
  coLead = await make("MEMBER", "Oisin Quigley-Colead");
  member = await make("MEMBER");
  committee = await make("COMMITTEE");
  admin = await make("ADMIN");
  committeeLead = await make("COMMITTEE");
});

const emptyForm = (overrides: Partial<ProposalFormInput> = {}): ProposalFormInput => ({
  ...Object.fromEntries(Object.keys(completeProposalForm()).map((key) => [key, ""])),
  modalities: [],
  subspecialties: [],
  ...overrides,
} as ProposalFormInput);

const review = { importance: 4, feasibility: 3, clarity: 5, comment: "Looks feasible.", recommendation: "REQUEST_CHANGES" as const };

/** Every page of a committee member's review queue, so that a proposal is found wherever it falls. */
async function wholeQueue(actor: AuthzActor) {
  const first = await reviewQueue(actor);
  const rest = await Promise.all(Array.from({ length: first.pageCount - 1 }, (_, i) => reviewQueue(actor, i + 2)));
  return [first, ...rest].flatMap((page) => page.items);
}

async function newDraft(actor: Person, form: ProposalFormInput = completeProposalForm(), addCoLead = "") {
  return saveProposalDraft(actor, null, { form, keepCoLeadIds: [], addCoLead });
}

describe("drafting a proposal", () => {
  it("saves what is valid-shaped when other fields are not, makes the proposer LEAD and the slug from the title", async () => {
    const saved = await newDraft(
      lead,
      emptyForm({ title: "Ultrasound for appendicitis in children", summary: "Half written", targetSites: "lots", collectionStart: "2027-02-30", supervisorEmail: "not-an-email", modalities: ["ULTRASOUND"] }),
    );
    expect(saved.fieldErrors).toEqual({
      targetSites: "Enter the target number of sites as a whole number, like 20",
      collectionStart: "Start date of data collection must be a real date",
      supervisorEmail: "Enter the consultant's e-mail address in the correct format, like name@nhs.net",
    });
    const project = await db.project.findUniqueOrThrow({ where: { id: saved.id }, include: { leads: true } });
    expect(project).toMatchObject({
      status: "DRAFT",
      title: "Ultrasound for appendicitis in children",
      summary: "Half written",
      slug: "ultrasound-for-appendicitis-in-children",
      modalities: ["ULTRASOUND"],
      targetSites: null,
      collectionStart: null,
      supervisorEmail: null,
      version: 1,
    });
    expect(project.leads).toEqual([expect.objectContaining({ userId: lead.id, role: "LEAD" })]);
    const again = await newDraft(member, emptyForm({ title: "Ultrasound for appendicitis in children!" }));
    expect((await db.project.findUniqueOrThrow({ where: { id: again.id } })).slug).toBe("ultrasound-for-appendicitis-in-children-2");
    expect(await db.auditEvent.count({ where: { entityId: saved.id, action: "project.proposed" } })).toBe(1);
  });

  it("keeps a field typed with a NUL byte or half a surrogate pair as a message, not a server error", async () => {
    const saved = await newDraft(lead, emptyForm({ title: "Hostile\u0000 title", summary: "Half \uD800 a pair" }));
    expect(saved.fieldErrors).toMatchObject({ title: expect.stringMatching(/special characters/), summary: expect.stringMatching(/special characters/) });
    const view = await getProposalForLead(lead, saved.id);
    expect(view.unsavedFields).toMatchObject({ title: { value: "Hostile title" }, summary: { value: "Half  a pair" } });
  });

  it("keeps what was typed into a field it could not store, with why, until the lead corrects or clears it", async () => {
    const typed = { targetSites: "about twenty", collectionStart: "2027-02-30", supervisorEmail: "consultant at nhs dot net" };
    const saved = await newDraft(lead, emptyForm({ title: "Typed values survive", targetCasesPerSite: "40", ...typed }), "Nobody Withthisname");
    // The next visit (another request, another lead) finds every character again beside its message.
    const view = await getProposalForLead(lead, saved.id);
    expect(view.unsavedFields).toEqual({
      targetSites: { value: "about twenty", message: "Enter the target number of sites as a whole number, like 20" },
      collectionStart: { value: "2027-02-30", message: "Start date of data collection must be a real date" },
      supervisorEmail: { value: "consultant at nhs dot net", message: "Enter the consultant's e-mail address in the correct format, like name@nhs.net" },
      addCoLead: { value: "Nobody Withthisname", message: expect.stringMatching(/No other member matches/) },
    });
    expect(view.content.targetCasesPerSite).toBe(40);

    // Correcting one field and clearing another drops both; the one still wrong stays.
    const corrected = await saveProposalDraft(lead, saved.id, {
      form: emptyForm({ title: "Typed values survive", targetCasesPerSite: "40", targetSites: "20", collectionStart: "", supervisorEmail: typed.supervisorEmail }),
      keepCoLeadIds: [],
      addCoLead: "",
      expectedVersion: saved.version,
    });
    expect(Object.keys(corrected.fieldErrors)).toEqual(["supervisorEmail"]);
    const after = await getProposalForLead(lead, saved.id);
    expect(Object.keys(after.unsavedFields)).toEqual(["supervisorEmail"]);
    expect(after.content).toMatchObject({ targetSites: 20, collectionStart: null });

    await saveProposalDraft(lead, saved.id, { form: emptyForm({ title: "Typed values survive" }), keepCoLeadIds: [], addCoLead: "", expectedVersion: corrected.version });
    expect((await db.project.findUniqueOrThrow({ where: { id: saved.id } })).unsavedFields).toBeNull();
  });

  it("stores no design or governance route until the lead chooses one, so submitting asks for them", async () => {
    const saved = await newDraft(lead, completeProposalForm({ design: "", governanceRoute: "" }));
    expect(await db.project.findUniqueOrThrow({ where: { id: saved.id }, select: { design: true, governanceRoute: true } })).toEqual({ design: null, governanceRoute: null });
    const error = await submitProposal(lead, saved.id).catch((caught: unknown) => caught);
    expect((error as IncompleteProposalError).fieldErrors).toEqual({ design: "Select the study design", governanceRoute: "Select the governance route" });

    // Choosing and then un-choosing a design empties it again rather than keeping the old choice.
    const chosen = await saveProposalDraft(lead, saved.id, { form: completeProposalForm({ design: "COHORT", governanceRoute: "" }), keepCoLeadIds: [], addCoLead: "", expectedVersion: saved.version });
    await saveProposalDraft(lead, saved.id, { form: completeProposalForm({ design: "", governanceRoute: "" }), keepCoLeadIds: [], addCoLead: "", expectedVersion: chosen.version });
    expect((await db.project.findUniqueOrThrow({ where: { id: saved.id } })).design).toBeNull();
  });

  it("invites co-leads by e-mail or name, who lead only once they accept; says when a name is ambiguous or unknown; removes those unticked", async () => {
    const byEmail = await newDraft(lead, emptyForm({ title: "Co-lead test" }), coLead.email.toUpperCase());
    expect(byEmail.fieldErrors).toEqual({});
    expect(byEmail.invited).toBe(coLead.email);
    // Invited, not a co-lead: shown apart, and they cannot open the proposal yet.
    let view = await getProposalForLead(lead, byEmail.id);
    expect(view.coLeads).toEqual([]);
    // Shown by the address typed: never by the name of whoever holds it, which would tell who has an account.
    expect(view.invitedCoLeads.map((invitation) => invitation.label)).toEqual([coLead.email]);
    await expect(getProposalForLead(coLead, byEmail.id)).rejects.toThrow(NotFoundError);
    expect(await db.emailMessage.count({ where: { to: coLead.email, subject: "Invitation to be a co-lead of “Co-lead test”" } })).toBe(1);
    await acceptInvitation(coLead, (await openInvitation(coLead.email, { projectId: byEmail.id })).id);
    view = await getProposalForLead(lead, byEmail.id);
    expect(view.coLeads.map((person) => person.name)).toEqual(["Oisin Quigley-Colead"]);
    expect(view.invitedCoLeads).toEqual([]);
    expect((await getProposalForLead(coLead, byEmail.id)).myRole).toBe("CO_LEAD");

    const unknown = await saveProposalDraft(lead, byEmail.id, { form: emptyForm({ title: "Co-lead test" }), keepCoLeadIds: [coLead.id], addCoLead: "Nobody Withthisname", expectedVersion: view.version });
    expect(unknown.fieldErrors.addCoLead).toMatch(/No other member matches “Nobody Withthisname”/);
    const badAddress = await saveProposalDraft(lead, byEmail.id, { form: emptyForm({ title: "Co-lead test" }), keepCoLeadIds: [coLead.id], addCoLead: "someone@", expectedVersion: unknown.version });
    expect(badAddress.fieldErrors.addCoLead).toBe("Enter the co-lead's e-mail address in the correct format, like name@example.org, or type their name");
    for (let i = 0; i < 9; i++) await createUser({ name: `Crowd Member ${i}` });
    const crowd = await saveProposalDraft(lead, byEmail.id, { form: emptyForm({ title: "Co-lead test" }), keepCoLeadIds: [coLead.id], addCoLead: "crowd member", expectedVersion: badAddress.version });
    expect(crowd.fieldErrors.addCoLead).toBe("More than 8 members match “crowd member”. Type more of their name, or enter their e-mail address.");
    expect(crowd.coLeadChoices).toBeUndefined();

    // Two namesakes: both are offered with their hospitals, and the one chosen is invited.
    const [first, second] = [await createUser({ name: "Aoife Namesake" }), await createUser({ name: "aoife namesake" })];
    const ambiguous = await saveProposalDraft(lead, byEmail.id, { form: emptyForm({ title: "Co-lead test" }), keepCoLeadIds: [coLead.id], addCoLead: "Aoife Namesake", expectedVersion: crowd.version });
    expect(ambiguous.fieldErrors.addCoLead).toBe("More than one member matches “Aoife Namesake”. Choose the one you mean, or enter their e-mail address.");
    expect(ambiguous.coLeadChoices?.map((choice) => choice.id).sort()).toEqual([first.id, second.id].sort());
    expect(ambiguous.coLeadChoices?.[0]?.label).toMatch(/^Aoife Namesake, |^aoife namesake/);
    // Leaving the page keeps the choice to make, not only the message.
    expect((await getProposalForLead(lead, byEmail.id)).unsavedFields.addCoLead?.choices?.map((choice) => choice.id).sort()).toEqual([first.id, second.id].sort());
    // A choice left ticked while the text now names someone else: the text wins.
    const retyped = await saveProposalDraft(lead, byEmail.id, {
      form: emptyForm({ title: "Co-lead test" }),
      keepCoLeadIds: [coLead.id],
      addCoLead: "Crowd Member 1",
      addCoLeadId: first.id,
      expectedVersion: ambiguous.version,
    });
    expect(retyped.invitedCoLeads.map((invitation) => invitation.label)).toEqual(["Crowd Member 1"]);
    const picked = await saveProposalDraft(lead, byEmail.id, {
      form: emptyForm({ title: "Co-lead test" }),
      keepCoLeadIds: [coLead.id],
      addCoLead: "Aoife Namesake",
      addCoLeadId: second.id,
      expectedVersion: retyped.version,
    });
    expect(picked.fieldErrors).toEqual({});
    expect(picked.invitedCoLeads.map((invitation) => invitation.label)).toEqual(["Crowd Member 1", "aoife namesake"]);
    expect((await getProposalForLead(lead, byEmail.id)).unsavedFields).toEqual({});
    // The same person invited again: nothing is sent twice, and the answer is the same.
    const again = await saveProposalDraft(lead, byEmail.id, { form: emptyForm({ title: "Co-lead test" }), keepCoLeadIds: [coLead.id], addCoLead: "Aoife Namesake", addCoLeadId: second.id, expectedVersion: picked.version });
    expect(again.fieldErrors).toEqual({});
    expect(again.invitedCoLeads).toHaveLength(2);
    expect(await db.invitation.count({ where: { projectId: byEmail.id, inviteeId: second.id } })).toBe(1);
    // A choice left ticked with the name box emptied invites nobody: emptying it gives up.
    const stray = await createUser({ name: "Aoife Namesake-Stray" });
    const bogus = await saveProposalDraft(lead, byEmail.id, { form: emptyForm({ title: "Co-lead test" }), keepCoLeadIds: [coLead.id], addCoLead: " ", addCoLeadId: stray.id, expectedVersion: again.version });
    expect(bogus.fieldErrors).toEqual({});
    expect(bogus.invitedCoLeads).toHaveLength(2);

    // Unticked: the co-lead is removed and the invitations are withdrawn, and the person invited can no longer accept.
    const withdrawn = picked.invitedCoLeads.map((invitation) => invitation.id);
    await saveProposalDraft(lead, byEmail.id, { form: emptyForm({ title: "Co-lead test" }), keepCoLeadIds: [], keepInvitationIds: [], addCoLead: "", expectedVersion: bogus.version });
    view = await getProposalForLead(lead, byEmail.id);
    expect(view.coLeads).toEqual([]);
    expect(view.invitedCoLeads).toEqual([]);
    expect(await db.invitation.findMany({ where: { id: { in: withdrawn } }, select: { status: true } })).toEqual([{ status: "WITHDRAWN" }, { status: "WITHDRAWN" }]);
    await expect(acceptInvitation(asActor(second), withdrawn[1]!)).rejects.toThrow("This invitation has been withdrawn.");
    expect(await db.projectLead.count({ where: { projectId: byEmail.id } })).toBe(1);
  });

  it("offers namesakes without naming a hospital one of them asked to have added, which only they and administrators see", async () => {
    const listedHome = await createUser({ name: "Niamh Twin" });
    const asker = await createUser({ name: "Niamh Twin" });
    const profile = await db.traineeProfile.findUniqueOrThrow({ where: { userId: asker.id } });
    const asked = await db.site.create({
      data: { name: "St Elsewhere Private Wing", trust: "Unknown", odsCode: placeholderCode(undefined), city: "Testford", listing: "REQUESTED", deaneryId: profile.deaneryId },
    });
    await db.hospitalRequest.create({ data: { siteId: asked.id, requestedById: asker.id } });
    await db.traineeProfile.update({ where: { userId: asker.id }, data: { homeSiteId: asked.id } });
    const listedName = (await db.site.findUniqueOrThrow({ where: { id: (await db.traineeProfile.findUniqueOrThrow({ where: { userId: listedHome.id } })).homeSiteId } })).name;

    const ambiguous = await newDraft(lead, emptyForm({ title: "Twins" }), "Niamh Twin");
    const labels = Object.fromEntries((ambiguous.coLeadChoices ?? []).map((choice) => [choice.id, choice.label]));
    expect(labels).toEqual({ [listedHome.id]: `Niamh Twin, ${listedName}`, [asker.id]: "Niamh Twin" });
    expect(JSON.stringify(await getProposalForLead(lead, ambiguous.id))).not.toContain("St Elsewhere");
  });

  it("invites an address with no account to sign up, and the invitation waits for the account made with it", async () => {
    const saved = await newDraft(lead, emptyForm({ title: "Invite a stranger" }), "New.Colleague@Example.net");
    expect(saved.invited).toBe("new.colleague@example.net");
    expect((await getProposalForLead(lead, saved.id)).invitedCoLeads.map((invitation) => invitation.label)).toEqual(["new.colleague@example.net"]);
    const email = await db.emailMessage.findFirstOrThrow({ where: { to: "new.colleague@example.net" } });
    expect(email.userId).toBeNull();
    expect(email.text).toContain("/signup?email=new.colleague%40example.net&invitation=");
    expect(email.text).toContain("{{secret}}");
    expect(email.secret).not.toBeNull();
  });

  it("refuses a save based on an older version: the second lead is told, and the first lead's text stays", async () => {
    const saved = await newDraft(lead, completeProposalForm({ aims: "Original aims" }), coLead.email);
    await acceptInvitation(coLead, (await openInvitation(coLead.email, { projectId: saved.id })).id);
    const afterAccept = (await getProposalForLead(lead, saved.id)).version;
    // Accepting raises the version: a form opened before would otherwise drop the new co-lead it never showed.
    expect(afterAccept).toBe(saved.version + 1);
    saved.version = afterAccept;
    const loadedBy = { lead: saved.version, coLead: saved.version };
    const first = await saveProposalDraft(lead, saved.id, { form: completeProposalForm({ aims: "Aims by the lead" }), keepCoLeadIds: [coLead.id], addCoLead: "", expectedVersion: loadedBy.lead });
    expect(first.version).toBe(saved.version + 1);
    await expect(
      saveProposalDraft(coLead, saved.id, { form: completeProposalForm({ aims: "Aims by the co-lead" }), keepCoLeadIds: [coLead.id], addCoLead: "", expectedVersion: loadedBy.coLead }),
    ).rejects.toThrow(EDIT_CONFLICT_MESSAGE);
    const project = await db.project.findUniqueOrThrow({ where: { id: saved.id } });
    expect(project).toMatchObject({ aims: "Aims by the lead", version: first.version });
  });

  it("refuses to submit an incomplete proposal, naming each missing field, and changes nothing", async () => {
    const saved = await newDraft(lead, emptyForm({ title: "Incomplete", summary: "word ".repeat(301) }));
    const before = await projectSnapshot(saved.id);
    const error = await submitProposal(lead, saved.id).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(IncompleteProposalError);
    expect((error as IncompleteProposalError).fieldErrors).toMatchObject({
      summary: "Shorten the lay summary to 300 words or fewer",
      background: "Enter the background",
      modalities: "Select at least one modality",
      collectionStart: "Enter start date of data collection",
      supervisorName: "Enter the supervising consultant's name",
    });
    expect(await projectSnapshot(saved.id)).toEqual(before);
  });

  it("refuses a submission from a form loaded before another lead's save", async () => {
    const saved = await newDraft(lead);
    await saveProposalDraft(lead, saved.id, { form: completeProposalForm(), keepCoLeadIds: [], addCoLead: "", expectedVersion: saved.version });
    await expect(submitProposal(lead, saved.id, { expectedVersion: saved.version })).rejects.toThrow(/Someone else changed this project/);
  });
});

describe("what others can see", () => {
  it("a draft is not found by anyone but its leads, whatever they put in the URL or the form", async () => {
    const saved = await newDraft(lead, completeProposalForm({ title: "Private draft" }));
    const before = await projectSnapshot(saved.id);
    for (const outsider of [member, committee, admin]) {
      await expect(getProposalForLead(outsider, saved.id)).rejects.toThrow(NotFoundError);
      await expect(getReviewView(outsider, saved.id)).rejects.toThrow(NotFoundError);
      await expect(
        saveProposalDraft(outsider, saved.id, { form: completeProposalForm({ title: "Hijacked" }), keepCoLeadIds: [], addCoLead: "", expectedVersion: saved.version }),
      ).rejects.toThrow(NotFoundError);
      await expect(submitProposal(outsider, saved.id)).rejects.toThrow();
    }
    await expect(saveProposalDraft(null, saved.id, { form: completeProposalForm(), keepCoLeadIds: [], addCoLead: "" })).rejects.toThrow();
    await expect(saveProposalDraft(null, null, { form: completeProposalForm(), keepCoLeadIds: [], addCoLead: "" })).rejects.toThrow();
    expect(await projectSnapshot(saved.id)).toEqual(before);
    expect((await wholeQueue(committee)).map((item) => item.id)).not.toContain(saved.id);
  });

  it("a submitted proposal is read by the committee but not by other members, and never reviewed by its own leads", async () => {
    const project = await createProposalIn("SUBMITTED", { leadId: lead.id, coLeadIds: [committeeLead.id] });
    await expect(getReviewView(member, project.id)).rejects.toThrow(NotFoundError);
    expect((await getReviewView(committee, project.id)).canReview).toBe(true);
    const own = await getReviewView(committeeLead, project.id);
    expect(own).toMatchObject({ canReview: false, cannotReviewReason: "You lead this proposal, so you cannot review it." });
    expect((await wholeQueue(committeeLead)).map((item) => item.id)).not.toContain(project.id);
    await expect(submitReview(committeeLead, project.id, review)).rejects.toThrow();
    await expect(submitReview(member, project.id, review)).rejects.toThrow();
    expect(await db.review.count({ where: { projectId: project.id } })).toBe(0);
  });
});

describe("review rules", () => {
  it("one review per reviewer per version; the first moves the proposal into review", async () => {
    const project = await createProposalIn("SUBMITTED", { leadId: lead.id });
    expect((await wholeQueue(committee)).find((item) => item.id === project.id)).toMatchObject({ reviewedByMe: false, reviewsThisRound: 0 });
    await submitReview(committee, project.id, review);
    expect((await db.project.findUniqueOrThrow({ where: { id: project.id } })).status).toBe("IN_REVIEW");
    await expect(submitReview(committee, project.id, review)).rejects.toThrow("You have already reviewed this version of the proposal.");
    expect(await db.review.count({ where: { projectId: project.id } })).toBe(1);
    expect((await wholeQueue(committee)).find((item) => item.id === project.id)).toMatchObject({ reviewedByMe: true, reviewsThisRound: 1, round: 1 });
  });

  it("a decision needs the configured number of reviews of the current version", async () => {
    const project = await createProposalIn("SUBMITTED", { leadId: lead.id });
    await submitReview(committee, project.id, review);
    const before = await projectSnapshot(project.id);
    await expect(decideProposal(admin, project.id, { decision: "APPROVE", message: "Fine." })).rejects.toThrow(
      "The committee can decide once 2 reviews of this version are in. There is 1 so far.",
    );
    expect(await projectSnapshot(project.id)).toEqual(before);
    expect((await getReviewView(admin, project.id)).canDecide).toBe(false);

    process.env.REVIEWS_REQUIRED_FOR_DECISION = "1";
    try {
      await decideProposal(admin, project.id, { decision: "REJECT", message: "Answered already." });
    } finally {
      delete process.env.REVIEWS_REQUIRED_FOR_DECISION;
    }
    expect((await db.project.findUniqueOrThrow({ where: { id: project.id } })).status).toBe("REJECTED");
    expect(await db.projectDecision.findFirst({ where: { projectId: project.id } })).toMatchObject({ decidedById: admin.id, decision: "REJECT", message: "Answered already." });
  });
});

describe("revising and resubmitting", () => {
  it("keeps every submitted version, opens a new review round, and shows the committee what changed", async () => {
    const reviewerB = { ...(await createUser({ role: "COMMITTEE" })) };
    const saved = await newDraft(lead, completeProposalForm({ title: "Versioned proposal", aims: "First aims" }));
    await submitProposal(lead, saved.id);
    await submitReview(committee, saved.id, review);
    await submitReview(reviewerB, saved.id, { ...review, comment: "Define the inclusion criteria." });
    await decideProposal(admin, saved.id, { decision: "REQUEST_CHANGES", message: "Please define inclusion criteria." });

    const forLead = await getProposalForLead(lead, saved.id);
    expect(forLead).toMatchObject({ status: "CHANGES_REQUESTED", editable: true, latestDecision: { message: "Please define inclusion criteria." } });
    expect(forLead.feedback.map((item) => item.comment)).toEqual(["Looks feasible.", "Define the inclusion criteria."]);

    await saveProposalDraft(lead, saved.id, {
      form: completeProposalForm({ title: "Versioned proposal", aims: "Revised aims with inclusion criteria", targetSites: "30" }),
      keepCoLeadIds: [],
      addCoLead: "",
      expectedVersion: forLead.version,
    });
    await submitProposal(lead, saved.id);

    const view = await getReviewView(committee, saved.id);
    expect(view).toMatchObject({ status: "SUBMITTED", round: 2, reviewsThisRound: 0, canReview: true });
    expect(view.versions.map((version) => version.number)).toEqual([1, 2]);
    expect(view.versions[1]!.changes).toEqual([
      { field: "aims", label: "Aims", before: "First aims", after: "Revised aims with inclusion criteria" },
      { field: "targetSites", label: "Target number of sites", before: "20", after: "30" },
    ]);
    expect(view.versions[0]!.content).toMatchObject({ aims: "First aims", design: "AUDIT", modalities: ["CT"] });

    // Round 2 needs its own reviews: the round-1 ones do not count.
    await expect(decideProposal(admin, saved.id, { decision: "APPROVE", message: "Good." })).rejects.toThrow();
    await submitReview(committee, saved.id, { ...review, recommendation: "APPROVE" });
    await submitReview(reviewerB, saved.id, { ...review, recommendation: "APPROVE" });
    await decideProposal(admin, saved.id, { decision: "APPROVE", message: "Approved. Open it to sites." });
    expect(await db.review.groupBy({ by: ["round"], where: { projectId: saved.id }, _count: true, orderBy: { round: "asc" } })).toEqual([
      { round: 1, _count: 2 },
      { round: 2, _count: 2 },
    ]);
    const events = await db.auditEvent.findMany({ where: { entityId: saved.id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(events.map((event) => event.action)).toEqual([
      "project.proposed",
      "project.submit",
      "project.review",
      "project.review",
      "project.requestChanges",
      "project.draftSaved",
      "project.submit",
      "project.review",
      "project.review",
      "project.approve",
    ]);
  });
});

describe("guards", () => {
  it("data collection needs a site with its governance checklist checked and the window open, and says which is missing", async () => {
    const noSite = await createProposalIn("SITE_SETUP", { leadId: lead.id });
    await expect(startCollection(lead, noSite.id)).rejects.toThrow(
      "Data collection cannot start until at least one site has its governance checklist complete and checked by a project lead (and, for research, the project's IRAS number and REC reference are recorded).",
    );
    const future = await createProposalIn("SITE_SETUP", { leadId: lead.id, approvedSite: true, collectionStart: new Date("2027-03-01") });
    await expect(startCollection(lead, future.id, new Date("2027-02-28T23:00:00Z"))).rejects.toThrow(
      "Data collection cannot start before the collection window opens on 1 Mar 2027.",
    );
    await startCollection(lead, future.id, new Date("2027-03-01T08:00:00Z"));
    expect((await db.project.findUniqueOrThrow({ where: { id: future.id } })).status).toBe("DATA_COLLECTION");
  });

  it("two leads pressing the same button at once move the project once", async () => {
    const project = await createProposalIn("APPROVED", { leadId: lead.id, coLeadIds: [coLead.id] });
    const results = await Promise.allSettled([openToSites(lead, project.id), openToSites(coLead, project.id)]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(DomainError);
    expect(await db.auditEvent.count({ where: { entityId: project.id, action: "project.openToSites" } })).toBe(1);
  });
});

/** The number on the header's badge, read as the header reads it. */
async function unreadBadge(person: { id: string }) {
  const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: person.id }, select: { sessionVersion: true } });
  const sessionKey = sessionKeyOf(await startSession(person.id, null));
  return (await loadSessionUser({ userId: person.id, sessionVersion, sessionKey }))!.unread;
}

describe("notifications", () => {
  it("tell the committee (not the leads) of a new or resubmitted proposal, and the leads of the decision", async () => {
    const saved = await newDraft(committeeLead, completeProposalForm({ title: "Notified proposal" }));
    await submitProposal(committeeLead, saved.id);
    const toReview = await db.notification.findMany({ where: { projectId: saved.id }, select: { userId: true, kind: true } });
    expect(toReview.map((n) => n.userId)).toEqual(expect.arrayContaining([committee.id, admin.id]));
    expect(toReview.map((n) => n.userId)).not.toContain(committeeLead.id);
    expect(new Set(toReview.map((n) => n.kind))).toEqual(new Set(["proposal.toReview"]));

    const unreadBefore = await unreadBadge(committee);
    const mine = (await listNotifications(committee)).items.find((n) => n.message === "New proposal to review: Notified proposal")!;
    expect(mine.read).toBe(false);
    await expect(openNotification(member, mine.id)).rejects.toThrow(NotFoundError);
    // An id of the right length that is not one is not found either, rather than a database error.
    await expect(openNotification(committee, "-".repeat(36))).rejects.toThrow(NotFoundError);
    expect(await openNotification(committee, mine.id)).toBe(`/dashboard/review/${saved.id}`);
    expect(await unreadBadge(committee)).toBe(unreadBefore - 1);

    const reviewerB = await createUser({ role: "COMMITTEE" });
    await submitReview(committee, saved.id, review);
    await submitReview(reviewerB, saved.id, review);
    await decideProposal(admin, saved.id, { decision: "REQUEST_CHANGES", message: "More detail please." });
    expect(await db.notification.findMany({ where: { userId: committeeLead.id, projectId: saved.id }, select: { kind: true, message: true } })).toEqual([
      { kind: "proposal.changesRequested", message: "The committee asked for changes to your proposal: Notified proposal" },
    ]);
    await submitProposal(committeeLead, saved.id);
    expect(await db.notification.count({ where: { projectId: saved.id, kind: "proposal.resubmitted", userId: committee.id } })).toBe(1);
    await markAllNotificationsRead(committee);
    expect(await unreadBadge(committee)).toBe(0);
  });
});

describe("the review queue", () => {
  it("pages oldest first and shows the last page for a page past the end", async () => {
    const reviewer = await createUser({ role: "COMMITTEE" });
    const chair = { id: reviewer.id, role: reviewer.role };
    const before = (await reviewQueue(chair)).total;
    const owner = await createUser();
    for (let i = 0; i < REVIEW_QUEUE_PAGE_SIZE + 1; i++) await createProposalIn("SUBMITTED", { leadId: owner.id });
    const first = await reviewQueue(chair);
    expect(first).toMatchObject({ total: before + REVIEW_QUEUE_PAGE_SIZE + 1, page: 1 });
    expect(first.items).toHaveLength(REVIEW_QUEUE_PAGE_SIZE);
    const submitted = first.items.map((item) => item.submittedAt!.getTime());
    expect(submitted).toEqual([...submitted].sort((a, b) => a - b));
    const last = await reviewQueue(chair, 999);
    expect(last.page).toBe(first.pageCount);
    expect(new Set([...first.items, ...last.items].map((item) => item.id)).size).toBe(first.items.length + last.items.length);
  });
});

describe("the list of notifications", () => {
  it("pages newest first, counts unread on every page, and shows the last page for a page past the end", async () => {
    const person = await createUser();
    const actor = { id: person.id, role: person.role };
    for (let i = 0; i < NOTIFICATIONS_PAGE_SIZE + 3; i++) {
      await db.notification.create({
        data: { userId: person.id, kind: "sites.message", message: `Notice ${i}`, link: "/dashboard", createdAt: new Date(Date.UTC(2026, 9, 1, 0, i)), readAt: i < 10 ? new Date() : null },
      });
    }
    const first = await listNotifications(actor);
    expect(first).toMatchObject({ total: NOTIFICATIONS_PAGE_SIZE + 3, unread: NOTIFICATIONS_PAGE_SIZE + 3 - 10, page: 1, pageCount: 2 });
    expect(first.items[0]!.message).toBe(`Notice ${NOTIFICATIONS_PAGE_SIZE + 2}`);
    const last = await listNotifications(actor, 7);
    expect(last.page).toBe(2);
    expect(last.items.map((item) => item.message)).toEqual(["Notice 2", "Notice 1", "Notice 0"]);
    expect(last.items.every((item) => item.read)).toBe(true);
  });
});

describe("query budget", () => {
  it("the proposal, review and notification pages send the same number of statements whatever the data", async () => {
    const reviewer = await createUser({ role: "COMMITTEE" });
    const chair = { id: reviewer.id, role: reviewer.role };
    const owner = await createUser();
    const mine = await createProposalIn("IN_REVIEW", { leadId: owner.id, reviewerIds: [committee.id] });
    const chairSession = { userId: chair.id, sessionVersion: reviewer.sessionVersion, sessionKey: sessionKeyOf(await startSession(chair.id, null)) };
    const measure = async () => ({
      queue: (await countStatements(() => reviewQueue(chair))).statements,
      review: (await countStatements(() => getReviewView(chair, mine.id))).statements,
      mine: (await countStatements(() => listMyProposals(owner))).statements,
      lead: (await countStatements(() => getProposalForLead(owner, mine.id))).statements,
      notifications: (await countStatements(() => listNotifications(chair))).statements,
      sessionWithBadge: (await countStatements(() => loadSessionUser(chairSession))).statements,
    });
    const small = await measure();
    for (let i = 0; i < 10; i++) {
      const other = await createProposalIn("SUBMITTED", { leadId: owner.id, reviewerIds: [admin.id] });
      await db.notification.create({ data: { userId: chair.id, projectId: other.id, kind: "proposal.toReview", message: `n${i}`, link: "/" } });
      await db.projectVersion.create({ data: { projectId: mine.id, number: i + 2, content: { aims: `v${i}` }, submittedById: owner.id } });
      await db.review.create({ data: { projectId: mine.id, reviewerId: (await createUser({ role: "COMMITTEE" })).id, round: i + 2, importance: 3, feasibility: 3, clarity: 3, comment: "ok", recommendation: "APPROVE" } });
    }
    const large = await measure();
    expect(large).toEqual(small);
    for (const [page, statements] of Object.entries(small)) expect(statements, page).toBeLessThanOrEqual(8);
    console.info("statements per page:", JSON.stringify(small));
  });
});

describe("who may read and edit, row by row", () => {
  it("each role against the proposal functions, on a submitted proposal and a draft", async () => {
    const draft = await newDraft(lead, completeProposalForm({ title: "Row by row draft" }), coLead.email);
    await acceptInvitation(coLead, (await openInvitation(coLead.email, { projectId: draft.id })).id);
    const submitted = await createProposalIn("SUBMITTED", { leadId: lead.id, coLeadIds: [coLead.id] });
    const outcome = (promise: Promise<unknown>) =>
      promise.then(
        () => "allowed",
        (error: unknown) => (error instanceof NotFoundError ? "not found" : error instanceof Error ? error.name : "error"),
      );
    // Visitors never reach these functions: every page calling them starts with requireActor, which sends them to sign in.
    const rows: [string, Person][] = [
      ["member", member],
      ["lead", lead],
      ["coLead", coLead],
      ["committee", committee],
      ["admin", admin],
    ];
    const table: Record<string, Record<string, string>> = {};
    for (const [role, actor] of rows) {
      table[role] = {
        queue: await outcome(reviewQueue(actor)),
        leadPage: await outcome(getProposalForLead(actor, draft.id)),
        reviewDraft: await outcome(getReviewView(actor, draft.id)),
        reviewSubmitted: await outcome(getReviewView(actor, submitted.id)),
      };
    }
    expect(table).toEqual({
      member: { queue: "ForbiddenError", leadPage: "not found", reviewDraft: "not found", reviewSubmitted: "not found" },
      lead: { queue: "ForbiddenError", leadPage: "allowed", reviewDraft: "not found", reviewSubmitted: "not found" },
      coLead: { queue: "ForbiddenError", leadPage: "allowed", reviewDraft: "not found", reviewSubmitted: "not found" },
      committee: { queue: "allowed", leadPage: "not found", reviewDraft: "not found", reviewSubmitted: "allowed" },
      admin: { queue: "allowed", leadPage: "not found", reviewDraft: "not found", reviewSubmitted: "allowed" },
    });
    // A co-lead edits the draft like the lead; an id that is not an id is simply not found.
    const view = await getProposalForLead(coLead, draft.id);
    await expect(
      saveProposalDraft(coLead, draft.id, { form: completeProposalForm({ title: "Row by row draft", aims: "Co-lead aims" }), keepCoLeadIds: [coLead.id], addCoLead: "", expectedVersion: view.version }),
    ).resolves.toMatchObject({ id: draft.id });
    await expect(getProposalForLead(lead, "not-a-uuid")).rejects.toThrow(NotFoundError);
    await expect(submitProposal(lead, "' OR 1=1 --")).rejects.toThrow(NotFoundError);
  });
});
