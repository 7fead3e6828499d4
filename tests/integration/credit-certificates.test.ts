// Certificates of every role (docs/decisions/030): who may download which, what each states,
// versions, erasure, and the certificates page's cost.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/session";
import { issueCertificate, verifyCertificate, verifyCertificateWithNewer } from "@/lib/certificates/certificate";
import { certificatesOverview } from "@/lib/certificates/available";
import { issueProjectCertificate, issueReviewerCertificate, type ProjectCertificateKind } from "@/lib/certificates/issue";
import { renderCertificatePdf } from "@/lib/certificates/pdf";
import { certificateContent } from "@/lib/certificates/content";
import { eraseAccounts } from "@/lib/privacy/delete-account";
import { exportMyData } from "@/lib/privacy/export";
import { describeMyData } from "@/lib/privacy/data-labels";
import type { GlobalRole, ProjectStatus } from "@/lib/generated/prisma/enums";
import { createCollaboration, createProject, createProjectSite, createSite, createUser, reportProgress } from "../support/factories";
import { pdfText } from "../support/pdf-text";
import { countStatements } from "../support/query-count";

type UserRow = { id: string; name: string; email: string; role: GlobalRole; emailVerified: Date | null };
const asActor = (user: UserRow): Actor => ({ ...user });

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a refusal");
}

let gmc = 0;
async function person(name: string, role: GlobalRole = "MEMBER") {
  const user = await createUser({ name, role });
  await db.traineeProfile.update({ where: { userId: user.id }, data: { gmcNumber: String(7_500_000 + ++gmc) } });
  return user;
}

const at = (iso: string) => new Date(`${iso}T10:00:00Z`);

/**
 * A completed project with every role: its lead and co-lead, a site lead and a collaborator at
 * one hospital (whose supervising consultant observes it), and a committee member and an
 * administrator who reviewed it. The collaborator rotated from a second hospital.
 */
async function world(status: ProjectStatus = "COMPLETED") {
  const lead = await person("Tom Okafor");
  const coLead = await person("Priya Natarajan");
  const siteLead = await person("Ben Carter");
  const holder = await person("Aisha Rahman");
  const otherMember = await person("Sam Lee");
  const consultant = await person("Helen Marsh");
  const committee = await person("Grace Adeyemi", "COMMITTEE");
  const admin = await person("Ade Admin", "ADMIN");
  const project = await createProject({ status, leadId: lead.id, title: `Timeliness of CT head imaging ${Math.random().toString(36).slice(2, 6)}` });
  await db.project.update({ where: { id: project.id }, data: { minimumCitableCases: 10 } });
  await db.projectLead.create({ data: { projectId: project.id, userId: coLead.id, role: "CO_LEAD", addedAt: at("2025-07-01") } });
  const first = await createProjectSite({ projectId: project.id, siteId: (await createSite({ name: "Addenbrooke's Hospital" })).id, status: "COMPLETE" });
  const second = await createProjectSite({ projectId: project.id, siteId: (await createSite({ name: "Royal Infirmary" })).id, status: "COMPLETE" });
  await db.projectSite.update({ where: { id: second.id }, data: { consultantName: "Dr Helen Marsh", consultantRole: "Consultant neuroradiologist", consultantEmail: consultant.email } });
  await db.siteObserver.create({ data: { projectSiteId: second.id, userId: consultant.id, addedAt: at("2026-08-15") } });
  await createCollaboration({ projectSiteId: second.id, userId: siteLead.id, role: "SITE_LEAD" });
  await createCollaboration({ projectSiteId: second.id, userId: otherMember.id });
  // The holder worked at the first hospital from September to October, then rotated to the second.
  const rotated = await createCollaboration({ projectSiteId: first.id, userId: holder.id, status: "ROTATED" });
  await db.collaboration.update({ where: { id: rotated.id }, data: { decidedAt: at("2026-09-01"), endedAt: at("2026-10-31"), contribution: "Data collection" } });
  const current = await createCollaboration({ projectSiteId: second.id, userId: holder.id });
  await db.collaboration.update({ where: { id: current.id }, data: { decidedAt: at("2026-11-01") } });
  await reportProgress(first.id, lead.id, 4, at("2026-08-20"));
  await reportProgress(first.id, lead.id, 16, at("2026-10-30"));
  await reportProgress(first.id, lead.id, 20, at("2026-11-15"));
  await reportProgress(second.id, lead.id, 30, at("2026-10-15"));
  await reportProgress(second.id, lead.id, 37, at("2026-11-20"));
  for (const reviewer of [committee, admin]) {
    await db.review.create({
      data: { projectId: project.id, reviewerId: reviewer.id, importance: 4, feasibility: 4, clarity: 4, comment: "Sound.", recommendation: "APPROVE", createdAt: at("2025-09-10") },
    });
  }
  return { project, lead, coLead, siteLead, holder, otherMember, consultant, committee, admin, rotated, current };
}

