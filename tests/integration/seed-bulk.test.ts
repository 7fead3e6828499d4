// The huge seed writes its long tables with INSERT … SELECT FROM unnest (lib/seed/write.ts): the rows
// must come back as createMany would have written them.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { bulkInsert } from "@/lib/seed/write";
import { createProject, createProjectSite, createUser } from "../support/factories";

describe("the seed's bulk insert", () => {
  it("writes every value as given, makes the ids the client would make, and fills what is left out with its default", async () => {
    const reporter = await createUser();
    const site = await createProjectSite({ projectId: (await createProject()).id });
    const first = new Date("2026-10-01T09:15:30.250Z");
    const second = new Date("2026-10-08T17:00:00.000Z");
    const written = await db.$transaction(async (tx) =>
      bulkInsert(tx, "ProgressReport", [
        { projectSiteId: site.id, reportedById: reporter.id, cumulativeCases: 4, note: 'First cases, "quoted", {braced}, with a comma', reportedAt: first },
        { projectSiteId: site.id, reportedById: reporter.id, cumulativeCases: 9, note: null, reportedAt: second },
      ]),
    );
    expect(written).toBe(true);
    const reports = await db.progressReport.findMany({ where: { projectSiteId: site.id }, orderBy: { reportedAt: "asc" } });
    expect(reports.map(({ cumulativeCases, note, reportedAt, correctionReason }) => ({ cumulativeCases, note, reportedAt, correctionReason }))).toEqual([
      { cumulativeCases: 4, note: 'First cases, "quoted", {braced}, with a comma', reportedAt: first, correctionReason: null },
      { cumulativeCases: 9, note: null, reportedAt: second, correctionReason: null },
    ]);
    expect(new Set(reports.map((report) => report.id)).size).toBe(2);

    const email = `bulk-${Date.now()}@example.org`;
    await db.$transaction(async (tx) => bulkInsert(tx, "User", [{ email, name: "Bulk Person", role: "COMMITTEE" }, { email: `second-${email}`, name: "Second Person" }]));
    const people = await db.user.findMany({ where: { email: { endsWith: email } }, orderBy: { name: "asc" }, select: { name: true, role: true, committeeChair: true, updatedAt: true } });
    expect(people).toMatchObject([
      { name: "Bulk Person", role: "COMMITTEE", committeeChair: false },
      { name: "Second Person", role: "MEMBER", committeeChair: false },
    ]);
    expect(people.every((person) => person.updatedAt instanceof Date)).toBe(true);
  });

  it("leaves a table with an array column to createMany, writing nothing", async () => {
    const before = await db.traineeProfile.count();
    const user = await createUser({ withProfile: false });
    const written = await db.$transaction(async (tx) => bulkInsert(tx, "TraineeProfile", [{ userId: user.id, grade: "ST1" }]));
    expect(written).toBe(false);
    expect(await db.traineeProfile.count()).toBe(before);
  });
});
