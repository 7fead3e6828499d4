import { describe, expect, it } from "vitest";
import { appDatabase, db } from "@/lib/db";
import { seedDatabase } from "@/lib/seed/run";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/seed/plan";
import { authenticate } from "@/lib/users/authenticate";
import { searchPublicProjects } from "@/lib/projects/public";

describe("the demo seed in a database", () => {
  it("loads, and every demo account signs in with the demo password", async () => {
    await seedDatabase(appDatabase(), { scale: "demo", reset: false });
    for (const account of Object.values(DEMO_ACCOUNTS)) {
      expect(await authenticate({ email: account.email, password: DEMO_PASSWORD })).toMatchObject({ ok: true, user: { name: account.name } });
    }
    const roles = await db.user.findMany({
      where: { email: { in: [DEMO_ACCOUNTS.committee.email, DEMO_ACCOUNTS.admin.email] } },
      select: { role: true },
      orderBy: { email: "asc" },
    });
    expect(roles.map((row) => row.role)).toEqual(["ADMIN", "COMMITTEE"]);
    expect((await searchPublicProjects({ page: 1 })).total).toBeGreaterThanOrEqual(4);
  });

  it("refuses to load over existing data unless asked to reset", async () => {
    await expect(seedDatabase(appDatabase(), { scale: "demo", reset: false })).rejects.toThrow(/--reset/);
    const users = await db.user.count();
    await seedDatabase(appDatabase(), { scale: "demo", reset: true });
    expect(await db.user.count()).toBe(users);
  });

  it("registers the demo trainee's home hospital for an open project", async () => {
    const trainee = await db.user.findUniqueOrThrow({
      where: { email: DEMO_ACCOUNTS.trainee.email },
      select: { profile: { select: { homeSiteId: true } } },
    });
    const open = await db.projectSite.count({
      where: { siteId: trainee.profile!.homeSiteId, project: { status: { in: ["SITE_SETUP", "DATA_COLLECTION"] } } },
    });
    expect(open).toBeGreaterThanOrEqual(1);
  });
});
