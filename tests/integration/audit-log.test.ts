import { describe, expect, it } from "vitest";
import { listAuditEvents } from "@/lib/audit-log/list";
import { ForbiddenError } from "@/lib/authz";
import { db } from "@/lib/db";
import { auditSearchSchema } from "@/lib/validation/audit";
import { createUser } from "../support/factories";

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

  it.each(["MEMBER", "COMMITTEE"] as const)("is refused to a %s", async (role) => {
    const user = await createUser({ role });
    await expect(listAuditEvents({ ...user, role }, search())).rejects.toBeInstanceOf(ForbiddenError);
  });
});