const NOW = at("2026-11-29");

describe("certificates of every role", () => {
  it("are issued to the right person only: a table of who may download which kind", async () => {
    const w = await world();
    const holders: Record<ProjectCertificateKind, UserRow> = { PARTICIPANT: w.holder, PROJECT_LEAD: w.lead, CO_LEAD: w.coLead, CONSULTANT: w.consultant };
    const people: Record<string, UserRow> = {
      holder: w.holder,
      "other member": w.otherMember,
      "site lead": w.siteLead,
      "project lead": w.lead,
      "co-lead": w.coLead,
      consultant: w.consultant,
      committee: w.committee,
      admin: w.admin,
    };
    // Which kinds each person gets for this project; every other kind is refused to them.
    const expected: Record<string, ProjectCertificateKind[]> = {
      holder: ["PARTICIPANT"],
      "other member": ["PARTICIPANT"],
      "site lead": ["PARTICIPANT"],
      "project lead": ["PROJECT_LEAD"],
      "co-lead": ["CO_LEAD"],
      consultant: ["CONSULTANT"],
      committee: [],
      admin: [],
    };
    const table: Record<string, string[]> = {};
    for (const [who, user] of Object.entries(people)) {
      table[who] = [];
      for (const kind of Object.keys(holders) as ProjectCertificateKind[]) {
        try {
          const issued = await issueProjectCertificate(asActor(user), kind, w.project.id, NOW);
          // Whatever is issued is theirs: their name, never the holder's of another kind.
          expect(issued.statement.traineeName).toBe(user.name);
          table[who].push(kind);
        } catch {
          // refused
        }
      }
    }
    expect(table).toEqual(expected);
    // Each certificate names its holder alone.
    for (const row of await db.certificate.findMany({ where: { projectId: w.project.id }, include: { holder: true } })) {
      expect((row.statement as { traineeName: string }).traineeName).toBe(row.holder!.name);
    }
    // Reviewers: the committee member and the administrator who reviewed; nobody else.
    const year = { start: "2025-08-01", end: "2026-07-31" };
    for (const [who, user] of Object.entries(people)) {
      const outcome = await issueReviewerCertificate(asActor(user), year, NOW).then(
        (issued) => issued.statement.traineeName,
        () => null,
      );
      expect(outcome, who).toBe(who === "committee" || who === "admin" ? user.name : null);
    }
  });

  it("take no one else's id: another project, a place, or nonsense finds nothing of theirs", async () => {
    const w = await world();
    const elsewhere = await world();
    // The holder asks for the certificate of a project they have no part in.
    for (const kind of ["PARTICIPANT", "PROJECT_LEAD", "CO_LEAD", "CONSULTANT"] as const) {
      expect(await refusal(issueProjectCertificate(asActor(w.holder), kind, elsewhere.project.id, NOW))).toBeDefined();
    }
    // Another person's place, at the address of the first certificates.
    expect(await refusal(issueCertificate(asActor(w.otherMember), elsewhere.current.id))).toBeDefined();
    expect(await refusal(issueProjectCertificate(asActor(w.holder), "PARTICIPANT", "00000000-0000-4000-8000-000000000000", NOW))).toBeDefined();
    expect(await db.certificate.count({ where: { projectId: elsewhere.project.id } })).toBe(0);
  });

  it("wait for the end of data collection, and say so", async () => {
    const w = await world("DATA_COLLECTION");
    for (const [user, kind] of [
      [w.holder, "PARTICIPANT"],
      [w.lead, "PROJECT_LEAD"],
      [w.consultant, "CONSULTANT"],
    ] as const) {
      const error = await refusal(issueProjectCertificate(asActor(user), kind, w.project.id, NOW));
      expect((error as Error).message).toBe("Available once the project has finished collecting data.");
    }
    const overview = await certificatesOverview(asActor(w.holder));
    expect(overview.available).toEqual([
      { kind: "PARTICIPANT", kindLabel: "Participation", projectTitle: w.project.title, href: null, notYet: "Available once the project has finished collecting data." },
    ]);
  });

  it("list both hospitals of a rotation, each with the cases recorded while the person was there", async () => {
    const w = await world();
    const issued = await issueProjectCertificate(asActor(w.holder), "PARTICIPANT", w.project.id, NOW);
    expect(issued.statement).toMatchObject({
      kind: "PARTICIPANT",
      places: [
        { site: "Addenbrooke's Hospital", role: "COLLABORATOR", joinedOn: "2026-09-01", leftOn: "2026-10-31", casesWhileOnTeam: 12, siteCases: 20, cited: true, consultant: null },
        { site: "Royal Infirmary", role: "COLLABORATOR", joinedOn: "2026-11-01", leftOn: null, casesWhileOnTeam: 7, siteCases: 37, cited: true, consultant: "Dr Helen Marsh, Consultant neuroradiologist" },
      ],
    });
    // The old address of the first place serves the same certificate.
    expect((await issueCertificate(asActor(w.holder), w.rotated.id)).code).toBe(issued.code);
    const text = pdfText(await renderCertificatePdf(issued.statement, issued.code, "https://radiant.example/verify/x")).replace(/\s+/g, " ");
    expect(text).toContain("took part at Addenbrooke's Hospital and Royal Infirmary");
    expect(text).toContain("12 cases recorded while on the team, of the site's 20 cases");
    expect(text).toContain("7 cases recorded while on the team, of the site's 37 cases");
  });

  it("state the project's sites and cases for its leads", async () => {
    const w = await world();
    const lead = await issueProjectCertificate(asActor(w.lead), "PROJECT_LEAD", w.project.id, NOW);
    expect(lead.statement).toMatchObject({ kind: "PROJECT_LEAD", totalCases: 57, sites: [{ site: "Addenbrooke's Hospital", cases: 20 }, { site: "Royal Infirmary", cases: 37 }] });
    const coLead = await issueProjectCertificate(asActor(w.coLead), "CO_LEAD", w.project.id, NOW);
    expect(coLead.statement).toMatchObject({ kind: "CO_LEAD", ledFrom: "2025-07-01" });
    const consultant = await issueProjectCertificate(asActor(w.consultant), "CONSULTANT", w.project.id, NOW);
    expect(consultant.statement).toMatchObject({ kind: "CONSULTANT", sites: [{ site: "Royal Infirmary", from: "2026-08-15" }], projectLead: "Tom Okafor" });
  });

  it("name only public projects on a reviewer's certificate, and count the rest", async () => {
    const w = await world();
    const hidden = await createProject({ status: "REJECTED", title: "A rejected idea that stays private" });
    await db.review.create({
      data: { projectId: hidden.id, reviewerId: w.committee.id, importance: 1, feasibility: 1, clarity: 1, comment: "No.", recommendation: "REJECT", createdAt: at("2026-02-01") },
    });
    const issued = await issueReviewerCertificate(asActor(w.committee), { start: "2025-08-01", end: "2026-07-31" }, NOW);
    expect(issued.statement).toMatchObject({ kind: "REVIEWER", proposals: 2, publicTitles: [w.project.title] });
    expect(JSON.stringify(issued.statement)).not.toContain("rejected idea");
    // A period without reviews has no certificate.
    expect((await refusal(issueReviewerCertificate(asActor(w.committee), { start: "2024-08-01", end: "2025-07-31" }, NOW)) as Error).message).toBe(
      "A reviewer's certificate needs at least one review in the period.",
    );
  });
});

