import { describe, expect, it } from "vitest";
import { buildSeedPlan } from "./plan";

describe("the demo's site handed over", () => {
  const plan = buildSeedPlan("demo", "hash", new Date("2026-11-26T09:00:00Z"));
  const completed = plan.projects.find((project) => project.status === "COMPLETED")!;

  it("has an accepted handover in the completed project, with the roles swapped", () => {
    const handover = plan.invitations.find((invitation) => invitation.kind === "SITE_LEAD" && invitation.replacesId);
    expect(handover).toMatchObject({ status: "ACCEPTED", projectId: completed.id });
    const team = plan.collaborations.filter((c) => c.projectSiteId === handover!.projectSiteId);
    expect(team.find((c) => c.userId === handover!.inviteeId)).toMatchObject({ role: "SITE_LEAD", status: "CONFIRMED" });
    expect(team.find((c) => c.userId === handover!.replacesId)).toMatchObject({ role: "COLLABORATOR", status: "CONFIRMED" });
    expect(plan.auditEvents.filter((event) => event.entityId === handover!.projectSiteId).map((event) => event.action)).toEqual([
      "site.progressRecordedActingFor",
      "site.handedOver",
    ]);
  });

  it("has a count recorded by the project lead, acting for the site lead", () => {
    const acted = plan.auditEvents.find((event) => event.action === "site.progressRecordedActingFor")!;
    const lead = plan.projectLeads.find((row) => row.projectId === completed.id && row.role === "LEAD")!;
    expect(acted.actorId).toBe(lead.userId);
    expect(plan.progressReports.some((report) => report.projectSiteId === acted.entityId && report.reportedById === lead.userId)).toBe(true);
  });
});
