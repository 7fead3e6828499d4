import { describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/authz";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { requestToJoin } from "@/lib/collaborations/participation";
import { decideRequest } from "@/lib/collaborations/site-requests";
import { acceptInvitation } from "@/lib/invitations/lifecycle";
import { inviteToSite } from "@/lib/invitations/send";
import { deletePeriod, editPeriod, generateProjectPeriods, getProjectPeriods } from "@/lib/periods/periods";
import { getSiteProgress, recordProgress } from "@/lib/sites/progress";
import { getSiteTeam } from "@/lib/sites/team";
import { getRegistrationOptions } from "@/lib/sites/register";
import { editPeriodSchema, generatePeriodsSchema } from "@/lib/validation/periods";
import { recordProgressSchema } from "@/lib/validation/sites";
import { createCollaboration, createUser } from "../support/factories";
import { openInvitation } from "../support/invitations";
import { countStatements } from "../support/query-count";
import { asActor, refusalOf, siteScenario } from "../support/sites";

const DAY = 24 * 60 * 60 * 1000;
const midnight = () => {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
};
const iso = (date: Date) => date.toISOString().slice(0, 10);
const dateParts = (date: Date) => ({ day: String(date.getUTCDate()), month: String(date.getUTCMonth() + 1), year: String(date.getUTCFullYear()) });

/**
 * A project collecting from eight weeks ago for twenty weeks, with a cap of three collaborators,
 * divided into four-week periods by its lead: period 1 ended, period 3 is the current one, 4 and 5 are to come.
 */
async function periodsScenario() {
  const s = await siteScenario();
  const start = new Date(midnight().getTime() - 8 * 7 * DAY - 2 * DAY);
  await db.project.update({ where: { id: s.project.id }, data: { teamCap: 3, collectionStart: start, collectionEnd: new Date(start.getTime() + 20 * 7 * DAY - DAY) } });
  await generateProjectPeriods(s.lead, generatePeriodsSchema.parse({ projectId: s.project.id, weeks: "4" }));
  const periods = await db.collectionPeriod.findMany({ where: { projectId: s.project.id }, orderBy: { number: "asc" } });
  const [past, , current, next] = periods;
  return { ...s, periods, past: past!, current: current!, next: next!, start };
}

async function confirmedIn(projectSiteId: string, periodId: string, count: number) {
  for (let i = 0; i < count; i++) {
    const user = await createUser();
    await db.collaboration.create({ data: { projectSiteId, userId: user.id, role: "COLLABORATOR", status: "CONFIRMED", decidedAt: new Date(), periodId } });
  }
}

describe("defining periods", () => {
  it("divides the collection window into consecutive four-week blocks, the last one ending with the window, and records it", async () => {
    const s = await periodsScenario();
    expect(s.periods.map((period) => period.number)).toEqual([1, 2, 3, 4, 5]);
    expect(iso(s.periods[0]!.startsOn)).toBe(iso(s.start));
    expect(iso(s.periods[0]!.endsOn)).toBe(iso(new Date(s.start.getTime() + 27 * DAY)));
    expect(iso(s.periods[1]!.startsOn)).toBe(iso(new Date(s.start.getTime() + 28 * DAY)));
    expect(iso(s.periods.at(-1)!.endsOn)).toBe(iso(new Date(s.start.getTime() + 20 * 7 * DAY - DAY)));
    const page = await getProjectPeriods(s.lead, s.project.slug);
    expect(page.periods.map((period) => [period.number, period.current, period.ended])).toEqual([
      [1, false, true],
      [2, false, true],
      [3, true, false],
      [4, false, false],
      [5, false, false],
    ]);
    expect(await db.auditEvent.count({ where: { entityId: s.project.id, action: "project.periodsGenerated" } })).toBe(1);
    // Generating again (nothing in use yet) replaces them.
    expect(await generateProjectPeriods(s.lead, generatePeriodsSchema.parse({ projectId: s.project.id, weeks: "10" }))).toBe(2);
  });

  it("refuses a change that makes two periods overlap, or puts one outside the window, and changes nothing", async () => {
    const s = await periodsScenario();
    const overlap = editPeriodSchema.parse({
      projectId: s.project.id,
      periodId: s.next.id,
      startsOn: dateParts(new Date(s.current.endsOn.getTime() - 3 * DAY)),
      endsOn: dateParts(s.next.endsOn),
    });
    expect(await refusalOf(editPeriod(s.lead, overlap))).toMatchObject({ message: expect.stringMatching(/^Period 4 overlaps Period 3, which ends on .*Periods must not overlap\.$/) });
    const outside = editPeriodSchema.parse({ projectId: s.project.id, periodId: s.periods[0]!.id, startsOn: dateParts(new Date(s.start.getTime() - 7 * DAY)), endsOn: dateParts(s.periods[0]!.endsOn) });
    expect(await refusalOf(editPeriod(s.lead, outside))).toMatchObject({ field: "startsOn", message: expect.stringContaining("when data collection starts") });
    expect(await db.collectionPeriod.findMany({ where: { projectId: s.project.id }, orderBy: { number: "asc" } })).toEqual(s.periods);
    // A change within the rules goes through; deleting a period numbers the others again in date order.
    const shorter = editPeriodSchema.parse({ projectId: s.project.id, periodId: s.next.id, startsOn: dateParts(s.next.startsOn), endsOn: dateParts(new Date(s.next.endsOn.getTime() - 7 * DAY)) });
    await editPeriod(s.lead, shorter);
    await deletePeriod(s.lead, { projectId: s.project.id, periodId: s.periods[1]!.id });
    const after = await db.collectionPeriod.findMany({ where: { projectId: s.project.id }, orderBy: { number: "asc" } });
    expect(after.map((period) => [period.id, period.number])).toEqual([
      [s.periods[0]!.id, 1],
      [s.current.id, 2],
      [s.next.id, 3],
      [s.periods[4]!.id, 4],
    ]);
    expect(iso(after[2]!.endsOn)).toBe(iso(new Date(s.next.endsOn.getTime() - 7 * DAY)));
  });

  it("refuses to change, delete or generate over a period a place or a count uses, with the reason", async () => {
    const s = await periodsScenario();
    await confirmedIn(s.home.id, s.current.id, 1);
    const refusal = await refusalOf(deletePeriod(s.lead, { projectId: s.project.id, periodId: s.current.id }));
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ message: "Period 3 is in use (1 place on teams, 0 counts of cases), so it stays as it is." });
    expect(await refusalOf(generateProjectPeriods(s.lead, generatePeriodsSchema.parse({ projectId: s.project.id, weeks: "2" })))).toMatchObject({ field: "weeks" });
    const edit = editPeriodSchema.parse({ projectId: s.project.id, periodId: s.current.id, startsOn: dateParts(s.current.startsOn), endsOn: dateParts(s.current.startsOn) });
    expect(await refusalOf(editPeriod(s.lead, edit))).toBeInstanceOf(DomainError);
    expect(await db.collectionPeriod.count({ where: { projectId: s.project.id } })).toBe(5);
    expect((await getProjectPeriods(s.lead, s.project.slug)).regenerateRefusal).toMatch(/^Period 3 is in use/);
  });
});

