import "server-only";
import { GOVERNANCE_ITEMS } from "@/lib/sites/governance";
import { DOCUMENT_KIND_LABELS } from "@/lib/validation/documents";
import type { Actor } from "@/lib/auth/session";
import { assertCan } from "@/lib/authz";
import { db } from "@/lib/db";
import { OWN_PROFILE_FIELDS } from "@/lib/trainees/profile";
import { outputsForMember } from "@/lib/outputs/member";
import type { CertificateStatement } from "@/lib/certificates/certificate";
import { certificateTitle } from "@/lib/certificates/content";

/**
 * Everything the portal holds about the actor (UK GDPR right of access), as
 * plain data. Only the actor's own rows: the function takes no id to misuse.
 */
export async function exportMyData(actor: Actor) {
  assertCan(actor, "profile.view", { ownerId: actor.id });
  const [user, auditEvents, outputs] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: actor.id },
      select: {
        name: true,
        email: true,
        role: true,
        createdAt: true,
        lastSignInAt: true,
        inactivityWarnedAt: true,
        profile: {
          select: { ...OWN_PROFILE_FIELDS, homeSite: { select: { name: true, city: true } } },
        },
        collaborations: {
          orderBy: { requestedAt: "asc" },
          select: {
            role: true,
            status: true,
            contribution: true,
            requestedAt: true,
            decidedAt: true,
            endedAt: true,
            projectSite: { select: { project: { select: { title: true } }, site: { select: { name: true } } } },
          },
        },
        // Every certificate issued to them, of every kind (lib/certificates).
        certificates: { orderBy: [{ issuedAt: "asc" }, { code: "asc" }], select: { code: true, kind: true, statement: true, issuedAt: true } },
        projectsLed: { select: { role: true, project: { select: { title: true, status: true } } } },
        conflicts: { orderBy: { declaredAt: "asc" }, select: { kind: true, note: true, declaredAt: true, project: { select: { title: true } } } },
        reviews: {
          select: { importance: true, feasibility: true, clarity: true, comment: true, recommendation: true, createdAt: true, project: { select: { title: true } } },
        },
        // Reviews the chair asked them to write (lib/reviews/assignments.ts).
        reviewAssignments: {
          orderBy: { assignedAt: "asc" },
          select: { round: true, dueOn: true, assignedAt: true, remindedAt: true, project: { select: { title: true } } },
        },
        progressReports: {
          orderBy: { reportedAt: "asc" },
          select: { cumulativeCases: true, note: true, reportedAt: true, projectSite: { select: { site: { select: { name: true } }, project: { select: { title: true } } } } },
        },
        siteInterests: { select: { createdAt: true, project: { select: { title: true } }, site: { select: { name: true } } } },
        notifications: { orderBy: { createdAt: "asc" }, select: { message: true, createdAt: true, readAt: true } },
        sessions: { orderBy: { createdAt: "asc" }, select: { userAgent: true, createdAt: true, expires: true } },
        siteObservations: {
          orderBy: { addedAt: "asc" },
          select: { addedAt: true, projectSite: { select: { project: { select: { title: true } }, site: { select: { name: true } } } } },
        },
        // Author lists (lib/author-lists): each line as printed, and the answer given to it.
        authorListEntries: {
          orderBy: { list: { frozenAt: "asc" } },
          select: { printedName: true, affiliations: true, role: true, cited: true, answer: true, correction: true, list: { select: { version: true, frozenAt: true, project: { select: { title: true } } } } },
        },
        // Amendments after approval (lib/amendments): those they proposed, with their reason, and those they decided, with their message.
        amendmentsProposed: {
          orderBy: { proposedAt: "asc" },
          select: { number: true, status: true, reason: true, proposedAt: true, project: { select: { title: true } } },
        },
        amendmentsDecided: {
          orderBy: { decidedAt: "asc" },
          select: { number: true, status: true, decisionMessage: true, decidedAt: true, project: { select: { title: true } } },
        },
        // Governance checklists (lib/sites/governance): the items they recorded for a site, and those they checked.
        governanceRecorded: {
          orderBy: { recordedAt: "asc" },
          select: { kind: true, reference: true, date: true, state: true, recordedAt: true, projectSite: { select: { project: { select: { title: true } }, site: { select: { name: true } } } } },
        },
        governanceChecked: {
          orderBy: { checkedAt: "asc" },
          select: { kind: true, state: true, checkedAt: true, sentBackReason: true, projectSite: { select: { project: { select: { title: true } }, site: { select: { name: true } } } } },
        },
        // The study's documents (lib/documents): the files they uploaded (the files themselves are the project's).
        documentsUploaded: {
          orderBy: { uploadedAt: "asc" },
          select: { version: true, fileName: true, note: true, uploadedAt: true, document: { select: { kind: true, title: true, project: { select: { title: true } } } } },
        },
        invitationsReceived: {
          orderBy: { createdAt: "asc" },
          select: {
            kind: true,
            status: true,
            createdAt: true,
            decidedAt: true,
            project: { select: { title: true } },
            projectSite: { select: { site: { select: { name: true } } } },
            invitedBy: { select: { name: true } },
          },
        },
      },
    }),
    db.auditEvent.findMany({
      where: { actorId: actor.id },
      orderBy: { id: "asc" },
      select: { action: true, entityType: true, createdAt: true },
    }),
    outputsForMember(actor),
  ]);
  const profile = user.profile;
  return {
    exportedAt: new Date().toISOString(),
    account: {
      name: user.name,
      email: user.email,
      role: user.role,
      createdAt: user.createdAt.toISOString(),
      lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
      inactivityWarnedAt: user.inactivityWarnedAt?.toISOString() ?? null,
    },
    profile: profile
      ? {
          grade: profile.grade,
          trainingRegion: profile.deanery.name,
          homeHospital: `${profile.homeSite.name}, ${profile.homeSite.city}`,
          gmcNumber: profile.gmcNumber ?? profile.pendingGmcNumber,
          orcid: profile.orcid,
          modalities: profile.modalities,
          subspecialties: profile.subspecialties,
          contactConsent: profile.contactConsent,
          authorSurname: profile.authorSurname,
          authorInitials: profile.authorInitials,
        }
      : null,
    collaborations: user.collaborations.map((c) => ({
      project: c.projectSite.project.title,
      hospital: c.projectSite.site.name,
      role: c.role,
      status: c.status,
      contribution: c.contribution,
      requestedAt: c.requestedAt.toISOString(),
      decidedAt: c.decidedAt?.toISOString() ?? null,
      endedAt: c.endedAt?.toISOString() ?? null,
    })),
    certificates: user.certificates.map((c) => ({
      kind: c.kind,
      certifies: certificateTitle(c.statement as unknown as CertificateStatement),
      code: c.code,
      issuedAt: c.issuedAt.toISOString(),
    })),
    projectsLed: user.projectsLed.map((lead) => ({ project: lead.project.title, status: lead.project.status, role: lead.role })),
    reviewsWritten: user.reviews.map((r) => ({
      project: r.project.title,
      importance: r.importance,
      feasibility: r.feasibility,
      clarity: r.clarity,
      comment: r.comment,
      recommendation: r.recommendation,
      writtenAt: r.createdAt.toISOString(),
    })),
    conflictsDeclared: user.conflicts.map((c) => ({ project: c.project.title, kind: c.kind, note: c.note, declaredAt: c.declaredAt.toISOString() })),
    reviewsAssigned: user.reviewAssignments.map((a) => ({
      project: a.project.title,
      version: a.round,
      dueOn: a.dueOn.toISOString().slice(0, 10),
      assignedAt: a.assignedAt.toISOString(),
      remindedAt: a.remindedAt?.toISOString() ?? null,
    })),
    progressRecorded: user.progressReports.map((p) => ({
      project: p.projectSite.project.title,
      hospital: p.projectSite.site.name,
      cumulativeCases: p.cumulativeCases,
      note: p.note,
      reportedAt: p.reportedAt.toISOString(),
    })),
    interestRegistered: user.siteInterests.map((i) => ({ project: i.project.title, hospital: i.site.name, at: i.createdAt.toISOString() })),
    notifications: user.notifications.map((n) => ({ message: n.message, at: n.createdAt.toISOString(), read: n.readAt !== null })),
    signedIn: user.sessions.map((s) => ({ browser: s.userAgent, signedInAt: s.createdAt.toISOString(), endsAt: s.expires.toISOString() })),
    invitationsReceived: user.invitationsReceived.map((i) => ({
      as: i.kind,
      project: i.project.title,
      hospital: i.projectSite?.site.name ?? null,
      invitedBy: i.invitedBy.name,
      status: i.status,
      sentAt: i.createdAt.toISOString(),
      answeredAt: i.decidedAt?.toISOString() ?? null,
    })),
    outputsOfYourProjects: outputs.map((o) => ({ project: o.project.title, kind: o.kind, title: o.title, venue: o.venue, date: o.date, doi: o.doi, pmid: o.pmid })),
    sitesObserved: user.siteObservations.map((o) => ({ project: o.projectSite.project.title, hospital: o.projectSite.site.name, since: o.addedAt.toISOString() })),
    authorLists: user.authorListEntries.map((entry) => ({
      project: entry.list.project.title,
      version: entry.list.version,
      frozenAt: entry.list.frozenAt.toISOString(),
      printedAs: entry.printedName,
      affiliations: entry.affiliations,
      role: entry.role,
      cited: entry.cited,
      answer: entry.answer,
      correction: entry.correction,
    })),
    amendmentsProposed: user.amendmentsProposed.map((a) => ({ project: a.project.title, number: a.number, status: a.status, reason: a.reason, at: a.proposedAt.toISOString() })),
    amendmentsDecided: user.amendmentsDecided.map((a) => ({
      project: a.project.title,
      number: a.number,
      status: a.status,
      message: a.decisionMessage,
      at: a.decidedAt?.toISOString() ?? null,
    })),
    governanceRecorded: user.governanceRecorded.map((g) => ({
      project: g.projectSite.project.title,
      hospital: g.projectSite.site.name,
      item: GOVERNANCE_ITEMS[g.kind].label,
      reference: g.reference,
      date: g.date.toISOString().slice(0, 10),
      state: g.state,
      at: g.recordedAt.toISOString(),
    })),
    governanceChecked: user.governanceChecked.map((g) => ({
      project: g.projectSite.project.title,
      hospital: g.projectSite.site.name,
      item: GOVERNANCE_ITEMS[g.kind].label,
      state: g.state,
      sentBackReason: g.sentBackReason,
      at: g.checkedAt?.toISOString() ?? null,
    })),
    documentsUploaded: user.documentsUploaded.map((d) => ({
      project: d.document.project.title,
      document: d.document.title || DOCUMENT_KIND_LABELS[d.document.kind],
      version: d.version,
      fileName: d.fileName,
      note: d.note,
      at: d.uploadedAt.toISOString(),
    })),
    changesMade: auditEvents.map((e) => ({ action: e.action, record: e.entityType, at: e.createdAt.toISOString() })),
  };
}

export type MyData = Awaited<ReturnType<typeof exportMyData>>;
