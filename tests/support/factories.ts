// Builders of valid rows with sensible defaults; each test states only what it is about.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import type {
  CollaborationStatus,
  GlobalRole,
  ProjectSiteStatus,
  ProjectStatus,
} from "@/lib/generated/prisma/enums";

let counter = 0;
const next = () => ++counter;

export async function createDeanery(overrides: { name?: string; code?: string } = {}) {
  const n = next();
  return db.deanery.create({
    data: { name: overrides.name ?? `Region ${n}`, code: overrides.code ?? `R${n}`, nation: "ENGLAND" },
  });
}

export async function createSite(overrides: { name?: string; deaneryId?: string } = {}) {
  const n = next();
  const deaneryId = overrides.deaneryId ?? (await createDeanery()).id;
  return db.site.create({
    data: {
      name: overrides.name ?? `Hospital ${n}`,
      trust: `Trust ${n}`,
      odsCode: `T${String(n).padStart(4, "0")}`,
      city: "Testford",
      deaneryId,
    },
  });
}

let cachedHash: string | undefined;
export const FACTORY_PASSWORD = "correct horse battery";

export async function createUser(
  overrides: { name?: string; email?: string; role?: GlobalRole; siteId?: string; withProfile?: boolean; verified?: boolean } = {},
) {
  const n = next();
  cachedHash ??= await hashPassword(FACTORY_PASSWORD);
  const site = overrides.withProfile === false ? null : overrides.siteId ? await db.site.findUniqueOrThrow({ where: { id: overrides.siteId } }) : await createSite();
  return db.user.create({
    data: {
      name: overrides.name ?? `Trainee ${n}`,
      email: overrides.email ?? `trainee${n}-${randomUUID().slice(0, 8)}@example.net`,
      role: overrides.role ?? "MEMBER",
      passwordHash: cachedHash,
      emailVerified: overrides.verified === false ? null : new Date(),
      ...(site ? { profile: { create: { grade: "ST3", deaneryId: site.deaneryId, homeSiteId: site.id } } } : {}),
    },
  });
}

export async function createProject(
  overrides: { title?: string; summary?: string; status?: ProjectStatus; leadId?: string; design?: "AUDIT" | "SURVEY" | "COHORT"; modalities?: ("CT" | "MRI" | "ULTRASOUND")[]; collectionStart?: Date } = {},
) {
  const n = next();
  const leadId = overrides.leadId ?? (await createUser()).id;
  return db.project.create({
    data: {
      slug: `project-${n}-${randomUUID().slice(0, 6)}`,
      title: overrides.title ?? `Project ${n}`,
      summary: overrides.summary ?? `Summary of project ${n}`,
      design: overrides.design ?? "AUDIT",
      governanceRoute: "LOCAL_REGISTRATION",
      modalities: overrides.modalities ?? ["CT"],
      status: overrides.status ?? "DATA_COLLECTION",
      targetCasesPerSite: 50,
      collectionStart: overrides.collectionStart ?? new Date("2026-09-01"),
      collectionEnd: new Date("2027-01-31"),
      createdById: leadId,
      leads: { create: { userId: leadId, role: "LEAD" } },
    },
  });
}

export async function createProjectSite(
  overrides: { projectId: string; siteId?: string; status?: ProjectSiteStatus; caseTarget?: number },
) {
  const siteId = overrides.siteId ?? (await createSite()).id;
  return db.projectSite.create({
    data: {
      projectId: overrides.projectId,
      siteId,
      status: overrides.status ?? "ACTIVE",
      caseTarget: overrides.caseTarget ?? 50,
    },
  });
}

export async function createCollaboration(overrides: {
  projectSiteId: string;
  userId: string;
  role?: "SITE_LEAD" | "COLLABORATOR";
  status?: CollaborationStatus;
}) {
  return db.collaboration.create({
    data: {
      projectSiteId: overrides.projectSiteId,
      userId: overrides.userId,
      role: overrides.role ?? "COLLABORATOR",
      status: overrides.status ?? "CONFIRMED",
    },
  });
}

export async function reportProgress(projectSiteId: string, reportedById: string, cumulativeCases: number, reportedAt: Date) {
  return db.progressReport.create({ data: { projectSiteId, reportedById, cumulativeCases, reportedAt } });
}
