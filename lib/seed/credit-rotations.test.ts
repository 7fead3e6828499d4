// The demo's rotation: the demo trainee moved, mid-collection, from another hospital of the
// completed project to her home hospital, and both places show cases and history.
import { describe, expect, it } from "vitest";
import type { CollaborationStatus } from "@/lib/generated/prisma/enums";
import { casesWhileOnTeam } from "@/lib/participation/credit";
import { countsForAuthorship } from "@/lib/participation/rules";
import { buildSeedPlan, DEMO_ACCOUNTS } from "./plan";

const at = (value: unknown) => new Date(value as Date | string);

describe("the demo trainee's rotation", () => {
  for (const day of ["2026-11-29T10:00:00Z", "2028-02-29T23:59:59Z"]) {
    it(`shows a place ended at one hospital and a place at her home hospital in the completed project (loaded ${day})`, () => {
      const today = new Date(day);
      const plan = buildSeedPlan("demo", "hash", today);
      const trainee = plan.users.find((user) => user.email === DEMO_ACCOUNTS.trainee.email)!.id as string;
      const homeSiteId = plan.profiles.find((profile) => profile.userId === trainee)!.homeSiteId;
      const project = plan.projects.find((candidate) => candidate.status === "COMPLETED")!;
      const sites = new Map(plan.projectSites.filter((site) => site.projectId === project.id).map((site) => [site.id as string, site]));
      const places = plan.collaborations.filter((c) => c.userId === trainee && sites.has(c.projectSiteId));
      expect(places.map((place) => place.status).sort()).toEqual(["CONFIRMED", "ROTATED"]);
      const moved = places.find((place) => place.status === "ROTATED")!;
      const home = places.find((place) => place.status === "CONFIRMED")!;
      expect(sites.get(home.projectSiteId)!.siteId).toBe(homeSiteId);
      expect(sites.get(moved.projectSiteId)!.siteId).not.toBe(homeSiteId);
      // Both hospitals finished the project, so both places count.
      for (const place of places) {
        expect(sites.get(place.projectSiteId)!.status).toBe("COMPLETE");
        expect(countsForAuthorship({ status: place.status as CollaborationStatus, siteWithdrawn: false })).toBe(true);
      }
      // One after the other, inside the collection window, before today.
      expect(at(moved.decidedAt) < at(moved.endedAt)).toBe(true);
      expect(at(moved.endedAt) > at(project.collectionStart)).toBe(true);
      expect(at(moved.endedAt) < at(home.requestedAt)).toBe(true);
      expect(at(home.decidedAt) < at(project.collectionEnd)).toBe(true);
      expect(at(home.decidedAt) < today).toBe(true);
      // Each site recorded cases while she was on its team.
      const reportsOf = (projectSiteId: string) =>
        plan.progressReports.filter((r) => r.projectSiteId === projectSiteId).map((r) => ({ cumulativeCases: r.cumulativeCases, reportedAt: at(r.reportedAt) }));
      expect(casesWhileOnTeam(reportsOf(moved.projectSiteId), at(moved.decidedAt), at(moved.endedAt), today)).toBeGreaterThan(0);
      expect(casesWhileOnTeam(reportsOf(home.projectSiteId), at(home.decidedAt), null, today)).toBeGreaterThan(0);
      // Her history at each, on the audit log.
      const history = (id: unknown) => plan.auditEvents.filter((event) => event.entityId === id).map((event) => [event.action, event.actorId === trainee]);
      expect(history(moved.id)).toEqual([
        ["collaboration.requested", true],
        ["collaboration.confirmed", false],
        ["collaboration.rotated", true],
      ]);
      expect(history(home.id)).toEqual([
        ["collaboration.requested", true],
        ["collaboration.confirmed", false],
      ]);
      for (const event of plan.auditEvents) expect(at(event.createdAt) < today).toBe(true);
    });
  }
});