describe("who manages periods", () => {
  it("is the project's leads and co-leads only; everyone else is refused and nothing changes", async () => {
    const s = await periodsScenario();
    const coLead = asActor(await createUser({ name: "Priya Nair" }));
    await db.projectLead.create({ data: { projectId: s.project.id, userId: coLead.id, role: "CO_LEAD" } });
    const input = { projectId: s.project.id, periodId: s.periods[4]!.id };
    for (const [who, actor] of [
      ["member", s.member],
      ["site lead", s.siteLead],
      ["committee", s.committee],
      ["admin", s.admin],
    ] as const) {
      expect(await refusalOf(getProjectPeriods(actor, s.project.slug)), who).toBeInstanceOf(ForbiddenError);
      expect(await refusalOf(deletePeriod(actor, input)), who).toBeInstanceOf(ForbiddenError);
      expect(await refusalOf(generateProjectPeriods(actor, generatePeriodsSchema.parse({ projectId: s.project.id, weeks: "2" }))), who).toBeInstanceOf(ForbiddenError);
    }
    expect(await db.collectionPeriod.count({ where: { projectId: s.project.id } })).toBe(5);
    expect((await getProjectPeriods(s.lead, s.project.slug)).periods).toHaveLength(5);
    await deletePeriod(coLead, input);
    expect(await db.collectionPeriod.count({ where: { projectId: s.project.id } })).toBe(4);
  });

  it("finds no period of another project through this one's form, and refuses another project's", async () => {
    const mine = await periodsScenario();
    const theirs = await periodsScenario();
    const foreign = theirs.periods[4]!.id;
    expect(await refusalOf(deletePeriod(mine.lead, { projectId: mine.project.id, periodId: foreign }))).toBeInstanceOf(NotFoundError);
    expect(await refusalOf(deletePeriod(mine.lead, { projectId: theirs.project.id, periodId: foreign }))).toBeInstanceOf(ForbiddenError);
    const edit = editPeriodSchema.parse({ projectId: mine.project.id, periodId: foreign, startsOn: dateParts(theirs.periods[4]!.startsOn), endsOn: dateParts(theirs.periods[4]!.startsOn) });
    expect(await refusalOf(editPeriod(mine.lead, edit))).toBeInstanceOf(NotFoundError);
    expect(await db.collectionPeriod.count({ where: { projectId: theirs.project.id } })).toBe(5);
    // Nor is another project's period a choice for a request here.
    expect(await refusalOf(requestToJoin(mine.member, mine.home.id, foreign))).toMatchObject({ field: "periodId", message: "Select one of this project's data-collection periods." });
  });
});

