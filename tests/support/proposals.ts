// Builders of proposals in any lifecycle state, with what each state implies.
import { seedChecklist } from "./governance";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { ProjectStatus } from "@/lib/generated/prisma/enums";
import type { ProposalFormInput } from "@/lib/validation/proposals";
import { createSite } from "./factories";

/** Every field of a proposal, filled in so that it can be submitted. */
export function completeProposalForm(overrides: Partial<ProposalFormInput> = {}): ProposalFormInput {
  return {
    title: `Timeliness of CT head reporting ${randomUUID().slice(0, 6)}`,
    summary: "We will check how quickly CT head scans are reported after minor head injury.",
    background: "NICE sets a one-hour standard for CT head in adults with minor head injury.",
    aims: "To measure time from request to report against the NICE standard.",
    primaryOutcome: "Proportion of scans reported within one hour of request.",
    methods: "Retrospective review of consecutive CT head requests over four weeks.",
    design: "AUDIT",
    modalities: ["CT"],
    subspecialties: ["NEURO", "EMERGENCY"],
    dataItems: "Age, time of request, time of scan, time of report.",
    governanceRoute: "LOCAL_REGISTRATION",
    collectionStart: "2027-03-01",
    collectionEnd: "2027-05-31",
    targetSites: "20",
    targetCasesPerSite: "50",
    supervisorName: "Dr Jane Smith",
    supervisorEmail: "jane.smith@nhs.example.net",
    ...overrides,
  };
}

const AFTER_SUBMISSION: ReadonlySet<ProjectStatus> = new Set([
  "SUBMITTED",
  "IN_REVIEW",
  "CHANGES_REQUESTED",
  "APPROVED",
  "SITE_SETUP",
  "DATA_COLLECTION",
  "ANALYSIS",
  "COMPLETED",
  "REJECTED",
  "WITHDRAWN",
]);

/**
 * A complete proposal in `status`, with its first version stored when it was
 * ever submitted, `reviewerIds` having reviewed that version, and one site with
 * approvals recorded when `approvedSite` (for starting collection).
 */
export async function createProposalIn(
  status: ProjectStatus,
  options: { leadId: string; coLeadIds?: string[]; reviewerIds?: string[]; approvedSite?: boolean; collectionStart?: Date; title?: string },
) {
  const form = completeProposalForm(options.title ? { title: options.title } : {});
  const project = await db.project.create({
    data: {
      slug: `proposal-${randomUUID()}`,
      title: form.title,
      summary: form.summary,
      background: form.background,
      aims: form.aims,
      primaryOutcome: form.primaryOutcome,
      methods: form.methods,
      design: "AUDIT",
      modalities: ["CT"],
      subspecialties: ["NEURO"],
      dataItems: form.dataItems,
      governanceRoute: "LOCAL_REGISTRATION",
      collectionStart: options.collectionStart ?? new Date("2026-01-05"),
      collectionEnd: new Date("2027-12-31"),
      targetSites: 20,
      targetCasesPerSite: 50,
      supervisorName: form.supervisorName,
      supervisorEmail: form.supervisorEmail,
      status,
      createdById: options.leadId,
      submittedAt: AFTER_SUBMISSION.has(status) ? new Date() : null,
      leads: {
        create: [
          { userId: options.leadId, role: "LEAD" },
          ...(options.coLeadIds ?? []).map((userId) => ({ userId, role: "CO_LEAD" as const })),
        ],
      },
    },
  });
  if (AFTER_SUBMISSION.has(status)) {
    await db.projectVersion.create({
      data: { projectId: project.id, number: 1, content: { title: project.title, aims: project.aims }, submittedById: options.leadId },
    });
  }
  if (options.reviewerIds?.length) {
    await db.review.createMany({
      data: options.reviewerIds.map((reviewerId) => ({
        projectId: project.id,
        reviewerId,
        round: 1,
        importance: 4,
        feasibility: 4,
        clarity: 4,
        comment: "Clear and feasible.",
        recommendation: "APPROVE" as const,
      })),
    });
  }
  if (options.approvedSite) {
    const site = await createSite();
    const projectSite = await db.projectSite.create({
      data: { projectId: project.id, siteId: site.id, status: "ACTIVE", leadApprovedAt: new Date("2026-01-03") },
    });
    await seedChecklist(projectSite.id);
  }
  return project;
}

/** What a refused move must leave exactly as it was. */
export async function projectSnapshot(projectId: string) {
  const [project, audits, reviews, decisions, versions, notifications] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: projectId }, select: { status: true, version: true, slug: true, title: true } }),
    db.auditEvent.count({ where: { entityId: projectId } }),
    db.review.count({ where: { projectId } }),
    db.projectDecision.count({ where: { projectId } }),
    db.projectVersion.count({ where: { projectId } }),
    db.notification.count({ where: { projectId } }),
  ]);
  return { ...project, audits, reviews, decisions, versions, notifications };
}
