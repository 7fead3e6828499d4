import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { deleteMyAccount, FORMER_MEMBER_NAME } from "@/lib/privacy/delete-account";
import { exportMyData } from "@/lib/privacy/export";
import { authenticate } from "@/lib/users/authenticate";
import { createCollaboration, createProject, createProjectSite, createSite, createUser, FACTORY_PASSWORD } from "../support/factories";

let members = 0;

/** A member with a GMC number and an ORCID iD, each unique (both columns are), never left to chance. */
async function member(name: string) {
  const user = await createUser({ name });
  const n = ++members;
  await db.traineeProfile.update({ where: { userId: user.id }, data: { gmcNumber: String(7000000 + n), orcid: `0000-0002-1825-${String(n).padStart(4, "0")}` } });
  return { ...user, role: "MEMBER" as const };
}

describe("a member's own data", () => {
  it("is exported whole, and holds nothing of anyone else", async () => {
    const me = await member("Priya Natarajan");
    const other = await member("Someone Else");
    const project = await createProject({ title: "Adrenal incidentaloma follow-up" });
    const hospital = await createSite({ name: "Royal Hallamshire Hospital" });
    const projectSite = await createProjectSite({ projectId: project.id, siteId: hospital.id });
    await createCollaboration({ projectSiteId: projectSite.id, userId: me.id });
    await createCollaboration({ projectSiteId: projectSite.id, userId: other.id });

    const data = await exportMyData(me);
    expect(data.account).toMatchObject({ name: "Priya Natarajan", email: me.email });
    expect(data.profile?.gmcNumber).toMatch(/^\d{7}$/);
    expect(data.collaborations).toEqual([
      expect.objectContaining({ project: "Adrenal incidentaloma follow-up", hospital: "Royal Hallamshire Hospital", status: "CONFIRMED" }),
    ]);
    expect(JSON.stringify(data)).not.toContain("Someone Else");
    expect(JSON.stringify(data)).not.toContain(other.email);
    expect(JSON.stringify(data)).not.toContain("passwordHash");
  });
});

describe("deleting an account", () => {
  it("erases the personal details, keeps that a collaborator from the hospital took part, and ends sign-in", async () => {
    const me = await member("Kwabena Owusu");
    const project = await createProject();
    const projectSite = await createProjectSite({ projectId: project.id });
    const collaboration = await createCollaboration({ projectSiteId: projectSite.id, userId: me.id });
    await db.certificate.create({
      data: { code: `C${Date.now()}`, holderId: me.id, subject: `participant:${project.id}:${me.id}`, fingerprint: "f", collaborationId: collaboration.id, statement: { traineeName: "Kwabena Owusu", gmcNumber: "7000001", projectTitle: "T" } },
    });
    await db.notification.create({ data: { userId: me.id, kind: "test", message: "Hello Kwabena" } });
    await db.traineeProfile.update({ where: { userId: me.id }, data: { pendingGmcNumber: "7999999" } });
    const asked = await createSite({ name: "Kwabena's Community Hospital" });
    await db.site.update({ where: { id: asked.id }, data: { listing: "REQUESTED" } });
    const request = await db.hospitalRequest.create({ data: { siteId: asked.id, requestedById: me.id, note: "Ask Kwabena at the front desk" } });

    await deleteMyAccount(me, FACTORY_PASSWORD);

    const user = await db.user.findUniqueOrThrow({
      where: { id: me.id },
      select: { name: true, email: true, passwordHash: true, deletedAt: true, profile: { select: { gmcNumber: true, pendingGmcNumber: true, orcid: true, homeSiteId: true } } },
    });
    expect(user).toMatchObject({ name: FORMER_MEMBER_NAME, passwordHash: null, profile: { gmcNumber: null, pendingGmcNumber: null, orcid: null } });
    // Their request for a missing hospital is closed, without their note, and the hospital offered to nobody.
    expect(await db.hospitalRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "DECLINED", note: "" });
    expect((await db.site.findUniqueOrThrow({ where: { id: asked.id } })).listing).toBe("RETIRED");
    expect(user.email).not.toBe(me.email);
    expect(user.deletedAt).not.toBeNull();
    expect(user.profile?.homeSiteId).toBeTruthy();
    expect(await db.collaboration.findUnique({ where: { id: collaboration.id }, select: { status: true, projectSiteId: true } })).toEqual({
      status: "CONFIRMED",
      projectSiteId: projectSite.id,
    });
    const certificate = await db.certificate.findFirstOrThrow({ where: { collaborationId: collaboration.id } });
    expect(JSON.stringify(certificate.statement)).not.toMatch(/Kwabena|7000001/);
    expect(await db.notification.count({ where: { userId: me.id } })).toBe(0);
    const registered = await db.auditEvent.findMany({ where: { entityId: me.id }, select: { action: true, before: true, after: true } });
    expect(JSON.stringify(registered)).not.toContain("Kwabena");
    expect(registered.map((event) => event.action)).toContain("user.deleted");
    expect(await authenticate({ email: me.email, password: FACTORY_PASSWORD })).toEqual({ ok: false, reason: "invalid" });
  });

  it("asks for the password and changes nothing when it is wrong", async () => {
    const me = await member("Mei Lin");
    await expect(deleteMyAccount(me, "not my password")).rejects.toBeInstanceOf(DomainError);
    expect((await db.user.findUniqueOrThrow({ where: { id: me.id }, select: { name: true, deletedAt: true } }))).toEqual({ name: "Mei Lin", deletedAt: null });
  });
});
