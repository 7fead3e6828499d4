import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ForbiddenError } from "@/lib/authz";
import type { Actor } from "@/lib/auth/session";
import { issueCertificate, verifyCertificate } from "@/lib/certificates/certificate";
import { renderCertificatePdf } from "@/lib/certificates/pdf";
import { getMyResearch } from "@/lib/collaborations/my-research";
import { DomainError, NotFoundError } from "@/lib/errors";
import { eraseAccounts } from "@/lib/privacy/delete-account";
import type { CollaborationStatus, ProjectStatus } from "@/lib/generated/prisma/enums";
import { createCollaboration, createProject, createProjectSite, createSite, createUser, reportProgress } from "../support/factories";
import { pdfText } from "../support/pdf-text";

const asActor = (user: { id: string; name: string; email: string; role: Actor["role"]; emailVerified: Date | null }): Actor => ({ ...user });

let collaborations = 0;

async function collaboration(projectStatus: ProjectStatus, status: CollaborationStatus = "CONFIRMED", name = "Siobhán O'Connor-Reilly") {
  // GMC numbers are unique: each member gets the next, never a random one that might repeat.
  const n = ++collaborations;
  const site = await createSite({ name: "Addenbrooke's Hospital" });
  const user = await createUser({ siteId: site.id, name });
  await db.traineeProfile.update({ where: { userId: user.id }, data: { gmcNumber: String(7_000_000 + n) } });
  const project = await createProject({ status: projectStatus, title: `Re-audit of CT head timing ${Math.random().toString(36).slice(2, 6)}` });
  const projectSite = await createProjectSite({ projectId: project.id, siteId: site.id });
  const row = await createCollaboration({ projectSiteId: projectSite.id, userId: user.id, status });
  return { actor: asActor(user), project, id: row.id };
}

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a refusal");
}

