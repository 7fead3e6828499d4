// An invitation's life: offered, then accepted, declined, withdrawn or expired,
// and nothing granted until accepted. Accepting re-checks every rule of the
// place at that moment; someone invited before they had an account finds the
// invitation when they sign up, and answers once their address is confirmed.
import { describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/authz";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { requestToJoin } from "@/lib/collaborations/participation";
import { acceptInvitation, declineInvitation, expireInvitations, INVITATION_MOVES, withdrawInvitation } from "@/lib/invitations/lifecycle";
import { listMyInvitations } from "@/lib/invitations/lists";
import { INVITATIONS_PER_DAY, inviteToSite } from "@/lib/invitations/send";
import { decideProposal, submitProposal } from "@/lib/projects/lifecycle";
import { getProposalForLead, saveProposalDraft } from "@/lib/projects/proposals";
import { getReviewView, submitReview } from "@/lib/reviews/reviews";
import { decryptSecret, revealSecret } from "@/lib/mail/secret";
import { consumeAttempt } from "@/lib/security/rate-limit";
import { getSiteTeam } from "@/lib/sites/team";
import { registerTrainee } from "@/lib/users/register-trainee";
import { confirmEmailChange, requestEmailChange } from "@/lib/accounts/change-email";
import { changeEmailSchema } from "@/lib/validation/auth";
import { createCollaboration, createSite, createUser } from "../support/factories";
import { inviteAndAccept, openInvitation } from "../support/invitations";
import { completeProposalForm, createProposalIn } from "../support/proposals";
import { asActor, auditActions, refusalOf, siteScenario } from "../support/sites";

const DAY = 24 * 60 * 60 * 1000;

/** A site invitation to a new member, and that member. */
async function invited(role: "COLLABORATOR" | "SITE_LEAD" = "COLLABORATOR") {
  const s = await siteScenario();
  const person = asActor(await createUser({ name: "Ines Invited" }));
  await inviteToSite(s.siteLead, { projectSiteId: s.home.id, email: person.email, role });
  const invitation = await openInvitation(person.email, { projectSiteId: s.home.id });
  return { ...s, person, invitation };
}

async function stateOf(invitationId: string) {
  const [invitation, collaborations, audits] = await Promise.all([
    db.invitation.findUniqueOrThrow({ where: { id: invitationId } }),
    db.collaboration.findMany({ orderBy: { id: "asc" } }),
    db.auditEvent.count(),
  ]);
  return JSON.stringify({ invitation, collaborations, audits });
}

/** A member's sign-up, as the form sends it. */
async function signUp(email: string, link: { invitationId: string; proof: string } | null = null) {
  const site = await createSite();
  const result = await registerTrainee(
    { name: "Nadia Newcomer", email, password: "a long pass phrase", grade: "ST2", deaneryId: site.deaneryId, homeSiteId: site.id, gmcNumber: undefined },
    link,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  if (result.outcome !== "created") throw new Error(`No account was created for ${email}`);
  const user = await db.user.findUniqueOrThrow({ where: { id: result.userId } });
  return { actor: asActor(user), addressConfirmed: result.addressConfirmed };
}

describe("an invitation's moves", () => {
  it("has one table of moves, each from a waiting invitation only", () => {
    expect(INVITATION_MOVES.map((move) => [move.move, move.from.join(), move.to, move.who])).toEqual([
      ["accept", "PENDING", "ACCEPTED", "invitee"],
      ["decline", "PENDING", "DECLINED", "invitee"],
      ["withdraw", "PENDING", "WITHDRAWN", "inviter"],
      ["expire", "PENDING", "EXPIRED", "schedule"],
    ]);
  });

  it("refuses a second answer, a withdrawal after an answer and an answer after a withdrawal, saying why and changing nothing", async () => {
    const { person, siteLead, invitation, home } = await invited();
    await declineInvitation(person, invitation.id);
    expect(await db.notification.findFirst({ where: { userId: siteLead.id, kind: "invitation.declined" }, select: { message: true } })).toMatchObject({
      message: expect.stringMatching(/^Ines Invited declined your invitation to be a collaborator at Addenbrooke's Hospital/),
    });
    const declined = await stateOf(invitation.id);
    expect(await refusalOf(acceptInvitation(person, invitation.id))).toMatchObject({ message: "This invitation has already been declined." });
    expect(await refusalOf(withdrawInvitation(siteLead, invitation.id))).toMatchObject({ message: "This invitation has already been declined." });
    expect(await stateOf(invitation.id)).toBe(declined);

    const other = asActor(await createUser());
    await inviteToSite(siteLead, { projectSiteId: home.id, email: other.email, role: "COLLABORATOR" });
    const second = await openInvitation(other.email, { projectSiteId: home.id });
    await withdrawInvitation(siteLead, second.id);
    const withdrawn = await stateOf(second.id);
    expect(await refusalOf(acceptInvitation(other, second.id))).toMatchObject({ message: "This invitation has been withdrawn." });
    expect(await refusalOf(declineInvitation(other, second.id))).toMatchObject({ message: "This invitation has been withdrawn." });
    expect(await stateOf(second.id)).toBe(withdrawn);
    expect(await auditActions(second.id)).toEqual(["invitation.sent", "invitation.withdrawn"]);
    expect(await db.collaboration.count({ where: { userId: { in: [person.id, other.id] } } })).toBe(0);
  });

  it("ends one way only when accepted and withdrawn at the same moment", async () => {
    for (let round = 0; round < 3; round++) {
      const { person, siteLead, invitation } = await invited();
      const results = await Promise.allSettled([acceptInvitation(person, invitation.id), withdrawInvitation(siteLead, invitation.id)]);
      expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
      const { status } = await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
      expect(await db.collaboration.count({ where: { userId: person.id, status: "CONFIRMED" } })).toBe(status === "ACCEPTED" ? 1 : 0);
    }
  });

  it("reads as expired after 14 days: it cannot be answered or withdrawn, leaves every list, and the daily task marks it", async () => {
    const { person, siteLead, invitation, project, homeHospital } = await invited();
    expect(invitation.expiresAt.getTime() - invitation.createdAt.getTime()).toBe(14 * DAY);
    const later = new Date(invitation.expiresAt.getTime() + 1000);
    const before = await stateOf(invitation.id);
    expect(await refusalOf(acceptInvitation(person, invitation.id, later))).toMatchObject({
      message: expect.stringMatching(/^This invitation expired on \d+ \w+ \d{4}\. Ask Catriona MacLeod to invite you again\.$/),
    });
    expect(await refusalOf(withdrawInvitation(siteLead, invitation.id, later))).toMatchObject({ message: expect.stringMatching(/^This invitation expired on/) });
    expect(await stateOf(invitation.id)).toBe(before);
    expect(await listMyInvitations(person, later)).toEqual({ confirmed: true, items: [] });
    expect((await getSiteTeam(siteLead, project.slug, homeHospital.odsCode, later)).invitations).toEqual([]);

    expect(await expireInvitations(new Date(invitation.expiresAt.getTime() - 1000))).toBe(0);
    expect(await expireInvitations(later)).toBeGreaterThanOrEqual(1);
    expect(await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({ status: "EXPIRED" });
    expect(await auditActions(invitation.id)).toEqual(["invitation.sent", "invitation.expired"]);
    expect(await expireInvitations(later)).toBe(0);
  });

  it("does not offer the same place to the same address twice, and does not ask again for 14 days after a no", async () => {
    const { person, siteLead, home, invitation } = await invited();
    expect(await inviteToSite(siteLead, { projectSiteId: home.id, email: person.email.toUpperCase().toLowerCase(), role: "COLLABORATOR" })).toEqual({ outcome: "invited" });
    expect(await db.invitation.count({ where: { email: person.email } })).toBe(1);
    expect(await db.emailMessage.count({ where: { to: person.email } })).toBe(1);
    expect(await db.notification.count({ where: { userId: person.id, kind: "invitation.received" } })).toBe(1);
    await declineInvitation(person, invitation.id);
    expect(await refusalOf(inviteToSite(siteLead, { projectSiteId: home.id, email: person.email, role: "COLLABORATOR" }))).toMatchObject({
      field: "email",
      message: expect.stringMatching(new RegExp(`^${person.email.replace(/[.+]/g, "\\$&")} declined this invitation on .+\\. You can invite them again from .+\\.$`)),
    });
    expect(await db.emailMessage.count({ where: { to: person.email } })).toBe(1);
  });

  it("limits how many invitations one member sends in a day", async () => {
    const { siteLead, home } = await siteScenario();
    for (let i = 0; i < INVITATIONS_PER_DAY.max; i++) await consumeAttempt(`invitations:${siteLead.id}`, INVITATIONS_PER_DAY);
    expect(await refusalOf(inviteToSite(siteLead, { projectSiteId: home.id, email: "one.too.many@example.net", role: "COLLABORATOR" }))).toMatchObject({
      field: "email",
      message: `You have sent ${INVITATIONS_PER_DAY.max} invitations today, the most in a day. Send the rest tomorrow.`,
    });
    expect(await db.invitation.count({ where: { email: "one.too.many@example.net" } })).toBe(0);
  });
});

describe("accepting re-checks every rule of the place at that moment", () => {
  it("refuses once the project has ended collecting data, or the site has withdrawn or finished", async () => {
    const first = await invited();
    await db.project.update({ where: { id: first.project.id }, data: { status: "ANALYSIS" } });
    expect(await refusalOf(acceptInvitation(first.person, first.invitation.id))).toMatchObject({
      message: `Data collection for “${first.project.title}” has ended, so its teams take nobody new.`,
    });
    const second = await invited();
    await db.projectSite.update({ where: { id: second.home.id }, data: { status: "WITHDRAWN" } });
    expect(await refusalOf(acceptInvitation(second.person, second.invitation.id))).toMatchObject({
      message: `Addenbrooke's Hospital has withdrawn from “${second.project.title}”, so its team takes nobody new.`,
    });
    await db.projectSite.update({ where: { id: second.home.id }, data: { status: "COMPLETE" } });
    expect(await refusalOf(acceptInvitation(second.person, second.invitation.id))).toMatchObject({ message: expect.stringMatching(/has finished with/) });
    expect(await db.collaboration.count({ where: { userId: { in: [first.person.id, second.person.id] } } })).toBe(0);
    expect(await db.invitation.findUniqueOrThrow({ where: { id: second.invitation.id } })).toMatchObject({ status: "PENDING" });
  });

  it("refuses while the person has asked to join, or takes part, at another site of the project", async () => {
    const { person, invitation, other, home } = await invited();
    const request = await requestToJoin(person, other.id);
    expect(await refusalOf(acceptInvitation(person, invitation.id))).toMatchObject({
      message: expect.stringMatching(/^You have asked to join “Project \d+” at Ipswich Hospital\. A member takes part at one hospital of a project: withdraw that request first/),
    });
    await db.collaboration.update({ where: { id: request }, data: { status: "CONFIRMED" } });
    expect(await refusalOf(acceptInvitation(person, invitation.id))).toMatchObject({ message: expect.stringMatching(/^You already take part in “Project \d+” at Ipswich Hospital/) });
    expect(await db.collaboration.count({ where: { projectSiteId: home.id, userId: person.id } })).toBe(0);
  });

  it("refuses a site lead's place at a site with two, and a collaborator's in a full team", async () => {
    const { person, invitation, home, siteLead, project } = await invited("SITE_LEAD");
    // Someone else accepted a site lead's place first.
    await inviteAndAccept(siteLead, home.id, asActor(await createUser({ name: "Fergus First" })), "SITE_LEAD");
    expect(await refusalOf(acceptInvitation(person, invitation.id))).toMatchObject({
      message: "Addenbrooke's Hospital already has 2 site leads, the most a site can have. Ask Catriona MacLeod about it.",
    });
    await db.project.update({ where: { id: project.id }, data: { teamCap: 1 } });
    const late = asActor(await createUser());
    await inviteToSite(siteLead, { projectSiteId: home.id, email: late.email, role: "COLLABORATOR" });
    await createCollaboration({ projectSiteId: home.id, userId: (await createUser()).id });
    expect(await refusalOf(acceptInvitation(late, (await openInvitation(late.email, { projectSiteId: home.id })).id))).toMatchObject({
      message: `The team at Addenbrooke's Hospital is full: it has 1 collaborators, the most “${project.title}” allows. Ask Catriona MacLeod about it.`,
    });
  });

  it("keeps a committee member invited as co-lead reviewing until they accept; one who reviewed this version waits for the decision", async () => {
    const lead = asActor(await createUser({ name: "Priya Lead" }));
    const [helen, sam, chair] = [
      asActor(await createUser({ name: "Helen Price", role: "COMMITTEE" })),
      asActor(await createUser({ name: "Sam Whitfield", role: "ADMIN" })),
      asActor(await createUser({ name: "Chris Chair", role: "COMMITTEE" })),
    ];
    const draft = await createProposalIn("DRAFT", { leadId: lead.id });
    const saved = await saveProposalDraft(lead, draft.id, { form: completeProposalForm({ title: draft.title }), keepCoLeadIds: [], addCoLead: helen.email, expectedVersion: draft.version });
    await saveProposalDraft(lead, draft.id, { form: completeProposalForm({ title: draft.title }), keepCoLeadIds: [], addCoLead: sam.email, expectedVersion: saved.version });
    await submitProposal(lead, draft.id);
    // Invited, not a lead: the committee members still review.
    await expect(getReviewView(helen, draft.id)).resolves.toMatchObject({ canReview: true, canDecide: false });
    await expect(getReviewView(sam, draft.id)).resolves.toMatchObject({ canReview: true });
    const review = { importance: 4, feasibility: 4, clarity: 4, comment: "Feasible.", recommendation: "APPROVE" as const };
    await submitReview(helen, draft.id, review);
    const helensInvitation = await openInvitation(helen.email, { projectId: draft.id });
    expect(await refusalOf(acceptInvitation(helen, helensInvitation.id))).toMatchObject({
      message: expect.stringMatching(/^You reviewed this version of the proposal for the committee, so you can become one of its leads only once the committee has decided on it/),
    });
    // One who has not reviewed accepts, and from then on leads rather than reviews.
    await acceptInvitation(sam, (await openInvitation(sam.email, { projectId: draft.id })).id);
    await expect(getReviewView(sam, draft.id)).resolves.toMatchObject({ canReview: false, cannotReviewReason: "You lead this proposal, so you cannot review it." });
    expect(await refusalOf(submitReview(sam, draft.id, review))).toBeInstanceOf(ForbiddenError);
    expect((await getProposalForLead(sam, draft.id)).myRole).toBe("CO_LEAD");
    // Once the committee has decided, the reviewer may join the leads.
    await submitReview(chair, draft.id, review);
    await decideProposal(chair, draft.id, { decision: "APPROVE", message: "Approved." });
    await acceptInvitation(helen, helensInvitation.id);
    expect(await db.projectLead.findMany({ where: { projectId: draft.id }, select: { userId: true, role: true }, orderBy: { addedAt: "asc" } })).toEqual([
      { userId: lead.id, role: "LEAD" },
      { userId: sam.id, role: "CO_LEAD" },
      { userId: helen.id, role: "CO_LEAD" },
    ]);
    expect(await db.notification.count({ where: { userId: lead.id, kind: "invitation.accepted" } })).toBe(2);
  });

  it("refuses a co-lead's place on a project that has ended", async () => {
    const lead = asActor(await createUser());
    const person = asActor(await createUser());
    const draft = await createProposalIn("DRAFT", { leadId: lead.id, title: "Ended early" });
    await saveProposalDraft(lead, draft.id, { form: completeProposalForm({ title: "Ended early" }), keepCoLeadIds: [], addCoLead: person.email, expectedVersion: draft.version });
    await db.project.update({ where: { id: draft.id }, data: { status: "WITHDRAWN" } });
    expect(await refusalOf(acceptInvitation(person, (await openInvitation(person.email, { projectId: draft.id })).id))).toMatchObject({
      message: "“Ended early” has been withdrawn, so it takes no new co-leads.",
    });
    expect(await db.projectLead.count({ where: { projectId: draft.id } })).toBe(1);
  });
});

describe("someone who signed up with an address that is not theirs", () => {
  it("cannot take the invitations sent to it by moving the account to an address they own", async () => {
    const { siteLead, home } = await siteScenario();
    await inviteToSite(siteLead, { projectSiteId: home.id, email: "alice.owner@example.net", role: "SITE_LEAD" });
    const invitation = await openInvitation("alice.owner@example.net", { projectSiteId: home.id });
    // Mallory signs up with Alice's address (she cannot confirm it), so the invitation is linked to her account…
    const { actor: mallory } = await signUp("alice.owner@example.net");
    expect(await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({ inviteeId: mallory.id });
    // …then moves the account to an address she owns, and confirms that one.
    await requestEmailChange(mallory, changeEmailSchema.parse({ newEmail: "mallory@example.net", emailPassword: "a long pass phrase" }));
    const link = await db.emailMessage.findFirstOrThrow({ where: { to: "mallory@example.net", kind: "account.changeEmail.confirm" }, select: { secret: true } });
    expect(await confirmEmailChange(decryptSecret(link.secret!))).toEqual({ ok: true, email: "mallory@example.net" });
    const confirmed = asActor(await db.user.findUniqueOrThrow({ where: { id: mallory.id } }));
    expect(confirmed.emailVerified).not.toBeNull();

    // The invitation stays with Alice's address, for Alice.
    expect(await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({ inviteeId: null, status: "PENDING" });
    expect(await listMyInvitations(confirmed)).toMatchObject({ confirmed: true, items: [] });
    expect(await refusalOf(acceptInvitation(confirmed, invitation.id))).toBeInstanceOf(ForbiddenError);
    expect(await db.collaboration.count({ where: { projectSiteId: home.id, userId: mallory.id } })).toBe(0);
  });
});

describe("someone invited before they had an account", () => {
  it("finds the invitation when signing up with that address, but sees nothing of it and cannot answer until the address is confirmed", async () => {
    const { siteLead, home } = await siteScenario();
    await inviteToSite(siteLead, { projectSiteId: home.id, email: "dana.later@example.net", role: "COLLABORATOR" });
    const invitation = await openInvitation("dana.later@example.net", { projectSiteId: home.id });
    expect(invitation.inviteeId).toBeNull();
    // Signing up without the invitation's link, with the address typed in another case.
    const { actor, addressConfirmed } = await signUp("Dana.Later@Example.net".toLowerCase());
    expect(addressConfirmed).toBe(false);
    expect(await db.invitation.findUniqueOrThrow({ where: { id: invitation.id } })).toMatchObject({ inviteeId: actor.id });
    expect(await auditActions(invitation.id)).toEqual(["invitation.sent", "invitation.claimed"]);
    expect(await listMyInvitations(actor)).toEqual({ confirmed: false, waiting: 1 });
    const before = await stateOf(invitation.id);
    expect(await refusalOf(acceptInvitation(actor, invitation.id))).toBeInstanceOf(ForbiddenError);
    expect(await refusalOf(declineInvitation(actor, invitation.id))).toBeInstanceOf(ForbiddenError);
    expect(await stateOf(invitation.id)).toBe(before);
    // Once the address is confirmed, the invitation is theirs to answer.
    await db.user.update({ where: { id: actor.id }, data: { emailVerified: new Date() } });
    await acceptInvitation({ ...actor, emailVerified: new Date() }, invitation.id);
    expect(await db.collaboration.count({ where: { projectSiteId: home.id, userId: actor.id, status: "CONFIRMED" } })).toBe(1);
  });

  it("has the address confirmed by signing up through the invitation's own link, and by no other link", async () => {
    const { siteLead, home } = await siteScenario();
    await inviteToSite(siteLead, { projectSiteId: home.id, email: "erin.linked@example.net", role: "COLLABORATOR" });
    await inviteToSite(siteLead, { projectSiteId: home.id, email: "finn.other@example.net", role: "COLLABORATOR" });
    await inviteToSite(siteLead, { projectSiteId: home.id, email: "hana.altered@example.net", role: "COLLABORATOR" });
    // The link as the worker sends it: the stored text with the secret put back.
    const linkTo = async (address: string) => {
      const email = await db.emailMessage.findFirstOrThrow({ where: { to: address } });
      expect(email.text).not.toMatch(/proof=[A-Za-z0-9_-]{20}/);
      const url = new URL(revealSecret(email.text, decryptSecret(email.secret!)).match(/https?:\/\/\S+\/signup\?\S+/)![0]);
      expect(url.searchParams.get("email")).toBe(address);
      return { invitationId: url.searchParams.get("invitation")!, proof: url.searchParams.get("proof")! };
    };
    const erins = await linkTo("erin.linked@example.net");
    const finns = await linkTo("finn.other@example.net");
    const hanas = await linkTo("hana.altered@example.net");
    // Another address's link, or a proof altered by a character, confirms nothing.
    expect((await signUp("gwen.borrowed@example.net", finns)).addressConfirmed).toBe(false);
    const altered = { ...hanas, proof: `${hanas.proof.slice(0, -1)}${hanas.proof.endsWith("A") ? "B" : "A"}` };
    const hana = await signUp("hana.altered@example.net", altered);
    expect(hana.addressConfirmed).toBe(false);
    expect(hana.actor.emailVerified).toBeNull();

    const { actor, addressConfirmed } = await signUp("erin.linked@example.net", erins);
    expect(addressConfirmed).toBe(true);
    expect(actor.emailVerified).toBeInstanceOf(Date);
    const mine = await listMyInvitations(actor);
    expect(mine).toMatchObject({ confirmed: true, items: [{ heading: expect.stringMatching(/^Collaborator at Addenbrooke's Hospital in “Project \d+”$/), invitedBy: "Catriona MacLeod", refusal: null }] });
    await acceptInvitation(actor, erins.invitationId);
    expect(await db.collaboration.count({ where: { projectSiteId: home.id, userId: actor.id, status: "CONFIRMED" } })).toBe(1);
  });
});

describe("the invitee's dashboard list", () => {
  it("says what, where, who invited and until when, and why it cannot be accepted now", async () => {
    const { person, invitation, other, project } = await invited();
    let mine = await listMyInvitations(person);
    expect(mine).toEqual({
      confirmed: true,
      items: [
        {
          id: invitation.id,
          kind: "TEAM_MEMBER",
          heading: `Collaborator at Addenbrooke's Hospital in “${project.title}”`,
          place: `a collaborator at Addenbrooke's Hospital in “${project.title}”`,
          project: `“${project.title}”`,
          projectPath: `/projects/${project.slug}`,
          invitedBy: "Catriona MacLeod",
          invitedAt: invitation.createdAt,
          expiresAt: invitation.expiresAt,
          refusal: null,
        },
      ],
    });
    await requestToJoin(person, other.id);
    mine = await listMyInvitations(person);
    expect(mine.confirmed && mine.items[0]!.refusal).toMatch(/^You have asked to join .+ at Ipswich Hospital/);
    // The button and the command agree.
    expect(await refusalOf(acceptInvitation(person, invitation.id))).toBeInstanceOf(DomainError);
  });
});
