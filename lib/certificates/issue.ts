import "server-only";
// Certificates of every role (docs/decisions/030): what each kind states, built from the records
// when the holder downloads it, and issued once per statement. Downloading again serves the
// certificate already issued for the same statement; a changed statement (a new output, more
// cases) is issued anew under a new code, and the earlier one still verifies.
import { db } from "@/lib/db";
import { audit } from "@/lib/audit";
import { assertCan } from "@/lib/authz";
import type { Actor } from "@/lib/auth/session";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { CertificateKind } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "@/lib/database/unique-violation";
import { countsForAuthorship } from "@/lib/participation/rules";
import { casesAt, casesWhileOnTeam } from "@/lib/participation/credit";
import { PUBLIC_STATUSES } from "@/lib/validation/projects";
import { newVerificationCode } from "./code";
import type { ReviewPeriod } from "./period";
import { isCited } from "./content";
import {
  asIssued,
  CERTIFICATE_PROJECT_STATUSES,
  certificateSubject,
  reviewerSubject,
  statementFingerprint,
  type CertificateStatement,
  type ConsultantStatement,
  type IssuedCertificate,
  type LeadStatement,
  type OutputLine,
  type ParticipantStatement,
  type ReviewerStatement,
} from "./certificate";

export type ProjectCertificateKind = Exclude<CertificateKind, "REVIEWER">;

const isoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** The sentence a project certificate waits on, or null when the project's status allows it. */
export function projectNotYet(status: string): string | null {
  if (CERTIFICATE_PROJECT_STATUSES.includes(status as never)) return null;
  if (status === "REJECTED" || status === "WITHDRAWN") return "Not available: the project did not go ahead.";
  return "Available once the project has finished collecting data.";
}

const holderSelect = { name: true, profile: { select: { gmcNumber: true } } } as const;

const projectSelect = {
  title: true,
  status: true,
  collectionStart: true,
  collectionEnd: true,
  minimumCitableCases: true,
  leads: { orderBy: { addedAt: "asc" }, select: { userId: true, role: true, addedAt: true, user: { select: { id: true, name: true, deletedAt: true } } } },
  outputs: { orderBy: [{ date: "asc" as const }, { createdAt: "asc" as const }], select: { kind: true, title: true, venue: true, date: true, doi: true, pmid: true } },
} satisfies Prisma.ProjectSelect;

function outputLines(outputs: { kind: OutputLine["kind"]; title: string; venue: string; date: Date; doi: string | null; pmid: string | null }[]): OutputLine[] {
  return outputs.map((o) => ({ kind: o.kind, title: o.title, venue: o.venue, year: o.date.getUTCFullYear(), doi: o.doi, pmid: o.pmid }));
}

async function loadHolder(actor: Actor) {
  const holder = await db.user.findUnique({ where: { id: actor.id }, select: holderSelect });
  if (!holder) throw new NotFoundError("That certificate");
  return { traineeName: holder.name, gmcNumber: holder.profile?.gmcNumber ?? null };
}

/** The statement of the holder's certificate of `kind` for the project, or a refusal. */
async function projectStatement(actor: Actor, kind: ProjectCertificateKind, projectId: string, now: Date): Promise<CertificateStatement> {
  const userId = actor.id;
  const project = await db.project.findUnique({
    where: { id: projectId },
    select: {
      ...projectSelect,
      sites: {
        orderBy: { site: { name: "asc" } },
        where:
          kind === "PARTICIPANT"
            ? { collaborations: { some: { userId } } }
            : kind === "CONSULTANT"
              ? // The site's supervising consultant: an observer at the address the site names (docs/decisions/027).
                { observers: { some: { userId } }, consultantEmail: actor.email }
              : { status: { not: "WITHDRAWN" } },
        select: {
          status: true,
          consultantName: true,
          consultantRole: true,
          site: { select: { name: true } },
          progressReports: { select: { cumulativeCases: true, reportedAt: true } },
          collaborations: { where: { userId }, orderBy: { requestedAt: "asc" }, select: { status: true, role: true, contribution: true, requestedAt: true, decidedAt: true, endedAt: true } },
          observers: { where: { userId }, select: { addedAt: true } },
        },
      },
    },
  });
  if (!project) throw new NotFoundError("That certificate");
  const leads = project.leads;
  // The project's first lead signs, as on the first certificates.
  const signatory = leads.find((l) => l.role === "LEAD" && !l.user.deletedAt)?.user ?? null;
  const common = {
    projectTitle: project.title,
    collectionStart: isoDate(project.collectionStart),
    collectionEnd: isoDate(project.collectionEnd),
    outputs: outputLines(project.outputs),
  };
  const notYet = projectNotYet(project.status);

  if (kind === "PARTICIPANT") {
    const places: ParticipantStatement["places"] = [];
    for (const site of project.sites) {
      for (const place of site.collaborations) {
        if (!countsForAuthorship({ status: place.status, siteWithdrawn: site.status === "WITHDRAWN" })) continue;
        const siteCases = casesAt(site.progressReports, now);
        const joined = place.decidedAt ?? place.requestedAt;
        places.push({
          site: site.site.name,
          role: place.role,
          joinedOn: isoDate(joined),
          leftOn: place.status === "ROTATED" ? isoDate(place.endedAt) : null,
          casesWhileOnTeam: casesWhileOnTeam(site.progressReports, joined, place.status === "ROTATED" ? place.endedAt : null, now),
          siteCases,
          cited: isCited(site.status, siteCases, project.minimumCitableCases),
          contribution: place.contribution,
          consultant: site.consultantName ? [site.consultantName, site.consultantRole].filter(Boolean).join(", ") : null,
        });
      }
    }
    if (places.length === 0) {
      if (project.sites.length === 0) throw new NotFoundError("That certificate");
      throw new DomainError("A certificate of participation is issued for a place the site lead confirmed, at a hospital still taking part.");
    }
    if (notYet) throw new DomainError(notYet);
    places.sort((a, b) => (a.joinedOn ?? "").localeCompare(b.joinedOn ?? ""));
    return {
      kind,
      ...(await loadHolder(actor)),
      ...common,
      minimumCitableCases: project.minimumCitableCases,
      places,
      issuedOn: isoDate(now)!,
      projectLead: signatory?.name ?? null,
      projectLeadId: signatory?.id ?? null,
    };
  }

  if (kind === "CONSULTANT") {
    const sites = project.sites.flatMap((site) => site.observers.map((o) => ({ site: site.site.name, from: isoDate(o.addedAt)! })));
    if (sites.length === 0) throw new NotFoundError("That certificate");
    if (notYet) throw new DomainError(notYet);
    const statement: ConsultantStatement = {
      kind,
      ...(await loadHolder(actor)),
      ...common,
      sites,
      issuedOn: isoDate(now)!,
      projectLead: signatory?.name ?? null,
      projectLeadId: signatory?.id ?? null,
    };
    return statement;
  }

  const mine = leads.find((l) => l.userId === userId);
  if (!mine || (mine.role === "LEAD" ? "PROJECT_LEAD" : "CO_LEAD") !== kind) throw new NotFoundError("That certificate");
  if (notYet) throw new DomainError(notYet);
  const sites = project.sites.map((site) => ({ site: site.site.name, cases: casesAt(site.progressReports, now) }));
  const statement: LeadStatement = {
    kind,
    ...(await loadHolder(actor)),
    ...common,
    ledFrom: isoDate(mine.addedAt)!,
    sites,
    totalCases: sites.reduce((sum, s) => sum + s.cases, 0),
    issuedOn: isoDate(now)!,
  };
  return statement;
}