describe("certificates of participation", () => {
  it("are issued once for a confirmed collaboration on a project in analysis or completed, then served again", async () => {
    for (const projectStatus of ["ANALYSIS", "COMPLETED"] as const) {
      const { actor, project, id } = await collaboration(projectStatus);
      const first = await issueCertificate(actor, id);
      expect(first.code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
      expect(first.statement).toMatchObject({
        kind: "PARTICIPANT",
        traineeName: "Siobhán O'Connor-Reilly",
        gmcNumber: expect.stringMatching(/^\d{7}$/),
        projectTitle: project.title,
        places: [{ site: "Addenbrooke's Hospital", role: "COLLABORATOR" }],
        collectionStart: "2026-09-01",
        collectionEnd: "2027-01-31",
      });
      // While what it would state is the same, the same certificate comes back.
      const again = await issueCertificate(actor, id);
      expect(again).toEqual(first);
      const subject = { subject: `participant:${project.id}:${actor.id}` };
      expect(await db.certificate.count({ where: subject })).toBe(1);
      expect(await db.auditEvent.count({ where: { actorId: actor.id, action: "certificate.issued" } })).toBe(1);
      // Renaming later does not change what was certified: the next download states the new name
      // under a new code, and the first still verifies with the name it was issued to.
      await db.user.update({ where: { id: actor.id }, data: { name: "Someone Else" } });
      const renamed = await issueCertificate(actor, id);
      expect(renamed.code).not.toBe(first.code);
      expect(renamed.statement.traineeName).toBe("Someone Else");
      expect((await verifyCertificate(first.code))?.statement.traineeName).toBe("Siobhán O'Connor-Reilly");
      expect(await db.certificate.count({ where: subject })).toBe(2);
    }
  });

  it("record what the person did: when they joined, their contribution, their site's cases, whether cited, and the lead who signs", async () => {
    const site = await createSite({ name: "Royal Infirmary" });
    const lead = await createUser({ name: "Tom Okafor" });
    const project = await createProject({ status: "COMPLETED", leadId: lead.id });
    await db.project.update({ where: { id: project.id }, data: { minimumCitableCases: 20 } });
    const member = async (cases: number | null, siteStatus: "COMPLETE" | "WITHDRAWN" = "COMPLETE") => {
      const user = await createUser({ siteId: site.id });
      const projectSite = await createProjectSite({ projectId: project.id, siteId: (await createSite()).id, status: siteStatus });
      const row = await createCollaboration({ projectSiteId: projectSite.id, userId: user.id });
      await db.collaboration.update({
        where: { id: row.id },
        data: { contribution: "Case identification and data collection", requestedAt: new Date("2026-08-20T10:00:00Z"), decidedAt: new Date("2026-08-24T10:00:00Z") },
      });
      if (cases !== null) {
        await reportProgress(projectSite.id, user.id, Math.max(0, cases - 5), new Date("2026-10-01T10:00:00Z"));
        await reportProgress(projectSite.id, user.id, cases, new Date("2026-11-01T10:00:00Z"));
      }
      return { user, row };
    };
    const statementOf = async ({ user, row }: { user: { id: string; name: string; email: string; role: Actor["role"]; emailVerified: Date | null }; row: { id: string } }) =>
      (await issueCertificate(asActor(user), row.id)).statement;
    expect(await statementOf(await member(24))).toMatchObject({
      minimumCitableCases: 20,
      projectLead: "Tom Okafor",
      places: [{ joinedOn: "2026-08-24", leftOn: null, contribution: "Case identification and data collection", siteCases: 24, casesWhileOnTeam: 24, cited: true }],
    });
    expect(await statementOf(await member(19))).toMatchObject({ places: [{ siteCases: 19, cited: false }] });
    expect(await statementOf(await member(null))).toMatchObject({ places: [{ siteCases: 0, casesWhileOnTeam: 0, cited: false }] });
    // A hospital that withdrew earns no credit: no certificate for it.
    const withdrawn = await member(40, "WITHDRAWN");
    expect(await refusal(issueCertificate(asActor(withdrawn.user), withdrawn.row.id))).toBeInstanceOf(DomainError);
  });

  it("lose the signing lead's name when the lead erases their account, and keep the holder's", async () => {
    const lead = await createUser({ name: "Tom Okafor" });
    const project = await createProject({ status: "COMPLETED", leadId: lead.id });
    const site = await createSite();
    const holder = await createUser({ siteId: site.id, name: "Priya Natarajan" });
    const projectSite = await createProjectSite({ projectId: project.id, siteId: site.id });
    const row = await createCollaboration({ projectSiteId: projectSite.id, userId: holder.id });
    const issued = await issueCertificate(asActor(holder), row.id);
    expect(issued.statement.kind === "PARTICIPANT" && issued.statement.projectLead).toBe("Tom Okafor");

    await db.$transaction((tx) => eraseAccounts(tx, [lead.id], { kind: "member" }));

    const after = await verifyCertificate(issued.code);
    expect(after?.statement).toMatchObject({ traineeName: "Priya Natarajan", projectLead: null });
    const stored = await db.certificate.findUniqueOrThrow({ where: { code: issued.code }, select: { statement: true } });
    expect(stored.statement).toMatchObject({ projectLead: null, projectLeadId: null });
    const text = pdfText(await renderCertificatePdf(after!.statement, after!.code, `https://radiant.example/verify/${after!.code}`));
    expect(text).toContain("Priya Natarajan");
    expect(text).not.toContain("Tom Okafor");
  });

  it("no longer name a project lead who erased their account, on the public check page or the PDF", async () => {
    const lead = await createUser({ name: "Tom Okafor-Erased" });
    const namesake = await createUser({ name: "Tom Okafor-Erased" });
    const project = await createProject({ status: "COMPLETED", leadId: lead.id });
    const other = await createProject({ status: "COMPLETED", leadId: namesake.id });
    const certify = async (projectId: string) => {
      const user = await createUser();
      const projectSite = await createProjectSite({ projectId, siteId: (await createSite()).id, status: "COMPLETE" });
      const row = await createCollaboration({ projectSiteId: projectSite.id, userId: user.id });
      return { holder: asActor(user), id: row.id, code: (await issueCertificate(asActor(user), row.id)).code };
    };
    const mine = await certify(project.id);
    const theirs = await certify(other.id);
    expect((await verifyCertificate(mine.code))?.statement).toMatchObject({ projectLead: "Tom Okafor-Erased" });

    await db.$transaction((tx) => eraseAccounts(tx, [lead.id], { kind: "member" }));

    const checked = await verifyCertificate(mine.code);
    expect(checked).not.toBeNull();
    expect(JSON.stringify(checked)).not.toContain("Tom Okafor");
    const issued = await issueCertificate(mine.holder, mine.id);
    const pdf = pdfText(await renderCertificatePdf(issued.statement, issued.code, `https://radiant.example/verify/${issued.code}`));
    expect(pdf).not.toContain("Tom Okafor");
    expect(pdf).toContain("The project lead");
    // A namesake leading another project still signs its certificates.
    expect((await verifyCertificate(theirs.code))?.statement).toMatchObject({ projectLead: "Tom Okafor-Erased" });
  });

  it("are issued once when two downloads start together", async () => {
    const { actor, id } = await collaboration("COMPLETED");
    const [a, b, c] = await Promise.all([issueCertificate(actor, id), issueCertificate(actor, id), issueCertificate(actor, id)]);
    expect(a.code).toBe(b.code);
    expect(c.code).toBe(a.code);
    expect(await db.certificate.count({ where: { holderId: actor.id } })).toBe(1);
  });

  it("are refused while data is collected, and for requests, declined or left collaborations", async () => {
    const cases: [ProjectStatus, CollaborationStatus][] = [
      ["DATA_COLLECTION", "CONFIRMED"],
      ["SITE_SETUP", "CONFIRMED"],
      ["COMPLETED", "REQUESTED"],
      ["COMPLETED", "DECLINED"],
      ["COMPLETED", "LEFT"],
    ];
    for (const [projectStatus, status] of cases) {
      const { actor, id } = await collaboration(projectStatus, status);
      expect(await refusal(issueCertificate(actor, id))).toBeInstanceOf(DomainError);
      expect(await db.certificate.count({ where: { holderId: actor.id } })).toBe(0);
    }
    const eligible = await collaboration("COMPLETED");
    const research = await getMyResearch(eligible.actor);
    expect(research.collaborations[0]?.certificateAvailable).toBe(true);
  });

  it("are refused for someone else's collaboration, which stays without a certificate", async () => {
    const { id } = await collaboration("COMPLETED");
    const intruder = asActor(await createUser());
    expect(await refusal(issueCertificate(intruder, id))).toBeInstanceOf(ForbiddenError);
    expect(await refusal(issueCertificate(intruder, "00000000-0000-4000-8000-000000000000"))).toBeInstanceOf(NotFoundError);
    expect(await db.certificate.count()).toBe(await db.certificate.count({ where: { holderId: { not: intruder.id } } }));
    expect(await db.certificate.count({ where: { projectId: (await db.collaboration.findUniqueOrThrow({ where: { id }, select: { projectSite: { select: { projectId: true } } } })).projectSite.projectId } })).toBe(0);
  });

  it("are verified by their code, as typed, and an unknown code finds nothing", async () => {
    const { actor, id } = await collaboration("COMPLETED");
    const issued = await issueCertificate(actor, id);
    expect(await verifyCertificate(issued.code)).toEqual(issued);
    expect(await verifyCertificate(issued.code.toLowerCase().replace(/-/g, " "))).toEqual(issued);
    expect(await verifyCertificate("0000-0000-0000-0000")).toBeNull();
    expect(await verifyCertificate("not a code")).toBeNull();
    // What verification shows is the statement and nothing else about the person.
    expect(Object.keys((await verifyCertificate(issued.code))!.statement).sort()).toEqual(
      ["kind", "collectionEnd", "collectionStart", "gmcNumber", "issuedOn", "projectTitle", "traineeName", "places", "outputs", "minimumCitableCases", "projectLead"].sort(),
    );
  });

  it("print the name, GMC number, title, site, window and code in the PDF", async () => {
    const { actor, id, project } = await collaboration("COMPLETED", "CONFIRMED", "Zoë Łukasiewicz-Ó Briain");
    const issued = await issueCertificate(actor, id);
    const pdf = await renderCertificatePdf(issued.statement, issued.code, `https://radiant.example/verify/${issued.code}`);
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdf);
    // Ł is outside the standard fonts' letters: printed as L rather than failing.
    expect(text).toContain("Zoë Lukasiewicz-Ó Briain");
    expect(text).toContain(project.title);
    expect(text).toContain(`GMC number ${issued.statement.gmcNumber}`);
    expect(text).toContain("Addenbrooke's Hospital");
    expect(text).toContain("1 September 2026 to 31 January 2027");
    expect(text).toContain(issued.code);
    expect(text).toContain(`https://radiant.example/verify/${issued.code}`);
  });
});
