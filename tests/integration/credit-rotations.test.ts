// A trainee who moves hospital mid-project keeps the first place, ended and dated, with the
// cases recorded there while they were on its team, and takes a new one; only withdrawing
// gives the credit up (docs/decisions/025).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/authz";
import { getMyResearch } from "@/lib/collaborations/my-research";
import { leaveProject, requestToJoin } from "@/lib/collaborations/participation";
import { decideRequest } from "@/lib/collaborations/site-requests";
import { db } from "@/lib/db";
import { acceptInvitation } from "@/lib/invitations/lifecycle";
import { inviteToSite } from "@/lib/invitations/send";
import { countsForAuthorship } from "@/lib/participation/rules";
import { getDashboardSummary } from "@/lib/users/dashboard";
import { leaveSchema } from "@/lib/validation/participation";
import { createCollaboration, createProjectSite, createUser, reportProgress } from "../support/factories";
import { hostileString } from "../support/hostile";
import { openInvitation } from "../support/invitations";
import { countStatements } from "../support/query-count";
import { asActor, auditActions, refusalOf, siteScenario } from "../support/sites";

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

/** Places of the person in the project, as they stand. */
const placesOf = (userId: string, projectId: string) =>
  db.collaboration.findMany({ where: { userId, projectSite: { projectId } }, orderBy: { requestedAt: "asc" } });

/**
 * The member joined Addenbrooke's 100 days ago, while it went from 10 to 40 cases, and moved to
 * Ipswich 20 days ago; Addenbrooke's reported 55 after they left.
 */
async function rotated() {
  const s = await siteScenario();
  const first = await requestToJoin(s.member, s.home.id);
  await decideRequest(s.siteLead, first, "CONFIRM");
  await db.collaboration.update({ where: { id: first }, data: { requestedAt: daysAgo(105), decidedAt: daysAgo(100) } });
  await reportProgress(s.home.id, s.siteLead.id, 10, daysAgo(120));
  await reportProgress(s.home.id, s.siteLead.id, 25, daysAgo(60));
  await reportProgress(s.home.id, s.siteLead.id, 40, daysAgo(30));
  await leaveProject(s.member, first, "rotate");
  const ended = await db.collaboration.findUniqueOrThrow({ where: { id: first } });
  await db.collaboration.update({ where: { id: first }, data: { endedAt: daysAgo(20) } });
  await reportProgress(s.home.id, s.siteLead.id, 55, daysAgo(2));
  return { ...s, first, ended };
}