describe("versions of a certificate", () => {
  it("serve the same certificate while the statement is the same, and a new one after a new output; the old still verifies", async () => {
    const w = await world();
    const first = await issueProjectCertificate(asActor(w.holder), "PARTICIPANT", w.project.id, NOW);
    // Another day, nothing changed: the same certificate.
    expect((await issueProjectCertificate(asActor(w.holder), "PARTICIPANT", w.project.id, at("2026-12-05"))).code).toBe(first.code);
    await db.projectOutput.create({
      data: { projectId: w.project.id, kind: "PAPER", title: "CT head timing after injury", venue: "Clinical Radiology", date: new Date("2027-01-15"), doi: "10.1016/j.crad.2027.01.001", pmid: "39912345" },
    });
    const second = await issueProjectCertificate(asActor(w.holder), "PARTICIPANT", w.project.id, at("2026-12-05"));
    expect(second.code).not.toBe(first.code);
    expect(second.statement).toMatchObject({ outputs: [{ kind: "PAPER", title: "CT head timing after injury", year: 2027, doi: "10.1016/j.crad.2027.01.001", pmid: "39912345" }] });
    const old = await verifyCertificateWithNewer(first.code);
    expect(old).toMatchObject({ code: first.code, superseded: true });
    expect(old!.statement).toMatchObject({ outputs: [] });
    expect(await verifyCertificateWithNewer(second.code)).toMatchObject({ superseded: false });
    // The lead's certificate mentions it too.
    const lead = await issueProjectCertificate(asActor(w.lead), "PROJECT_LEAD", w.project.id, NOW);
    expect(certificateContent(lead.statement, lead.code, "x").outputs).toEqual([
      "Paper: CT head timing after injury. Clinical Radiology, 2027. doi:10.1016/j.crad.2027.01.001, PMID 39912345.",
    ]);
  });

  it("keep a certificate issued before versions as it was, verifiable and printed as before", async () => {
    const w = await world();
    const legacy = await db.certificate.create({
      data: {
        code: "AAAA-BBBB-CCCC-DDDD",
        kind: "PARTICIPANT",
        holderId: w.holder.id,
        projectId: w.project.id,
        subject: `participant:${w.project.id}:${w.holder.id}`,
        fingerprint: "issued-before-versions:legacy",
        collaborationId: w.rotated.id,
        statement: {
          traineeName: "Aisha Rahman",
          gmcNumber: null,
          projectTitle: w.project.title,
          site: "Addenbrooke's Hospital",
          role: "COLLABORATOR",
          collectionStart: "2026-09-01",
          collectionEnd: "2027-01-31",
          issuedOn: "2026-11-01",
        },
        issuedAt: at("2026-11-01"),
      },
    });
    const issued = await issueProjectCertificate(asActor(w.holder), "PARTICIPANT", w.project.id, NOW);
    expect(issued.code).not.toBe(legacy.code);
    const old = await verifyCertificateWithNewer(legacy.code);
    expect(old).toMatchObject({ superseded: true, statement: { site: "Addenbrooke's Hospital", role: "COLLABORATOR" } });
    const text = pdfText(await renderCertificatePdf(old!.statement, old!.code, "https://radiant.example/verify/AAAA-BBBB-CCCC-DDDD")).replace(/\s+/g, " ");
    expect(text).toContain("took part as collaborator at Addenbrooke's Hospital in the multicentre project");
    expect(text).toContain("The project lead");
  });
});

