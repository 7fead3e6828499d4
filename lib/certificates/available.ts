import "server-only";
// Every certificate a person may download, of every kind, and why not yet when not yet: what
// /dashboard/certificates lists. A constant number of statements, however many projects.
import { db } from "@/lib/db";
import { assertCan } from "@/lib/authz";
import type { Actor } from "@/lib/auth/session";
import type { CertificateKind } from "@/lib/generated/prisma/enums";
import { EARNING_CREDIT } from "@/lib/participation/team";
import type { CertificateStatement } from "./certificate";
import { certificateTitle } from "./content";
import { projectNotYet, type ProjectCertificateKind } from "./issue";

export const KIND_LABELS: Record<CertificateKind, string> = {
  PARTICIPANT: "Participation",
  PROJECT_LEAD: "Project lead",
  CO_LEAD: "Co-lead",
  REVIEWER: "Proposal reviews",
  CONSULTANT: "Supervising consultant",
};

/** The download's `kind` parameter for each project certificate. */
export const KIND_PARAMS: Record<ProjectCertificateKind, string> = {
  PARTICIPANT: "participant",
  PROJECT_LEAD: "project-lead",
  CO_LEAD: "co-lead",
  CONSULTANT: "consultant",
};

export const projectCertificatePath = (kind: ProjectCertificateKind, projectId: string) =>
  `/dashboard/certificates/download?kind=${KIND_PARAMS[kind]}&project=${projectId}`;

export const reviewerCertificatePath = (period: { start: string; end: string }) =>
  `/dashboard/certificates/download?kind=reviewer&from=${period.start}&to=${period.end}`;

export interface AvailableCertificate {
  kind: ProjectCertificateKind;
  kindLabel: string;
  projectTitle: string;
  /** The download, or null with `notYet` saying why. */
  href: string | null;
  notYet: string | null;
}

export interface HeldCertificate {
  code: string;
  kindLabel: string;
  /** What it certifies, as it states it. */
  title: string;
  issuedAt: Date;
}

export interface CertificatesOverview {
  available: AvailableCertificate[];
  /** Whether they review proposals (the committee, administrators, or anyone who reviewed one). */
  reviewer: boolean;
  held: HeldCertificate[];
}

interface ProjectRow {
  id: string;
  title: string;
  status: string;
}

/** The person's certificates: those they may download now or later, and those issued to them. */
export async function certificatesOverview(actor: Actor): Promise<CertificatesOverview> {
  assertCan(actor, "certificate.issue", { ownerId: actor.id });
  const project = { select: { id: true, title: true, status: true } } as const;
  const [places, leads, observed, reviewed, held] = await Promise.all([
    db.collaboration.findMany({
      where: { userId: actor.id, ...EARNING_CREDIT },
      select: { projectSite: { select: { project } } },
    }),
    db.projectLead.findMany({ where: { userId: actor.id }, select: { role: true, project } }),
    // Observers whom the site names as its supervising consultant (by the address it gives).
    db.siteObserver.findMany({ where: { userId: actor.id, projectSite: { consultantEmail: actor.email } }, select: { projectSite: { select: { project } } } }),
    // The committee and administrators review by role; anyone else only if they once did.
    actor.role === "MEMBER" ? db.review.findFirst({ where: { reviewerId: actor.id }, select: { id: true } }) : Promise.resolve({ id: actor.id }),
    db.certificate.findMany({ where: { holderId: actor.id }, orderBy: [{ issuedAt: "desc" }, { code: "asc" }], select: { code: true, kind: true, statement: true, issuedAt: true } }),
  ]);

  const available = new Map<string, AvailableCertificate>();
  const offer = (kind: ProjectCertificateKind, p: ProjectRow) => {
    if (available.has(`${kind}:${p.id}`)) return;
    const notYet = projectNotYet(p.status);
    available.set(`${kind}:${p.id}`, { kind, kindLabel: KIND_LABELS[kind], projectTitle: p.title, href: notYet ? null : projectCertificatePath(kind, p.id), notYet });
  };
  for (const place of places) offer("PARTICIPANT", place.projectSite.project);
  for (const lead of leads) offer(lead.role === "LEAD" ? "PROJECT_LEAD" : "CO_LEAD", lead.project);
  for (const observer of observed) offer("CONSULTANT", observer.projectSite.project);

  return {
    available: [...available.values()].sort((a, b) => a.projectTitle.localeCompare(b.projectTitle, "en-GB") || a.kindLabel.localeCompare(b.kindLabel)),
    reviewer: actor.role === "COMMITTEE" || actor.role === "ADMIN" || reviewed !== null,
    held: held.map((row) => ({
      code: row.code,
      kindLabel: KIND_LABELS[row.kind],
      title: certificateTitle(row.statement as unknown as CertificateStatement),
      issuedAt: row.issuedAt,
    })),
  };
}