describe("moving to another hospital", () => {
  it("ends the place with its joined date and an end date, keeps its credit, and frees the person to join at another hospital", async () => {
    const before = new Date();
    const s = await rotated();
    expect(s.ended.status).toBe("ROTATED");
    expect(s.ended.endedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(Math.abs(s.ended.decidedAt!.getTime() - daysAgo(100).getTime())).toBeLessThan(60_000);
    expect(countsForAuthorship({ status: s.ended.status, siteWithdrawn: false })).toBe(true);
    expect(await auditActions(s.first)).toEqual(["collaboration.requested", "collaboration.confirmed", "collaboration.rotated"]);
    expect((await getDashboardSummary(s.member)).collaborations).toBe(0);

    const second = await requestToJoin(s.member, s.other.id);
    await decideRequest(s.otherSiteLead, second, "CONFIRM");
    await db.collaboration.update({ where: { id: second }, data: { requestedAt: daysAgo(18), decidedAt: daysAgo(15) } });
    await reportProgress(s.other.id, s.otherSiteLead.id, 7, daysAgo(18));
    await reportProgress(s.other.id, s.otherSiteLead.id, 19, daysAgo(5));
    expect((await placesOf(s.member.id, s.project.id)).map((place) => place.status)).toEqual(["ROTATED", "CONFIRMED"]);
    expect((await getDashboardSummary(s.member)).collaborations).toBe(1);

    // My research: both places under the one project, each with its time on the team and its cases.
    const research = await getMyResearch(s.member);
    expect(research.projects).toHaveLength(1);
    const [there, here] = research.projects[0]!.places;
    expect(there).toMatchObject({ site: "Addenbrooke's Hospital", status: "ROTATED", ending: "moved", cases: 30, countsForCredit: true, canLeave: false });
    expect(Math.abs(there!.endedAt!.getTime() - daysAgo(20).getTime())).toBeLessThan(60_000);
    expect(there!.history.map((entry) => entry.action)).toEqual(["collaboration.requested", "collaboration.confirmed", "collaboration.rotated"]);
    expect(here).toMatchObject({ site: "Ipswich Hospital", status: "CONFIRMED", ending: null, endedAt: null, cases: 12, countsForCredit: true, canLeave: true, mayRotate: true });
  });

  it("refuses a return to the hospital they moved on from, keeping the earlier time's credit, and says why", async () => {
    const s = await rotated();
    const before = await placesOf(s.member.id, s.project.id);
    expect(await refusalOf(requestToJoin(s.member, s.home.id))).toMatchObject({
      message:
        "You moved on from Addenbrooke's Hospital in this project, and your place there keeps the credit for your time on its team. A hospital keeps one place per person in a project, so you cannot ask to join there again.",
      field: "projectSiteId",
    });
    expect(await placesOf(s.member.id, s.project.id)).toEqual(before);
    // Nor by an invitation: accepting one would overwrite the earlier place as surely as asking.
    await inviteToSite(s.siteLead, { projectSiteId: s.home.id, email: s.member.email, role: "COLLABORATOR" });
    const invitation = await openInvitation(s.member.email, { projectSiteId: s.home.id });
    expect(await refusalOf(acceptInvitation(s.member, invitation.id))).toMatchObject({ message: expect.stringContaining("You moved on from Addenbrooke's Hospital") });
    expect(await placesOf(s.member.id, s.project.id)).toEqual(before);
    expect(await auditActions(s.first)).toEqual(["collaboration.requested", "collaboration.confirmed", "collaboration.rotated"]);
  });

  it("is refused, changing nothing, for a waiting request, a site lead, someone else's place, a place already ended and a project no longer collecting", async () => {
    const s = await siteScenario();
    const waiting = await requestToJoin(s.member, s.home.id);
    const snapshot = () => db.collaboration.findMany({ where: { projectSite: { projectId: s.project.id } }, orderBy: { id: "asc" } });
    const before = await snapshot();
    expect(await refusalOf(leaveProject(s.member, waiting, "rotate"))).toMatchObject({
      message: "Your request has not been confirmed, so there is no time on the team to keep: you can only withdraw it.",
    });
    const lead = await db.collaboration.findFirstOrThrow({ where: { userId: s.siteLead.id, projectSiteId: s.home.id } });
    expect(await refusalOf(leaveProject(s.siteLead, lead.id, "rotate"))).toMatchObject({
      message: "As the site lead, hand the site over to another collaborator before you leave.",
    });
    expect(await refusalOf(leaveProject(s.otherSiteLead, waiting, "rotate"))).toBeInstanceOf(ForbiddenError);
    expect(await snapshot()).toEqual(before);

    const moved = await rotated();
    const after = await placesOf(moved.member.id, moved.project.id);
    expect(await refusalOf(leaveProject(moved.member, moved.first, "rotate"))).toMatchObject({ message: "You are not taking part in this project." });
    expect(await refusalOf(leaveProject(moved.member, moved.first, "withdraw"))).toMatchObject({ message: "You are not taking part in this project." });
    expect(await placesOf(moved.member.id, moved.project.id)).toEqual(after);

    const finished = await siteScenario({ projectStatus: "ANALYSIS" });
    const done = await createCollaboration({ projectSiteId: finished.home.id, userId: finished.member.id });
    expect(await refusalOf(leaveProject(finished.member, done.id, "rotate"))).toMatchObject({ message: "Data collection has ended, so your part in this project stays on the record." });
    expect(await db.collaboration.findUniqueOrThrow({ where: { id: done.id } })).toMatchObject({ status: "CONFIRMED", endedAt: null });
  });
});

describe("withdrawing", () => {
  it("gives up the credit, dates the end, keeps the joined date, and lets the person join elsewhere", async () => {
    const s = await siteScenario();
    const id = await requestToJoin(s.member, s.home.id);
    await decideRequest(s.siteLead, id, "CONFIRM");
    const joined = (await db.collaboration.findUniqueOrThrow({ where: { id } })).decidedAt;
    await leaveProject(s.member, id, "withdraw");
    const row = await db.collaboration.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "LEFT", decidedAt: joined, endedAt: expect.any(Date) });
    expect(countsForAuthorship({ status: row.status, siteWithdrawn: false })).toBe(false);
    expect(await auditActions(id)).toEqual(["collaboration.requested", "collaboration.confirmed", "collaboration.left"]);
    const [place] = (await getMyResearch(s.member)).collaborations;
    expect(place).toMatchObject({ ending: "withdrew", countsForCredit: false });

    // Then at another hospital; and back at the first, where a withdrawal kept nothing to protect.
    const elsewhere = await requestToJoin(s.member, s.other.id);
    await leaveProject(s.member, elsewhere, "withdraw");
    expect(await requestToJoin(s.member, s.home.id)).toBe(id);
    expect(await db.collaboration.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "REQUESTED", decidedAt: null, endedAt: null });
  });

  it("withdraws a waiting request, which never joined the team", async () => {
    const s = await siteScenario();
    const id = await requestToJoin(s.member, s.home.id);
    await leaveProject(s.member, id, "withdraw");
    const [place] = (await getMyResearch(s.member)).collaborations;
    expect(place).toMatchObject({ status: "LEFT", joinedAt: null, cases: null, ending: "withdrew", countsForCredit: false });
  });
});