describe("the team cap per period", () => {
  it("refuses a request for a full period, or one that ended, and takes one for a period with room", async () => {
    const s = await periodsScenario();
    await confirmedIn(s.home.id, s.current.id, 3);
    expect(await refusalOf(requestToJoin(s.member, s.home.id))).toMatchObject({ field: "periodId", message: "Select the data-collection period the place is for." });
    expect(await refusalOf(requestToJoin(s.member, s.home.id, s.current.id))).toMatchObject({
      field: "periodId",
      message: "Period 3 at this site already has 3 collaborators, the most this project allows per period. Choose another period.",
    });
    expect(await refusalOf(requestToJoin(s.member, s.home.id, s.past.id))).toMatchObject({ message: expect.stringMatching(/^Period 1 ended on .*Choose the current period or a later one\.$/) });
    expect(await db.collaboration.count({ where: { userId: s.member.id } })).toBe(0);
    const id = await requestToJoin(s.member, s.home.id, s.next.id);
    expect(await db.collaboration.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "REQUESTED", periodId: s.next.id });
  });

  it("offers the current and later periods where a member registering a hospital already taken may ask to join its team instead", async () => {
    const s = await periodsScenario();
    const options = await getRegistrationOptions(s.member, s.project.slug);
    expect(options.periods.map((period) => period.id)).toEqual([s.current.id, s.next.id, s.periods[4]!.id]);
    expect(options.periods[0]!.label).toMatch(/^Period 3 \(/);
  });

  it("confirms for the period chosen only while it has room; another period's team is apart", async () => {
    const s = await periodsScenario();
    const id = await requestToJoin(s.member, s.home.id, s.current.id);
    await confirmedIn(s.home.id, s.current.id, 3);
    expect(await refusalOf(decideRequest(s.siteLead, id, "CONFIRM"))).toMatchObject({
      message: "Period 3 at this site already has 3 collaborators, the most this project allows per period. Choose another period.",
    });
    expect(await refusalOf(decideRequest(s.siteLead, id, "CONFIRM", s.past.id))).toMatchObject({ message: expect.stringMatching(/^Period 1 ended on/) });
    expect(await db.collaboration.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "REQUESTED", periodId: s.current.id });
    await decideRequest(s.siteLead, id, "CONFIRM", s.next.id);
    expect(await db.collaboration.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "CONFIRMED", periodId: s.next.id });
    // A place from before the periods counts toward no period's cap, and shows for all periods.
    await createCollaboration({ projectSiteId: s.home.id, userId: (await createUser({ name: "Old Hand" })).id });
    const team = await getSiteTeam(s.siteLead, s.project.slug, s.homeHospital.odsCode);
    expect(team.periods.map((period) => [period.number, period.taken, period.fullReason !== null])).toEqual([
      [1, 0, false],
      [2, 0, false],
      [3, 3, true],
      [4, 1, false],
      [5, 0, false],
    ]);
    expect(team.members.filter((member) => member.periodId === null).map((member) => member.name).sort()).toEqual(["Catriona MacLeod", "Old Hand"]);
    expect(team.openPeriodIds).toEqual([s.current.id, s.next.id, s.periods[4]!.id]);
  });

  it("places an accepted invitation in the first period still open with room, and refuses when every one is full", async () => {
    const s = await periodsScenario();
    await confirmedIn(s.home.id, s.current.id, 3);
    const person = asActor(await createUser({ name: "Nia Evans" }));
    expect(await inviteToSite(s.siteLead, { projectSiteId: s.home.id, email: person.email, role: "COLLABORATOR" })).toEqual({ outcome: "invited" });
    const invitation = await openInvitation(person.email, { projectSiteId: s.home.id });
    const accepted = await acceptInvitation(person, invitation.id);
    expect(accepted.message).toMatch(/, for Period 4 \(/);
    expect(await db.collaboration.findFirstOrThrow({ where: { userId: person.id } })).toMatchObject({ status: "CONFIRMED", periodId: s.next.id });

    await confirmedIn(s.home.id, s.next.id, 2);
    await confirmedIn(s.home.id, s.periods[4]!.id, 3);
    const late = asActor(await createUser({ name: "Rhys Morgan" }));
    expect(await refusalOf(inviteToSite(s.siteLead, { projectSiteId: s.home.id, email: late.email, role: "COLLABORATOR" }))).toMatchObject({
      field: "email",
      message: "Every data-collection period still to come at this site already has 3 collaborators, the most this project allows per period.",
    });
  });

  it("puts a site lead who steps down into the first period with room, and refuses when every one is full: no way round the cap", async () => {
    const s = await periodsScenario();
    const second = await createUser({ name: "Second Lead" });
    await createCollaboration({ projectSiteId: s.home.id, userId: second.id, role: "SITE_LEAD" });
    await confirmedIn(s.home.id, s.current.id, 3);
    expect(await inviteToSite(s.siteLead, { projectSiteId: s.home.id, email: second.email, role: "COLLABORATOR" })).toMatchObject({ outcome: "roleChanged" });
    expect(await db.collaboration.findFirstOrThrow({ where: { userId: second.id } })).toMatchObject({ role: "COLLABORATOR", periodId: s.next.id });

    const third = await createUser({ name: "Third Lead" });
    await createCollaboration({ projectSiteId: s.home.id, userId: third.id, role: "SITE_LEAD" });
    await confirmedIn(s.home.id, s.next.id, 2);
    await confirmedIn(s.home.id, s.periods[4]!.id, 3);
    expect(await refusalOf(inviteToSite(s.siteLead, { projectSiteId: s.home.id, email: third.email, role: "COLLABORATOR" }))).toMatchObject({
      message: "Every data-collection period still to come at this site already has 3 collaborators, the most this project allows per period.",
    });
    expect(await db.collaboration.findFirstOrThrow({ where: { userId: third.id } })).toMatchObject({ role: "SITE_LEAD", periodId: null });
  });

  it("lets only one of two confirmations at the same moment take a period's last place", async () => {
    const s = await periodsScenario();
    await confirmedIn(s.home.id, s.current.id, 2);
    const first = await requestToJoin(s.member, s.home.id, s.current.id);
    const second = await requestToJoin(asActor(await createUser({ name: "Tomos Hughes" })), s.home.id, s.current.id);
    const results = await Promise.allSettled([decideRequest(s.siteLead, first, "CONFIRM"), decideRequest(s.siteLead, second, "CONFIRM")]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ message: expect.stringMatching(/^Period 3 at this site already has 3 collaborators/) });
    expect(await db.collaboration.count({ where: { projectSiteId: s.home.id, periodId: s.current.id, status: "CONFIRMED" } })).toBe(3);
  });

  it("leaves a project without periods as it was: no period asked for, the cap over the whole site", async () => {
    const s = await siteScenario();
    await db.project.update({ where: { id: s.project.id }, data: { teamCap: 1 } });
    const id = await requestToJoin(s.member, s.home.id, "00000000-0000-4000-8000-000000000000");
    expect(await db.collaboration.findUniqueOrThrow({ where: { id } })).toMatchObject({ periodId: null });
    await decideRequest(s.siteLead, id, "CONFIRM");
    const other = await requestToJoin(asActor(await createUser()), s.home.id);
    expect(await refusalOf(decideRequest(s.siteLead, other, "CONFIRM"))).toMatchObject({ message: "This site already has 1 collaborators, the most this project allows." });
    expect((await getSiteTeam(s.siteLead, s.project.slug, s.homeHospital.odsCode)).periods).toEqual([]);
  });
});