describe("erasing an account", () => {
  it("erases the holder's name and GMC number from a certificate of every kind, and a signing lead's name", async () => {
    const w = await world();
    const issued = [
      await issueProjectCertificate(asActor(w.holder), "PARTICIPANT", w.project.id, NOW),
      await issueProjectCertificate(asActor(w.lead), "PROJECT_LEAD", w.project.id, NOW),
      await issueProjectCertificate(asActor(w.coLead), "CO_LEAD", w.project.id, NOW),
      await issueProjectCertificate(asActor(w.consultant), "CONSULTANT", w.project.id, NOW),
      await issueReviewerCertificate(asActor(w.committee), { start: "2025-08-01", end: "2026-07-31" }, NOW),
    ];
    const people = [w.holder, w.lead, w.coLead, w.consultant, w.committee];
    const profiles = await db.traineeProfile.findMany({ where: { userId: { in: people.map((p) => p.id) } }, select: { gmcNumber: true } });
    await db.$transaction((tx) => eraseAccounts(tx, people.map((p) => p.id), { kind: "member" }));
    for (const certificate of issued) {
      const stored = await db.certificate.findUniqueOrThrow({ where: { code: certificate.code }, select: { statement: true, kind: true } });
      // The site's consultant line is what the site recorded (ProjectSite.consultantName), tied to no
      // account: it stays on a participant's certificate as the site wrote it.
      const json = JSON.stringify(stored.statement).replace('"consultant":"Dr Helen Marsh, Consultant neuroradiologist"', "");
      for (const p of people) expect(json, stored.kind).not.toContain(p.name);
      for (const profile of profiles) expect(json, stored.kind).not.toContain(profile.gmcNumber!);
      expect(stored.statement).toMatchObject({ gmcNumber: null });
      // Still verifiable, saying what it certified without the person.
      expect(await verifyCertificate(certificate.code)).not.toBeNull();
    }
  });
});

