import { describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/authz";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { requestToJoin } from "@/lib/collaborations/participation";
import { getSiteProgress, recordProgress } from "@/lib/sites/progress";
import { acceptInvitation } from "@/lib/invitations/lifecycle";
import { inviteToSite } from "@/lib/invitations/send";
import { MAX_SITE_LEADS } from "@/lib/participation/rules";
import { decideTeamRequest, getSiteTeam, recordContribution, removeMember } from "@/lib/sites/team";
import { recordProgressSchema } from "@/lib/validation/sites";
import { createCollaboration, createUser, reportProgress } from "../support/factories";
import { inviteAndAccept, openInvitation } from "../support/invitations";
import { asActor, auditActions, refusalOf, siteScenario } from "../support/sites";

const today = () => new Date().toISOString().slice(0, 10);
const progress = (projectSiteId: string, fields: Record<string, string>) =>
  recordProgressSchema.parse({ projectSiteId, reportedOn: today(), ...fields });

describe("the site team", () => {
  it("invites a member by e-mail address with a role; they join only when they accept, and each side is told", async () => {
    const { home, siteLead, homeHospital, project } = await siteScenario();
    const person = asActor(await createUser({ name: "Zoë Ó Súilleabháin", email: "zoe@example.net", siteId: homeHospital.id }));
    expect(await inviteToSite(siteLead, { projectSiteId: home.id, email: "zoe@example.net", role: "COLLABORATOR" })).toEqual({ outcome: "invited" });
    // Invited, not in the team: the page shows the invitation apart, and the person holds no place.
    expect(await db.collaboration.count({ where: { userId: person.id } })).toBe(0);
    let team = await getSiteTeam(siteLead, project.slug, homeHospital.odsCode);
    expect(team.members.map((member) => member.name)).toEqual(["Catriona MacLeod"]);
    expect(team.invitations.map((invitation) => [invitation.email, invitation.kind, invitation.invitedBy])).toEqual([["zoe@example.net", "TEAM_MEMBER", "Catriona MacLeod"]]);
    expect(await db.notification.count({ where: { userId: person.id, kind: "invitation.received", projectId: project.id } })).toBe(1);
    expect(await db.emailMessage.findMany({ where: { to: "zoe@example.net" }, select: { subject: true, userId: true } })).toEqual([
      { subject: "Invitation to join the team at Addenbrooke's Hospital", userId: person.id },
    ]);

    const invitation = await openInvitation("zoe@example.net", { projectSiteId: home.id });
    expect(await acceptInvitation(person, invitation.id)).toMatchObject({ message: `You are now a collaborator at Addenbrooke's Hospital in “${project.title}”.` });
    const collaboration = await db.collaboration.findFirstOrThrow({ where: { userId: person.id } });
    expect(collaboration).toMatchObject({ role: "COLLABORATOR", status: "CONFIRMED", projectSiteId: home.id });
    expect(await auditActions(collaboration.id)).toEqual(["collaboration.added"]);
    expect(await auditActions(invitation.id)).toEqual(["invitation.sent", "invitation.accepted"]);
    expect(await db.notification.count({ where: { userId: siteLead.id, kind: "invitation.accepted" } })).toBe(1);
    team = await getSiteTeam(siteLead, project.slug, homeHospital.odsCode);
    expect(team.members.map((member) => [member.name, member.role, member.authorship])).toEqual([
      ["Catriona MacLeod", "SITE_LEAD", "MacLeod C"],
      ["Zoë Ó Súilleabháin", "COLLABORATOR", "Ó Súilleabháin Z"],
    ]);
    expect(team.invitations).toEqual([]);
    expect(team.canManage).toBe(true);
  });

  it("answers the same whether the address is unknown, a member's, or a member's on another team; says only what the page shows", async () => {
    const { home, other, siteLead, member } = await siteScenario();
    expect(await inviteToSite(siteLead, { projectSiteId: home.id, email: "nobody@example.net", role: "COLLABORATOR" })).toEqual({ outcome: "invited" });
    await inviteAndAccept(siteLead, home.id, member);
    // In the team already: the team page lists them, so saying so tells nothing new.
    expect(await refusalOf(inviteToSite(siteLead, { projectSiteId: home.id, email: member.email, role: "COLLABORATOR" }))).toMatchObject({
      field: "email",
      message: "Aisha Rahman is already in the team as a collaborator.",
    });
    const busy = asActor(await createUser({ name: "Ben Ward" }));
    await createCollaboration({ projectSiteId: other.id, userId: busy.id });
    expect(await inviteToSite(siteLead, { projectSiteId: home.id, email: busy.email, role: "COLLABORATOR" })).toEqual({ outcome: "invited" });
    // Where they take part is theirs to be told, when they try to accept.
    const invitation = await openInvitation(busy.email, { projectSiteId: home.id });
    expect(await refusalOf(acceptInvitation(busy, invitation.id))).toMatchObject({
      message: expect.stringMatching(/^You already take part in “Project \d+” at Ipswich Hospital\. A member takes part at one hospital of a project/),
    });
    // Once Ipswich withdraws, its team is free to join elsewhere; their place there stays on the record.
    await db.projectSite.update({ where: { id: other.id }, data: { status: "WITHDRAWN" } });
    await acceptInvitation(busy, invitation.id);
    expect(await db.collaboration.findMany({ where: { userId: busy.id }, select: { projectSiteId: true, status: true }, orderBy: { requestedAt: "asc" } })).toEqual([
      { projectSiteId: other.id, status: "CONFIRMED" },
      { projectSiteId: home.id, status: "CONFIRMED" },
    ]);
  });

  it("turns a waiting request into a confirmed place when that person accepts the site lead's invitation", async () => {
    const { home, siteLead, member } = await siteScenario();
    const id = await requestToJoin(member, home.id);
    expect(await inviteAndAccept(siteLead, home.id, member)).toBe(id);
    expect(await db.collaboration.count({ where: { userId: member.id } })).toBe(1);
    expect(await db.collaboration.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "CONFIRMED" });
  });

  it("allows a second site lead, and no more", async () => {
    const { home, siteLead } = await siteScenario();
    expect(MAX_SITE_LEADS).toBe(2);
    const second = asActor(await createUser());
    await inviteAndAccept(siteLead, home.id, second, "SITE_LEAD");
    // The second site lead acts as the first does.
    const third = await createUser();
    expect(await refusalOf(inviteToSite(second, { projectSiteId: home.id, email: third.email, role: "SITE_LEAD" }))).toMatchObject({
      field: "role",
      message: "A site can have 2 site leads at most, and this site has 2.",
    });
    await inviteToSite(second, { projectSiteId: home.id, email: third.email, role: "COLLABORATOR" });
  });

  it("makes a confirmed collaborator the second site lead once they accept, and back, but never leaves the site without one", async () => {
    const { home, siteLead, member } = await siteScenario();
    const id = await requestToJoin(member, home.id);
    await decideTeamRequest(siteLead, home.id, id, "CONFIRM");
    expect(await inviteToSite(siteLead, { projectSiteId: home.id, email: member.email, role: "SITE_LEAD" })).toEqual({ outcome: "invited" });
    // Not a site lead until they say yes.
    expect(await db.collaboration.findUniqueOrThrow({ where: { id } })).toMatchObject({ role: "COLLABORATOR", status: "CONFIRMED" });
    await acceptInvitation(member, (await openInvitation(member.email, { projectSiteId: home.id })).id);
    expect(await db.collaboration.findUniqueOrThrow({ where: { id } })).toMatchObject({ role: "SITE_LEAD", status: "CONFIRMED" });
    expect((await auditActions(id)).at(-1)).toBe("collaboration.roleChanged");
    // The new site lead may now act for the site; the first steps down at once (giving up a role needs no consent).
    expect(await inviteToSite(member, { projectSiteId: home.id, email: siteLead.email, role: "COLLABORATOR" })).toEqual({ outcome: "roleChanged", name: "Catriona MacLeod" });
    expect(await refusalOf(inviteToSite(member, { projectSiteId: home.id, email: member.email, role: "COLLABORATOR" }))).toMatchObject({
      message: "A site needs a site lead. Invite someone else to be a site lead first.",
    });
    expect(await db.collaboration.count({ where: { projectSiteId: home.id, role: "SITE_LEAD", status: "CONFIRMED" } })).toBe(1);
  });

  it("respects the project's team cap, when inviting, when accepting and when confirming, even at the same moment", async () => {
    const { home, siteLead, project } = await siteScenario();
    await db.project.update({ where: { id: project.id }, data: { teamCap: 2 } });
    const [a, b, c] = [asActor(await createUser()), asActor(await createUser()), asActor(await createUser())];
    await inviteAndAccept(siteLead, home.id, a);
    await inviteToSite(siteLead, { projectSiteId: home.id, email: b.email, role: "COLLABORATOR" });
    const invitation = await openInvitation(b.email, { projectSiteId: home.id });
    const waiting = await requestToJoin(c, home.id);
    const results = await Promise.allSettled([acceptInvitation(b, invitation.id), decideTeamRequest(siteLead, home.id, waiting, "CONFIRM")]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect((results.find((result) => result.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({
      message: expect.stringMatching(/^(This site already has 2 collaborators, the most this project allows\.|The team at Addenbrooke's Hospital is full: it has 2 collaborators)/),
    });
    expect(await db.collaboration.count({ where: { projectSiteId: home.id, role: "COLLABORATOR", status: "CONFIRMED" } })).toBe(2);
    // A full team is said so at once, rather than after an e-mail.
    expect(await refusalOf(inviteToSite(siteLead, { projectSiteId: home.id, email: (await createUser()).email, role: "COLLABORATOR" }))).toMatchObject({
      message: "This site already has 2 collaborators, the most this project allows.",
    });
    // Site leads do not count against the cap.
    await inviteAndAccept(siteLead, home.id, asActor(await createUser()), "SITE_LEAD");
  });

  it("removes a member after confirmation in the page, but never the last site lead", async () => {
    const { home, siteLead, member } = await siteScenario();
    const collaborationId = await inviteAndAccept(siteLead, home.id, member);
    await removeMember(siteLead, home.id, collaborationId);
    expect(await db.collaboration.findUniqueOrThrow({ where: { id: collaborationId } })).toMatchObject({ status: "LEFT" });
    expect(await auditActions(collaborationId)).toEqual(["collaboration.added", "collaboration.removed"]);
    expect(await db.notification.count({ where: { userId: member.id, kind: "collaboration.removed" } })).toBe(1);
    expect(await refusalOf(removeMember(siteLead, home.id, collaborationId))).toBeInstanceOf(DomainError);
    const own = await db.collaboration.findFirstOrThrow({ where: { projectSiteId: home.id, userId: siteLead.id } });
    expect(await refusalOf(removeMember(siteLead, home.id, own.id))).toMatchObject({ message: expect.stringMatching(/^A site needs a site lead/) });
    expect(await db.collaboration.findUniqueOrThrow({ where: { id: own.id } })).toMatchObject({ status: "CONFIRMED" });
  });

  it("records each member's contribution, and confirms or declines requests from the team page", async () => {
    const { home, siteLead, member, project, homeHospital } = await siteScenario();
    const id = await requestToJoin(member, home.id);
    await decideTeamRequest(siteLead, home.id, id, "CONFIRM");
    await recordContribution(siteLead, { projectSiteId: home.id, collaborationId: id, contribution: "Case identification" });
    expect(await db.collaboration.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "CONFIRMED", contribution: "Case identification" });
    expect(await auditActions(id)).toEqual(["collaboration.requested", "collaboration.confirmed", "collaboration.contributionRecorded"]);
    // Saving the same text again changes nothing and writes nothing.
    await recordContribution(siteLead, { projectSiteId: home.id, collaborationId: id, contribution: "Case identification" });
    expect(await auditActions(id)).toHaveLength(3);
    const team = await getSiteTeam(siteLead, project.slug, homeHospital.odsCode);
    expect(team.members.find((row) => row.collaborationId === id)?.contribution).toBe("Case identification");
  });

  it("refuses a collaboration of another site sent with this site's id, and changes nothing", async () => {
    const { home, other, siteLead, otherSiteLead } = await siteScenario();
    const stranger = asActor(await createUser());
    const theirs = await requestToJoin(stranger, other.id);
    const lead = await db.collaboration.findFirstOrThrow({ where: { projectSiteId: other.id, userId: otherSiteLead.id } });
    expect(await refusalOf(decideTeamRequest(siteLead, home.id, theirs, "CONFIRM"))).toBeInstanceOf(NotFoundError);
    expect(await refusalOf(removeMember(siteLead, home.id, lead.id))).toBeInstanceOf(NotFoundError);
    expect(await refusalOf(recordContribution(siteLead, { projectSiteId: home.id, collaborationId: lead.id, contribution: "x" }))).toBeInstanceOf(NotFoundError);
    expect(await refusalOf(decideTeamRequest(siteLead, other.id, theirs, "CONFIRM"))).toBeInstanceOf(ForbiddenError);
    expect(await db.collaboration.findUniqueOrThrow({ where: { id: theirs } })).toMatchObject({ status: "REQUESTED" });
    expect(await db.collaboration.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ status: "CONFIRMED", contribution: null });
  });
});

describe("recording progress", () => {
  it("appends each count to the history; the current count is the latest", async () => {
    const { home, siteLead, project, homeHospital } = await siteScenario();
    await recordProgress(siteLead, progress(home.id, { cumulativeCases: "12", note: "First week" }));
    await recordProgress(siteLead, progress(home.id, { cumulativeCases: "20" }));
    const view = await getSiteProgress(siteLead, project.slug, homeHospital.odsCode);
    expect(view.current).toBe(20);
    expect(view.history.map((entry) => [entry.cumulativeCases, entry.note, entry.reportedBy])).toEqual([
      [20, null, "Catriona MacLeod"],
      [12, "First week", "Catriona MacLeod"],
    ]);
    expect(await auditActions(home.id)).toEqual(["site.progressRecorded", "site.progressRecorded"]);
  });

  it("refuses a negative or non-numeric count at the field", () => {
    const messages = (value: string) => recordProgressSchema.safeParse({ projectSiteId: "00000000-0000-4000-8000-000000000000", reportedOn: today(), cumulativeCases: value }).error?.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(messages("-3")).toEqual([["cumulativeCases", "The number of cases cannot be negative"]]);
    expect(messages("twelve")).toEqual([["cumulativeCases", "Enter the number of cases as a whole number, like 24"]]);
    expect(messages("")).toEqual([["cumulativeCases", "Enter the number of cases submitted so far"]]);
    expect(messages("0")).toBeUndefined();
  });

  it("asks to confirm a count above ten times the target", async () => {
    const { home, siteLead } = await siteScenario();
    expect(await refusalOf(recordProgress(siteLead, progress(home.id, { cumulativeCases: "501" })))).toMatchObject({
      field: "confirmLarge",
      message: "501 is more than 10 times the site's target of 50. Check the number, then tick the box to confirm it.",
    });
    expect(await db.progressReport.count({ where: { projectSiteId: home.id } })).toBe(0);
    await recordProgress(siteLead, progress(home.id, { cumulativeCases: "500" }));
    await recordProgress(siteLead, progress(home.id, { cumulativeCases: "501", confirmLarge: "on" }));
    expect(await db.progressReport.count({ where: { projectSiteId: home.id } })).toBe(2);
  });

  it("never lowers the count silently: a lower count needs a reason, which is kept", async () => {
    const { home, siteLead } = await siteScenario();
    await recordProgress(siteLead, progress(home.id, { cumulativeCases: "30" }));
    expect(await refusalOf(recordProgress(siteLead, progress(home.id, { cumulativeCases: "25" })))).toMatchObject({
      field: "correctionReason",
      message: "25 is lower than the last count of 30. Give the reason for the correction.",
    });
    await recordProgress(siteLead, progress(home.id, { cumulativeCases: "25", correctionReason: "Five cases were inpatients" }));
    const reports = await db.progressReport.findMany({ where: { projectSiteId: home.id }, orderBy: { reportedAt: "asc" } });
    expect(reports.map((report) => [report.cumulativeCases, report.correctionReason])).toEqual([
      [30, null],
      [25, "Five cases were inpatients"],
    ]);
  });

  it("refuses a count dated before the last one, or in the future", async () => {
    const { home, siteLead, lead } = await siteScenario();
    await reportProgress(home.id, lead.id, 10, new Date());
    const yesterday = new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    expect(await refusalOf(recordProgress(siteLead, progress(home.id, { cumulativeCases: "12", reportedOn: yesterday })))).toMatchObject({
      field: "reportedOn",
    });
    const tomorrow = new Date(Date.now() + 2 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    expect(recordProgressSchema.safeParse({ projectSiteId: home.id, cumulativeCases: "1", reportedOn: tomorrow }).error?.issues[0]?.message).toBe(
      "Date of the count must be today or in the past",
    );
  });

  it("keeps both counts when two site leads record at the same moment", async () => {
    const { home, siteLead } = await siteScenario();
    const second = asActor(await createUser({ name: "Ravi Patel" }));
    await inviteAndAccept(siteLead, home.id, second, "SITE_LEAD");
    await recordProgress(siteLead, progress(home.id, { cumulativeCases: "20" }));
    await Promise.all([
      recordProgress(siteLead, progress(home.id, { cumulativeCases: "31", note: "Catriona's count" })),
      recordProgress(second, progress(home.id, { cumulativeCases: "31", note: "Ravi's count" })),
    ]);
    const reports = await db.progressReport.findMany({ where: { projectSiteId: home.id }, orderBy: { reportedAt: "asc" } });
    expect(reports).toHaveLength(3);
    expect(reports.slice(1).map((report) => report.note).sort()).toEqual(["Catriona's count", "Ravi's count"]);
    expect(new Set(reports.map((report) => report.reportedAt.getTime())).size).toBe(3);
  });

  it("under a race of a higher and a lower count, never lets the count go down without a reason", async () => {
    for (let round = 0; round < 3; round++) {
      const { home, siteLead, otherSiteLead } = await siteScenario();
      const second = asActor(await createUser());
      await inviteAndAccept(siteLead, home.id, second, "SITE_LEAD");
      await recordProgress(siteLead, progress(home.id, { cumulativeCases: "20" }));
      const results = await Promise.allSettled([
        recordProgress(siteLead, progress(home.id, { cumulativeCases: "40" })),
        recordProgress(second, progress(home.id, { cumulativeCases: "30" })),
      ]);
      const reports = await db.progressReport.findMany({ where: { projectSiteId: home.id }, orderBy: { reportedAt: "asc" } });
      for (let i = 1; i < reports.length; i++) {
        if (reports[i]!.cumulativeCases < reports[i - 1]!.cumulativeCases) expect(reports[i]!.correctionReason).not.toBeNull();
      }
      expect(results.filter((result) => result.status === "fulfilled").length).toBe(reports.length - 1);
      void otherSiteLead;
    }
  });

  it("is only possible at an active site of a project collecting data", async () => {
    const pending = await siteScenario({ homeStatus: "APPROVALS_PENDING" });
    expect(await refusalOf(recordProgress(pending.siteLead, progress(pending.home.id, { cumulativeCases: "1" })))).toMatchObject({
      message: expect.stringMatching(/once the site is active/),
    });
    const setup = await siteScenario({ projectStatus: "SITE_SETUP" });
    expect(await refusalOf(recordProgress(setup.siteLead, progress(setup.home.id, { cumulativeCases: "1" })))).toMatchObject({
      message: "Cases can be recorded while the project is collecting data.",
    });
    expect(await db.progressReport.count({ where: { projectSiteId: { in: [pending.home.id, setup.home.id] } } })).toBe(0);
  });
});
