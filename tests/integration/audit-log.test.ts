import { describe, expect, it } from "vitest";
import { listAuditEvents } from "@/lib/audit-log/list";
import { ForbiddenError } from "@/lib/authz";
import { db } from "@/lib/db";
import { auditSearchSchema } from "@/lib/validation/audit";
import { eraseAccounts } from "@/lib/privacy/delete-account";
import { createCollaboration, createProject, createProjectSite, createSite, createUser } from "../support/factories";

const search = (params: Record<string, string> = {}) => auditSearchSchema.parse(params);

describe("the audit log", () => {
  it("is read by administrators, filtered by action and by who acted", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const alice = await createUser({ name: "Alice Ng" });
    await db.auditEvent.createMany({
      data: [
        { actorId: alice.id, action: "user.registered", entityType: "User", entityId: alice.id, after: { name: "Alice Ng" } },
        { actorId: admin.id, action: "project.submitted", entityType: "Project", entityId: "p1", before: { status: "DRAFT" }, after: { status: "SUBMITTED" } },
      ],
    });
    const all = await listAuditEvents(admin, search());
    expect(all.rows.map((row) => row.action)).toEqual(["project.submitted", "user.registered"]);
    expect(all.rows[0]).toMatchObject({ before: expect.stringContaining("DRAFT"), after: expect.stringContaining("SUBMITTED") });
    expect(all.actions).toEqual(["project.submitted", "user.registered"]);

    expect((await listAuditEvents(admin, search({ action: "user.registered" }))).rows.map((row) => row.actorName)).toEqual(["Alice Ng"]);
    expect((await listAuditEvents(admin, search({ actor: "alice" }))).total).toBe(1);
    expect((await listAuditEvents(admin, search({ entityType: "Project" }))).total).toBe(1);
  });

  it("shows the last page, not an empty one, for a page past the end", async () => {
    const admin = await createUser({ role: "ADMIN" });
    await db.auditEvent.createMany({ data: [{ actorId: admin.id, action: "paging.checked", entityType: "Paging", entityId: "x" }] });
    const past = await listAuditEvents(admin, search({ entityType: "Paging", page: "40" }));
    expect(past).toMatchObject({ page: 1, pageCount: 1, total: 1 });
    expect(past.rows.map((row) => row.action)).toEqual(["paging.checked"]);
  });

  it("names people, projects and hospitals, with links, and keeps an erased member's entries readable", async () => {
    const admin = await createUser({ role: "ADMIN", name: "Ada Admin" });
    const lead = await createUser({ name: "Dr A Lead" });
    const trainee = await createUser({ name: "Tom Trainee" });
    const gone = await createUser({ name: "Gone Person" });
    const project = await createProject({ title: "Lung nodules in CT", leadId: lead.id });
    const hospital = await createSite({ name: "Leeds General Infirmary" });
    const place = await createProjectSite({ projectId: project.id, siteId: hospital.id });
    const team = await createCollaboration({ projectSiteId: place.id, userId: trainee.id });
    await db.auditEvent.createMany({
      data: [
        { actorId: lead.id, action: "project.approve", entityType: "Project", entityId: project.id },
        { actorId: lead.id, action: "site.progressRecorded", entityType: "ProjectSite", entityId: place.id },
        { actorId: lead.id, action: "collaboration.confirmed", entityType: "Collaboration", entityId: team.id },
        { actorId: admin.id, action: "site.retired", entityType: "Site", entityId: hospital.id },
        { actorId: null, action: "site.imported", entityType: "Site", entityId: "3f9a0c-not-a-row-id" },
        { actorId: gone.id, action: "profile.updated", entityType: "User", entityId: gone.id },
      ],
    });
    await db.$transaction((tx) => eraseAccounts(tx, [gone.id], { kind: "member" }));

    const log = await listAuditEvents(admin, search());
    const said = Object.fromEntries(log.rows.map((row) => [row.action, { actor: row.actor, entity: row.entity }]));
    expect(said["project.approve"]).toEqual({
      actor: { label: "Dr A Lead", href: `/dashboard/members?q=${encodeURIComponent(lead.email)}` },
      entity: { label: "Lung nodules in CT", href: `/dashboard/proposals/${project.id}` },
    });
    expect(said["site.progressRecorded"]!.entity).toEqual({
      label: "Leeds General Infirmary, for Lung nodules in CT",
      href: `/dashboard/projects/${project.slug}/sites/${hospital.odsCode}`,
    });
    expect(said["collaboration.confirmed"]!.entity).toEqual({
      label: "Tom Trainee at Leeds General Infirmary, for Lung nodules in CT",
      href: `/dashboard/projects/${project.slug}/sites/${hospital.odsCode}/team`,
    });
    expect(said["site.retired"]!.entity).toEqual({ label: `Leeds General Infirmary (${hospital.odsCode})`, href: `/dashboard/hospitals/${hospital.id}` });
    expect(said["site.imported"]!.actor).toBeNull();
    // Erased: neither the name nor a link, on the entry they made and the one about them.
    expect(said["profile.updated"]).toEqual({ actor: { label: "a deleted member" }, entity: { label: "a deleted member" } });
    expect(said["user.deleted"]).toEqual({ actor: { label: "a deleted member" }, entity: { label: "a deleted member" } });
  });

  it.each(["MEMBER", "COMMITTEE"] as const)("is refused to a %s", async (role) => {
    const user = await createUser({ role });
    await expect(listAuditEvents({ ...user, role }, search())).rejects.toBeInstanceOf(ForbiddenError);
  });
});