describe("the data export", () => {
  it("lists every certificate the person holds, of every kind, and no one else's", async () => {
    const w = await world();
    const participant = await issueProjectCertificate(asActor(w.lead), "PROJECT_LEAD", w.project.id, NOW);
    await issueProjectCertificate(asActor(w.holder), "PARTICIPANT", w.project.id, NOW);
    const mine = (await exportMyData(asActor(w.lead))).certificates;
    expect(mine).toEqual([{ kind: "PROJECT_LEAD", certifies: w.project.title, code: participant.code, issuedAt: expect.any(String) }]);
    const words = describeMyData(await exportMyData(asActor(w.holder))).find((section) => section.title === "Certificates")!;
    expect(words.entries).toHaveLength(1);
    expect(Object.fromEntries(words.entries[0]!.map((f) => [f.label, f.value]))).toMatchObject({ Kind: "Participation", Certifies: w.project.title });
  });
});

describe("the certificates page", () => {
  it("lists every kind the person may download, and costs the same however many they hold", async () => {
    const w = await world();
    const lead = asActor(w.lead);
    const measure = async () => (await countStatements(() => certificatesOverview(lead))).statements;
    const overview = await certificatesOverview(lead);
    expect(overview.available.map((a) => [a.kindLabel, a.href !== null])).toEqual([["Project lead", true]]);
    const small = await measure();
    for (let i = 0; i < 4; i++) {
      const extra = await createProject({ status: i % 2 ? "COMPLETED" : "DATA_COLLECTION" });
      await db.projectLead.create({ data: { projectId: extra.id, userId: w.lead.id, role: "CO_LEAD" } });
      const site = await createProjectSite({ projectId: extra.id });
      // Named as the site's consultant, as an observer must be for a consultant's certificate.
      await db.projectSite.update({ where: { id: site.id }, data: { consultantName: w.lead.name, consultantEmail: w.lead.email } });
      await createCollaboration({ projectSiteId: site.id, userId: w.lead.id });
      await db.siteObserver.create({ data: { projectSiteId: site.id, userId: w.lead.id } });
      if (i % 2) await issueProjectCertificate(lead, "CO_LEAD", extra.id, NOW);
    }
    expect(await measure()).toBe(small);
    const after = await certificatesOverview(lead);
    expect(after.available).toHaveLength(1 + 4 * 3);
    expect(after.held.length).toBeGreaterThanOrEqual(2);
    expect(after.reviewer).toBe(false);
    expect((await certificatesOverview(asActor(w.committee))).reviewer).toBe(true);
  });
});
