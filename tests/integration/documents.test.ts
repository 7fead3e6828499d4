// The study's documents: uploads and their versions, what the committee sees on each version,
// who may download and upload (written out below, apart from the permission table), ids in
// addresses that are not the person's, the download's headers, and hostile files. A refusal
// stores nothing: no row, no file.
import { LIMITS } from "@/lib/security/rate-limit";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { documentsAsOfVersion, documentsByVersion, listProjectDocuments, uploadDocument } from "@/lib/documents/documents";
import { documentDownloadResponse } from "@/lib/documents/download";
import { MAX_DOCUMENT_BYTES } from "@/lib/validation/document-files";
import { minimalPdf } from "@/lib/documents/minimal-pdf";
import type { ProjectStatus } from "@/lib/generated/prisma/enums";
import { LocalDiskStorage } from "@/lib/storage/local-disk";
import { createCollaboration, createProject, createProjectSite, createUser } from "../support/factories";
import { asActor, refusalOf } from "../support/sites";
import { countStatements } from "../support/query-count";
import { docxBytes } from "../support/zip";

let root: string;
let storage: LocalDiskStorage;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "radiant-documents-"));
  storage = new LocalDiskStorage(root);
});
afterAll(() => rm(root, { recursive: true, force: true }));

const storedFiles = async () => (await readdir(root, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).length;
const pdf = (text: string) => minimalPdf([text]);

async function addVersion(projectId: string, number: number, submittedAt: Date, submittedById: string) {
  await db.projectVersion.create({ data: { projectId, number, content: {}, submittedAt, submittedById } });
}

/** A project at `status`, with its people; submitted once unless a draft. */
async function scenario(status: ProjectStatus) {
  const lead = await createUser({ name: "Dr Lead" });
  const coLead = await createUser({ name: "Dr Co-Lead" });
  const project = await createProject({ status, leadId: lead.id });
  await db.projectLead.create({ data: { projectId: project.id, userId: coLead.id, role: "CO_LEAD" } });
  const projectSite = await createProjectSite({ projectId: project.id });
  const siteLead = await createUser();
  await createCollaboration({ projectSiteId: projectSite.id, userId: siteLead.id, role: "SITE_LEAD" });
  const collaborator = await createUser();
  await createCollaboration({ projectSiteId: projectSite.id, userId: collaborator.id });
  const other = await createProject({ status: "DATA_COLLECTION" });
  const otherSite = await createProjectSite({ projectId: other.id });
  const otherSiteLead = await createUser();
  await createCollaboration({ projectSiteId: otherSite.id, userId: otherSiteLead.id, role: "SITE_LEAD" });
  const actors = {
    visitor: null,
    member: asActor(await createUser()),
    collaborator: asActor(collaborator),
    "site lead of another project": asActor(otherSiteLead),
    "site lead of this project": asActor(siteLead),
    lead: asActor(lead),
    "co-lead": asActor(coLead),
    committee: asActor(await createUser({ role: "COMMITTEE" })),
    admin: asActor(await createUser({ role: "ADMIN" })),
  } satisfies Record<string, Actor | null>;
  return { project, other, lead: asActor(lead), actors };
}

type Persona = keyof Awaited<ReturnType<typeof scenario>>["actors"];
const PERSONAS: Persona[] = ["visitor", "member", "collaborator", "site lead of another project", "site lead of this project", "lead", "co-lead", "committee", "admin"];

const upload = (actor: Actor | null, projectId: string, target = "new:PROTOCOL", fileName = "protocol.pdf", bytes: Uint8Array = pdf("Protocol"), extra: { title?: string; note?: string } = {}) =>
  uploadDocument(actor, { projectId, target, fileName, bytes, ...extra }, storage);

async function rowsAndFiles() {
  return { documents: await db.studyDocument.count(), versions: await db.studyDocumentVersion.count(), files: await storedFiles() };
}

describe("uploading a study document", () => {
  it("keeps each upload as a version, with who uploaded it, its checksum and its file", async () => {
    const { project, lead, actors } = await scenario("DRAFT");
    const first = await upload(lead, project.id, "new:PROTOCOL", "protocol-v1.pdf", pdf("Version 1"), { note: "First draft" });
    const second = await upload(actors["co-lead"], project.id, `document:${first.documentId}`, "protocol-v2.pdf", pdf("Version 2 with changes"), { note: "Sample size changed" });
    // A second "protocol" is a new version of the protocol, not a second protocol.
    const third = await upload(lead, project.id, "new:PROTOCOL", "protocol-v3.pdf", pdf("Version 3"));
    expect([first.version, second.version, third.version]).toEqual([1, 2, 3]);
    expect(new Set([first.documentId, second.documentId, third.documentId]).size).toBe(1);
    await upload(lead, project.id, "new:OTHER", "budget.csv", new TextEncoder().encode("item,cost\nposter,20\n"), { title: "Budget" });

    const { documents, canUpload } = await listProjectDocuments(lead, project.id);
    expect(canUpload).toBe(true);
    expect(documents.map((document) => [document.kind, document.title, document.versions.map((version) => [version.version, version.fileName, version.uploadedBy, version.note])])).toEqual([
      ["PROTOCOL", "Protocol", [[3, "protocol-v3.pdf", "Dr Lead", ""], [2, "protocol-v2.pdf", "Dr Co-Lead", "Sample size changed"], [1, "protocol-v1.pdf", "Dr Lead", "First draft"]]],
      ["OTHER", "Budget", [[1, "budget.csv", "Dr Lead", ""]]],
    ]);
    const stored = await db.studyDocumentVersion.findUniqueOrThrow({ where: { id: second.versionId } });
    expect(stored.mediaType).toBe("application/pdf");
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.storageKey).not.toContain("protocol");
    expect(new TextDecoder().decode(await storage.get(stored.storageKey))).toContain("Version 2 with changes");
    expect(await db.auditEvent.count({ where: { entityId: project.id, action: "document.uploaded" } })).toBe(4);
  });

  it("shows the committee on each version the documents as they stood when it was submitted", async () => {
    const { project, lead, actors } = await scenario("DRAFT");
    const protocol = await upload(lead, project.id, "new:PROTOCOL", "protocol-v1.pdf");
    await addVersion(project.id, 1, new Date(Date.now() + 1_000), lead.id);
    await db.studyDocumentVersion.update({ where: { id: protocol.versionId }, data: { uploadedAt: new Date(Date.now() - 1_000) } });
    await db.project.update({ where: { id: project.id }, data: { status: "CHANGES_REQUESTED" } });
    const later = { uploadedAt: new Date(Date.now() + 2_000) };
    const v2 = await upload(lead, project.id, `document:${protocol.documentId}`, "protocol-v2.pdf");
    const form = await upload(lead, project.id, "new:DATA_COLLECTION_FORM", "form.docx", docxBytes());
    await db.studyDocumentVersion.updateMany({ where: { id: { in: [v2.versionId, form.versionId] } }, data: later });
    // Before version 2 is submitted, what the lead is preparing is theirs alone.
    expect((await documentsByVersion(actors.committee, project.id))[1]!.map((document) => document.version.fileName)).toEqual(["protocol-v1.pdf"]);
    expect((await documentDownloadResponse(actors.committee, v2.versionId, storage)).status).toBe(404);
    await addVersion(project.id, 2, new Date(Date.now() + 3_000), lead.id);
    await db.project.update({ where: { id: project.id }, data: { status: "SUBMITTED" } });

    const one = await documentsAsOfVersion(actors.committee, project.id, 1);
    const two = await documentsAsOfVersion(actors.committee, project.id, 2);
    expect(one.map((document) => [document.kind, document.version.version, document.version.fileName])).toEqual([["PROTOCOL", 1, "protocol-v1.pdf"]]);
    expect(two.map((document) => [document.kind, document.version.version, document.version.fileName])).toEqual([
      ["PROTOCOL", 2, "protocol-v2.pdf"],
      ["DATA_COLLECTION_FORM", 1, "form.docx"],
    ]);
    expect((await documentDownloadResponse(actors.committee, v2.versionId, storage)).status).toBe(200);
    await expect(documentsAsOfVersion(actors.committee, project.id, 3)).rejects.toThrow("could not be found");
    await expect(documentsAsOfVersion(actors.member, project.id, 1)).rejects.toThrow("could not be found");
    // However many versions and documents: the same two statements.
    expect((await countStatements(() => documentsByVersion(actors.admin, project.id))).statements).toBe(2);
  });
});