describe("the leave form's choice", () => {
  it("takes only moving hospital or withdrawing: anything else is a sentence at the field, and changes nothing", async () => {
    const s = await siteScenario();
    const id = await requestToJoin(s.member, s.home.id);
    await decideRequest(s.siteLead, id, "CONFIRM");
    const before = await db.collaboration.findUniqueOrThrow({ where: { id } });
    fc.assert(
      fc.property(hostileString, (choice) => {
        const parsed = leaveSchema.safeParse({ collaborationId: id, choice });
        if (parsed.success) {
          expect(["rotate", "withdraw"]).toContain(parsed.data.choice);
        } else {
          expect(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
            ["choice", "Choose whether you are moving to another hospital or withdrawing from the project"],
          ]);
        }
      }),
      { numRuns: 500 },
    );
    expect(leaveSchema.safeParse({ collaborationId: id }).error?.issues[0]?.message).toBe(
      "Choose whether you are moving to another hospital or withdrawing from the project",
    );
    expect(await db.collaboration.findUniqueOrThrow({ where: { id } })).toEqual(before);
  });
});

describe("my research's statements", () => {
  it("stay the same with ten times the places, rotations and reports", async () => {
    const s = await rotated();
    await requestToJoin(s.member, s.other.id);
    const measure = async () => (await countStatements(() => getMyResearch(s.member))).statements;
    const small = await measure();
    for (let i = 0; i < 10; i++) {
      const site = await createProjectSite({ projectId: s.project.id });
      const place = await createCollaboration({ projectSiteId: site.id, userId: s.member.id, status: "ROTATED" });
      await db.collaboration.update({ where: { id: place.id }, data: { decidedAt: daysAgo(90), endedAt: daysAgo(40) } });
      await reportProgress(site.id, s.siteLead.id, i * 3, daysAgo(50));
      await reportProgress(site.id, s.siteLead.id, i * 5, daysAgo(10));
      await db.auditEvent.create({ data: { actorId: s.member.id, action: "collaboration.rotated", entityType: "Collaboration", entityId: place.id } });
      await createCollaboration({ projectSiteId: site.id, userId: (await createUser()).id });
    }
    expect(await measure()).toBe(small);
    expect(small).toBeLessThanOrEqual(3);
    expect((await getMyResearch(asActor(await db.user.findUniqueOrThrow({ where: { id: s.member.id } })))).projects[0]!.places).toHaveLength(12);
  });
});
