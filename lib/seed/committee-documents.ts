// The demo's study documents (issue 16): a proposal the committee reviewed twice, with its protocol
// in two versions (the first uploaded before version 1 was submitted, the second before version 2)
// and a data collection form sent with the first; so the committee, on version 1, sees protocol v1
// and on version 2 protocol v2. The files are small real PDFs, written to the configured storage
// with the plan (lib/seed/write.ts).
import { createHash } from "node:crypto";
import { minimalPdf } from "@/lib/documents/minimal-pdf";
import type { SeedPlan } from "./plan";
import type { CommitteeStoryContext } from "./committee";
import { SeededRandom } from "./random";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** The proposal to hold the documents: one with two submitted versions, the demo lead's if there is one, else an approved project's first version. */
function chooseProject(plan: SeedPlan, context: CommitteeStoryContext) {
  const twice = new Set(plan.projectVersions.filter((version) => version.number === 2).map((version) => version.projectId));
  const candidates = plan.projects.filter((project) => twice.has(project.id as string));
  const mine = (project: (typeof candidates)[number]) => plan.projectLeads.some((lead) => lead.projectId === project.id && lead.userId === context.userIds.lead);
  const underReview = (project: (typeof candidates)[number]) => project.status === "SUBMITTED" || project.status === "IN_REVIEW";
  return candidates.find((project) => underReview(project) && mine(project)) ?? candidates.find(underReview) ?? candidates.find(mine) ?? candidates[0] ?? null;
}

export function addDocumentsStory(plan: SeedPlan, context: CommitteeStoryContext): void {
  const random = new SeededRandom(1606);
  const project = chooseProject(plan, context);
  if (!project) return;
  const projectId = project.id as string;
  const versions = plan.projectVersions.filter((version) => version.projectId === projectId).sort((a, b) => (a.number as number) - (b.number as number));
  const submitted = versions.map((version) => new Date(version.submittedAt as Date).getTime());
  const leadId = plan.projectLeads.find((lead) => lead.projectId === projectId && lead.role === "LEAD")?.userId ?? (project.createdById as string);
  const title = project.title as string;

  const addVersion = (documentId: string, version: number, fileName: string, uploadedAt: number, note: string, lines: string[]) => {
    const bytes = minimalPdf([title, ...lines]);
    const storageKey = random.uuid().replace(/-/g, "");
    const id = random.uuid();
    plan.documentVersions.push({
      id,
      documentId,
      version,
      fileName,
      mediaType: "application/pdf",
      size: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      storageKey,
      note,
      uploadedById: leadId,
      uploadedAt: new Date(Math.min(uploadedAt, context.midnight.getTime() - HOUR)),
    });
    plan.documentFiles.push({ storageKey, bytes });
    plan.auditEvents.push({
      actorId: leadId,
      action: "document.uploaded",
      entityType: "Project",
      entityId: projectId,
      after: { documentId, versionId: id, version, fileName, mediaType: "application/pdf", size: bytes.length },
      createdAt: new Date(Math.min(uploadedAt, context.midnight.getTime() - HOUR)),
    });
  };

  const protocolId = random.uuid();
  const formId = random.uuid();
  const first = submitted[0]!;
  const second = submitted[1] ?? first;
  plan.documents.push({ id: protocolId, projectId, kind: "PROTOCOL", title: "Protocol", createdAt: new Date(first - 3 * DAY) });
  plan.documents.push({ id: formId, projectId, kind: "DATA_COLLECTION_FORM", title: "Data collection form", createdAt: new Date(first - 2 * DAY) });
  addVersion(protocolId, 1, "protocol-v1.pdf", first - 3 * DAY + random.int(1, 8) * HOUR, "", ["Protocol, version 1", "Retrospective review of consecutive cases."]);
  addVersion(formId, 1, "data-collection-form.pdf", first - 2 * DAY + random.int(1, 8) * HOUR, "", ["Data collection form, version 1", "One row per case."]);
  if (second > first) {
    addVersion(protocolId, 2, "protocol-v2.pdf", second - DAY + random.int(1, 8) * HOUR, "Methods and data items tightened, as the committee asked.", [
      "Protocol, version 2",
      "Methods and data items tightened after the committee's review.",
    ]);
  }
}