describe("who may download a study document", () => {
  const EXPECTED: Record<"draft" | "submitted" | "approved", Persona[]> = {
    draft: ["lead", "co-lead"],
    submitted: ["lead", "co-lead", "committee", "admin"],
    approved: ["site lead of this project", "lead", "co-lead", "committee", "admin"],
  };
  const STATUS = { draft: "DRAFT", submitted: "IN_REVIEW", approved: "SITE_SETUP" } as const;

  it.each(Object.keys(EXPECTED) as (keyof typeof EXPECTED)[])("when the project is %s: only those written out here", async (stage) => {
    const { project, lead, actors } = await scenario("DRAFT");
    const uploaded = await upload(lead, project.id);
    await db.studyDocumentVersion.update({ where: { id: uploaded.versionId }, data: { uploadedAt: new Date(Date.now() - 60_000) } });
    if (stage !== "draft") await addVersion(project.id, 1, new Date(), lead.id);
    await db.project.update({ where: { id: project.id }, data: { status: STATUS[stage] } });
    const allowed: Persona[] = [];
    for (const persona of PERSONAS) {
      const response = await documentDownloadResponse(actors[persona], uploaded.versionId, storage);
      expect([200, 404]).toContain(response.status);
      if (response.status === 200) allowed.push(persona);
      const listed = await listProjectDocuments(actors[persona], project.id).then((list) => list.documents.length, () => 0);
      expect(listed > 0, `${persona} lists the documents`).toBe(response.status === 200);
    }
    expect(allowed).toEqual(EXPECTED[stage]);
  });

  it("stops a member's uploads for the day once they reach the limit, storing nothing more", async () => {
    const { project, lead } = await scenario("DRAFT");
    await upload(lead, project.id);
    await db.rateLimit.update({ where: { key: `document-upload:account:${lead.id}` }, data: { count: LIMITS.documentUploadsPerAccount.max } });
    const before = await rowsAndFiles();
    expect(await refusalOf(upload(lead, project.id))).toMatchObject({ field: "file", message: expect.stringContaining("Try again tomorrow") });
    expect(await rowsAndFiles()).toEqual(before);
  });

  it("is refused to the site lead of a site that withdrew from the project", async () => {
    const { project, lead, actors } = await scenario("SITE_SETUP");
    const uploaded = await upload(lead, project.id);
    expect((await documentDownloadResponse(actors["site lead of this project"], uploaded.versionId, storage)).status).toBe(200);
    await db.projectSite.updateMany({ where: { projectId: project.id }, data: { status: "WITHDRAWN" } });
    expect((await documentDownloadResponse(actors["site lead of this project"], uploaded.versionId, storage)).status).toBe(404);
  });

  it("answers not found for another project's version, a made-up id, a document's id and a malformed one", async () => {
    const { project, other, lead } = await scenario("SITE_SETUP");
    const mine = await upload(lead, project.id);
    const otherLead = asActor(await db.user.findUniqueOrThrow({ where: { id: other.createdById } }));
    const theirs = await upload(otherLead, other.id);
    expect((await documentDownloadResponse(lead, theirs.versionId, storage)).status).toBe(404);
    expect((await documentDownloadResponse(lead, "00000000-0000-4000-8000-000000000000", storage)).status).toBe(404);
    expect((await documentDownloadResponse(lead, mine.documentId, storage)).status).toBe(404);
    expect((await documentDownloadResponse(lead, "../../etc/passwd", storage)).status).toBe(404);
    expect((await documentDownloadResponse(lead, mine.versionId, storage)).status).toBe(200);
  });

  it("serves the file as an attachment of the type found in it, never cached or sniffed", async () => {
    const { project, lead } = await scenario("SITE_SETUP");
    const bytes = pdf("Headers");
    const uploaded = await upload(lead, project.id, "new:PROTOCOL", "Protocol – v2 \"final\".pdf", bytes);
    const response = await documentDownloadResponse(lead, uploaded.versionId, storage);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="Protocol _ v2 _final_.pdf"; filename*=UTF-8''Protocol%20%E2%80%93%20v2%20%22final%22.pdf`);
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
  });
});

describe("who may upload a study document", () => {
  it("is the project's leads alone; anyone else changes nothing", async () => {
    const { project, actors } = await scenario("SITE_SETUP");
    const allowed: Persona[] = [];
    for (const persona of PERSONAS) {
      const before = await rowsAndFiles();
      const done = await upload(actors[persona], project.id).then(() => true, () => false);
      if (done) allowed.push(persona);
      else expect(await rowsAndFiles()).toEqual(before);
    }
    expect(allowed).toEqual(["lead", "co-lead"]);
  });

  it("refuses a version for another project's document, and a closed project", async () => {
    const { project, other, lead } = await scenario("DATA_COLLECTION");
    const otherLead = asActor(await db.user.findUniqueOrThrow({ where: { id: other.createdById } }));
    const theirs = await upload(otherLead, other.id);
    const before = await rowsAndFiles();
    await expect(upload(lead, project.id, `document:${theirs.documentId}`)).rejects.toThrow("That document is no longer on this project");
    await db.project.update({ where: { id: project.id }, data: { status: "WITHDRAWN" } });
    await expect(upload(lead, project.id)).rejects.toThrow("This project has ended");
    expect(await rowsAndFiles()).toEqual(before);
  });
});

describe("hostile uploads", () => {
  it.each([
    ["a type not taken", "script.js", new TextEncoder().encode("alert(1)"), "The file must be a PDF"],
    ["an oversized file", "big.pdf", new Uint8Array(MAX_DOCUMENT_BYTES + 1).fill(0x25), "The file must be smaller than 10 MB"],
    ["a name and content that disagree", "protocol.pdf", docxBytes(), "The file is named as a PDF but is a Word document (.docx)"],
    ["an HTML page named as a PDF", "protocol.pdf", new TextEncoder().encode("<html><script>alert(1)</script></html>"), "The file is named as a PDF but is a text file"],
    ["an empty file", "protocol.pdf", new Uint8Array(), "The file you chose is empty"],
    ["a name with path separators", "../../protocol.pdf", pdf("x"), "The file's name must not contain / or \\"],
  ])("refuses %s with a message at the file, storing nothing", async (_what, fileName, bytes, message) => {
    const { project, lead } = await scenario("DRAFT");
    const before = await rowsAndFiles();
    const refusal = await upload(lead, project.id, "new:PROTOCOL", fileName, bytes).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ field: "file", message: expect.stringContaining(message) });
    expect(await rowsAndFiles()).toEqual(before);
  });

  it("deletes the stored file when its row cannot be written", async () => {
    const { project, lead } = await scenario("DRAFT");
    const before = await rowsAndFiles();
    // PostgreSQL refuses a NUL byte in text: the transaction fails after the file was stored.
    await expect(upload(lead, project.id, "new:PROTOCOL", "protocol.pdf", pdf("x"), { note: "bad\u0000note" })).rejects.toThrow();
    expect(await rowsAndFiles()).toEqual(before);
  });
});
