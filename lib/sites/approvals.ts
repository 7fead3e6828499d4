import "server-only";
import { assertCan, type AuthzActor } from "@/lib/authz";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { notify } from "@/lib/notifications/notifications";
import type { RecordApprovalsInput } from "@/lib/validation/sites";
import { authzFacts, loadProjectSite, sitePath } from "./facts";
import { applySiteMove } from "./status";

const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/**
 * The site lead records the local governance approval: references only,
 * never a document (no patient data ever enters the portal). A site that was
 * only registered moves on to "approvals in progress" in the same transaction.
 */
export async function recordApprovals(actor: AuthzActor | null, input: RecordApprovalsInput): Promise<void> {
  const facts = await loadProjectSite(input.projectSiteId);
  assertCan(actor, "site.recordApprovals", authzFacts(facts));
  if (facts.status === "COMPLETE" || facts.status === "WITHDRAWN") {
    throw new DomainError("This site has finished with the project, so its approvals can no longer be changed.");
  }
  if (!["SITE_SETUP", "DATA_COLLECTION"].includes(facts.project.status)) {
    throw new DomainError("Approvals can be recorded while the project is open to sites or collecting data.");
  }
  const before = {
    approvalReference: facts.approvalReference,
    approvingBody: facts.approvingBody,
    approvalDate: isoDay(facts.approvalDate),
    caldicottSignedOff: facts.caldicottSignedOff,
  };
  const after = {
    approvalReference: input.approvalReference,
    approvingBody: input.approvingBody,
    approvalDate: isoDay(input.approvalDate),
    caldicottSignedOff: input.caldicottSignedOff,
  };
  await db.$transaction(async (tx) => {
    const { count } = await tx.projectSite.updateMany({
      where: { id: facts.id, status: { notIn: ["COMPLETE", "WITHDRAWN"] } },
      data: {
        approvalReference: input.approvalReference,
        approvingBody: input.approvingBody,
        approvalDate: input.approvalDate,
        caldicottSignedOff: input.caldicottSignedOff,
      },
    });
    if (count === 0) throw new DomainError("Someone else changed this site while you were looking at it. Reload the page and try again.");
    await audit(tx, { actorId: actor.id, action: "site.approvalsRecorded", entityType: "ProjectSite", entityId: facts.id, before, after });
    if (facts.status === "REGISTERED") await applySiteMove(tx, actor.id, facts, "startApprovals");
    if (!facts.leadApprovedAt) {
      await notify(tx, facts.projectLeadIds, {
        kind: "site.approvalsRecorded",
        projectId: facts.project.id,
        message: `${facts.site.name} recorded its local approvals for "${facts.project.title}" and is waiting for your approval.`,
        link: `/dashboard/projects/${facts.project.slug}`,
      });
    }
  });
}

/**
 * The project lead accepts a site into the project. Approving twice is
 * harmless: the second press finds it done, changes nothing and says so.
 */
export async function approveSite(actor: AuthzActor | null, projectSiteId: string): Promise<{ alreadyApproved: boolean; hospital: string; path: string }> {
  const facts = await loadProjectSite(projectSiteId);
  assertCan(actor, "site.approve", authzFacts(facts));
  const done = { hospital: facts.site.name, path: sitePath(facts) };
  if (facts.leadApprovedAt) return { alreadyApproved: true, ...done };
  if (facts.status === "WITHDRAWN") throw new DomainError(`${facts.site.name} has withdrawn from the project, so it cannot be approved.`);
  if (!["SITE_SETUP", "DATA_COLLECTION"].includes(facts.project.status)) {
    throw new DomainError("Sites can be approved while the project is open to sites or collecting data.");
  }
  return db.$transaction(async (tx) => {
    const approvedAt = new Date();
    const { count } = await tx.projectSite.updateMany({
      where: { id: facts.id, leadApprovedAt: null, status: { not: "WITHDRAWN" } },
      data: { leadApprovedAt: approvedAt, leadApprovedById: actor.id },
    });
    // Someone (another lead, another tab) approved it a moment ago: that is the outcome asked for.
    if (count === 0) return { alreadyApproved: true, ...done };
    await audit(tx, {
      actorId: actor.id,
      action: "site.approved",
      entityType: "ProjectSite",
      entityId: facts.id,
      before: { leadApprovedAt: null },
      after: { leadApprovedAt: approvedAt.toISOString(), leadApprovedById: actor.id },
    });
    await notify(tx, facts.siteLeadIds, {
      kind: "site.approved",
      projectId: facts.project.id,
      message: `The project lead approved ${facts.site.name} for "${facts.project.title}".`,
      link: sitePath(facts),
    });
    return { alreadyApproved: false, ...done };
  });
}