/** Issues the statement under its subject once: the same statement again serves the certificate already issued. */
async function issueStatement(
  actor: Actor,
  kind: CertificateKind,
  subject: string,
  projectId: string | null,
  statement: CertificateStatement,
  now: Date,
): Promise<IssuedCertificate> {
  const fingerprint = statementFingerprint(statement);
  const select = { code: true, statement: true, issuedAt: true } as const;
  const existing = await db.certificate.findUnique({ where: { subject_fingerprint: { subject, fingerprint } }, select });
  if (existing) return asIssued(existing);
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.certificate.create({
        data: { code: newVerificationCode(), kind, holderId: actor.id, projectId, subject, fingerprint, statement: statement as unknown as Prisma.InputJsonObject, issuedAt: now },
        select: { id: true, ...select },
      });
      await audit(tx, {
        actorId: actor.id,
        action: "certificate.issued",
        // Named in the audit log as the project it certifies, or the reviewer themselves.
        entityType: projectId ? "Project" : "User",
        entityId: projectId ?? actor.id,
        after: { certificateId: created.id, kind, code: created.code },
      });
      return asIssued(created);
    });
  } catch (error) {
    // Two downloads at once: the first one issued it; serve that one.
    if (isUniqueViolation(error)) return asIssued(await db.certificate.findUniqueOrThrow({ where: { subject_fingerprint: { subject, fingerprint } }, select }));
    throw error;
  }
}

/** The holder's certificate of `kind` for the project: issued the first time, the same one while it would state the same. */
export async function issueProjectCertificate(actor: Actor, kind: ProjectCertificateKind, projectId: string, now = new Date()): Promise<IssuedCertificate> {
  assertCan(actor, "certificate.issue", { ownerId: actor.id });
  const statement = await projectStatement(actor, kind, projectId, now);
  return issueStatement(actor, kind, certificateSubject(kind, projectId, actor.id), projectId, statement, now);
}


const dayAfter = (iso: string) => new Date(new Date(`${iso}T00:00:00Z`).getTime() + 86_400_000);

/** The proposals the person reviewed in the period: how many, and the titles of those public now. */
export async function reviewsInPeriod(actor: Actor, period: ReviewPeriod): Promise<{ proposals: number; publicTitles: string[] }> {
  assertCan(actor, "certificate.issue", { ownerId: actor.id });
  const rows = await db.review.findMany({
    where: { reviewerId: actor.id, createdAt: { gte: new Date(`${period.start}T00:00:00Z`), lt: dayAfter(period.end) } },
    distinct: ["projectId"],
    orderBy: [{ projectId: "asc" }],
    select: { project: { select: { title: true, status: true } } },
  });
  const publicTitles = rows
    .filter((r) => (PUBLIC_STATUSES as readonly string[]).includes(r.project.status))
    .map((r) => r.project.title)
    .sort((a, b) => a.localeCompare(b, "en-GB"));
  return { proposals: rows.length, publicTitles };
}

/** A committee member's or administrator's certificate of the proposals they reviewed in a period. */
export async function issueReviewerCertificate(actor: Actor, period: ReviewPeriod, now = new Date()): Promise<IssuedCertificate> {
  const reviewed = await reviewsInPeriod(actor, period);
  if (reviewed.proposals === 0) throw new DomainError("A reviewer's certificate needs at least one review in the period.");
  const statement: ReviewerStatement = {
    kind: "REVIEWER",
    ...(await loadHolder(actor)),
    periodStart: period.start,
    periodEnd: period.end,
    ...reviewed,
    issuedOn: isoDate(now)!,
  };
  return issueStatement(actor, "REVIEWER", reviewerSubject(period.start, period.end, actor.id), null, statement, now);
}