describe("progress per period", () => {
  const count = (projectSiteId: string, fields: Record<string, string>) =>
    recordProgressSchema.parse({ projectSiteId, reportedOn: iso(new Date()), ...fields });

  it("records each period's count and stores the site's total as the sum of each period's latest", async () => {
    const s = await periodsScenario();
    await confirmedIn(s.home.id, s.current.id, 2);
    expect(await refusalOf(recordProgress(s.siteLead, count(s.home.id, { cumulativeCases: "4" })))).toMatchObject({ field: "periodId" });
    expect(await refusalOf(recordProgress(s.siteLead, count(s.home.id, { cumulativeCases: "4", periodId: s.next.id })))).toMatchObject({
      field: "periodId",
      message: expect.stringMatching(/^Period 4 starts on .*: its cases can be counted from then\.$/),
    });
    expect(await recordProgress(s.siteLead, count(s.home.id, { cumulativeCases: "12", periodId: s.past.id }))).toMatchObject({ cumulativeCases: 12, periodCases: 12 });
    expect(await recordProgress(s.siteLead, count(s.home.id, { cumulativeCases: "5", periodId: s.current.id }))).toMatchObject({ cumulativeCases: 17, periodCases: 5 });
    // The past period brought up to date: its latest count replaces its earlier one in the total.
    expect(await recordProgress(s.lead, count(s.home.id, { cumulativeCases: "14", periodId: s.past.id }))).toMatchObject({ cumulativeCases: 19 });
    expect(await refusalOf(recordProgress(s.siteLead, count(s.home.id, { cumulativeCases: "3", periodId: s.current.id })))).toMatchObject({
      field: "correctionReason",
      message: "3 is lower than the last count for period 3 of 5. Give the reason for the correction.",
    });
    expect(await recordProgress(s.siteLead, count(s.home.id, { cumulativeCases: "3", periodId: s.current.id, correctionReason: "Two were ineligible" }))).toMatchObject({
      cumulativeCases: 17,
    });
    const progress = await getSiteProgress(s.siteLead, s.project.slug, s.homeHospital.odsCode);
    expect(progress.current).toBe(17);
    expect(progress.periods.map((period) => [period.number, period.cases, period.team])).toEqual([
      [1, 14, 0],
      [2, null, 0],
      [3, 3, 2],
      [4, null, 0],
      [5, null, 0],
    ]);
  });
});

describe("statements", () => {
  it("are as many for a site with many places and counts in many periods as for one with few", async () => {
    const measure = async (size: number) => {
      const s = await periodsScenario();
      for (const period of [s.current, s.next]) await confirmedIn(s.home.id, period.id, size);
      for (let i = 0; i < size; i++) {
        await db.progressReport.create({
          data: { projectSiteId: s.home.id, reportedById: s.siteLead.id, cumulativeCases: i, periodId: s.past.id, periodCases: i, reportedAt: new Date(Date.now() - (size - i) * DAY) },
        });
      }
      const slug = s.project.slug;
      const ods = s.homeHospital.odsCode;
      return {
        periods: (await countStatements(() => getProjectPeriods(s.lead, slug))).statements,
        team: (await countStatements(() => getSiteTeam(s.siteLead, slug, ods))).statements,
        progress: (await countStatements(() => getSiteProgress(s.siteLead, slug, ods))).statements,
      };
    };
    const small = await measure(1);
    const large = await measure(6);
    expect(large).toEqual(small);
    for (const [name, statements] of Object.entries(large)) expect(statements, name).toBeLessThanOrEqual(9);
  });
});
