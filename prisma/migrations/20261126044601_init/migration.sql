-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Nation" AS ENUM ('ENGLAND', 'SCOTLAND', 'WALES', 'NORTHERN_IRELAND');

-- CreateEnum
CREATE TYPE "GlobalRole" AS ENUM ('MEMBER', 'COMMITTEE', 'ADMIN');

-- CreateEnum
CREATE TYPE "Grade" AS ENUM ('ST1', 'ST2', 'ST3', 'ST4', 'ST5', 'ST6', 'POST_CCT_FELLOW', 'OTHER');

-- CreateEnum
CREATE TYPE "Modality" AS ENUM ('CT', 'MRI', 'ULTRASOUND', 'PLAIN_FILM', 'NUCLEAR_MEDICINE', 'INTERVENTIONAL');

-- CreateEnum
CREATE TYPE "Subspecialty" AS ENUM ('NEURO', 'HEAD_AND_NECK', 'CHEST', 'CARDIAC', 'GASTROINTESTINAL', 'GENITOURINARY', 'MUSCULOSKELETAL', 'BREAST', 'PAEDIATRIC', 'ONCOLOGY', 'EMERGENCY', 'VASCULAR');

-- CreateEnum
CREATE TYPE "StudyDesign" AS ENUM ('AUDIT', 'SERVICE_EVALUATION', 'COHORT', 'CROSS_SECTIONAL', 'SURVEY', 'OTHER');

-- CreateEnum
CREATE TYPE "GovernanceRoute" AS ENUM ('LOCAL_REGISTRATION', 'RESEARCH_ETHICS');

-- CreateEnum
CREATE TYPE "ProjectStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'SITE_SETUP', 'DATA_COLLECTION', 'ANALYSIS', 'COMPLETED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ProjectLeadRole" AS ENUM ('LEAD', 'CO_LEAD');

-- CreateEnum
CREATE TYPE "Recommendation" AS ENUM ('APPROVE', 'REQUEST_CHANGES', 'REJECT');

-- CreateEnum
CREATE TYPE "ProjectSiteStatus" AS ENUM ('REGISTERED', 'APPROVALS_PENDING', 'ACTIVE', 'COMPLETE', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "CollaborationRole" AS ENUM ('SITE_LEAD', 'COLLABORATOR');

-- CreateEnum
CREATE TYPE "CollaborationStatus" AS ENUM ('REQUESTED', 'CONFIRMED', 'DECLINED', 'LEFT');

-- CreateTable
CREATE TABLE "Deanery" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "nation" "Nation" NOT NULL,

    CONSTRAINT "Deanery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Site" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "trust" TEXT NOT NULL,
    "odsCode" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "deaneryId" UUID NOT NULL,

    CONSTRAINT "Site_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" TIMESTAMP(3),
    "name" TEXT NOT NULL,
    "image" TEXT,
    "passwordHash" TEXT,
    "role" "GlobalRole" NOT NULL DEFAULT 'MEMBER',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "userId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "providerAccountId" TEXT NOT NULL,
    "refresh_token" TEXT,
    "access_token" TEXT,
    "expires_at" INTEGER,
    "token_type" TEXT,
    "scope" TEXT,
    "id_token" TEXT,
    "session_state" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("provider","providerAccountId")
);

-- CreateTable
CREATE TABLE "Session" (
    "sessionToken" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL
);

-- CreateTable
CREATE TABLE "VerificationToken" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VerificationToken_pkey" PRIMARY KEY ("identifier","token")
);

-- CreateTable
CREATE TABLE "TraineeProfile" (
    "userId" UUID NOT NULL,
    "grade" "Grade" NOT NULL,
    "deaneryId" UUID NOT NULL,
    "homeSiteId" UUID NOT NULL,
    "gmcNumber" TEXT,
    "orcid" TEXT,
    "modalities" "Modality"[],
    "subspecialties" "Subspecialty"[],
    "contactConsent" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TraineeProfile_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "background" TEXT NOT NULL DEFAULT '',
    "aims" TEXT NOT NULL DEFAULT '',
    "primaryOutcome" TEXT NOT NULL DEFAULT '',
    "methods" TEXT NOT NULL DEFAULT '',
    "dataItems" TEXT NOT NULL DEFAULT '',
    "design" "StudyDesign" NOT NULL,
    "governanceRoute" "GovernanceRoute" NOT NULL DEFAULT 'LOCAL_REGISTRATION',
    "modalities" "Modality"[],
    "subspecialties" "Subspecialty"[],
    "collectionStart" DATE,
    "collectionEnd" DATE,
    "targetSites" INTEGER,
    "targetCasesPerSite" INTEGER,
    "supervisorName" TEXT,
    "supervisorEmail" TEXT,
    "status" "ProjectStatus" NOT NULL DEFAULT 'DRAFT',
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectLead" (
    "projectId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "ProjectLeadRole" NOT NULL DEFAULT 'LEAD',
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectLead_pkey" PRIMARY KEY ("projectId","userId")
);

-- CreateTable
CREATE TABLE "Review" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "reviewerId" UUID NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 1,
    "importance" INTEGER NOT NULL,
    "feasibility" INTEGER NOT NULL,
    "clarity" INTEGER NOT NULL,
    "comment" TEXT NOT NULL,
    "recommendation" "Recommendation" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectDecision" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "decidedById" UUID NOT NULL,
    "decision" "Recommendation" NOT NULL,
    "message" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectSite" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "status" "ProjectSiteStatus" NOT NULL DEFAULT 'REGISTERED',
    "approvalReference" TEXT,
    "approvalDate" DATE,
    "caldicottSignedOff" BOOLEAN NOT NULL DEFAULT false,
    "caseTarget" INTEGER,
    "registeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProjectSite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Collaboration" (
    "id" UUID NOT NULL,
    "projectSiteId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "CollaborationRole" NOT NULL DEFAULT 'COLLABORATOR',
    "status" "CollaborationStatus" NOT NULL DEFAULT 'REQUESTED',
    "contribution" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Collaboration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgressReport" (
    "id" UUID NOT NULL,
    "projectSiteId" UUID NOT NULL,
    "reportedById" UUID NOT NULL,
    "cumulativeCases" INTEGER NOT NULL,
    "note" TEXT,
    "reportedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgressReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Deanery_name_key" ON "Deanery"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Deanery_code_key" ON "Deanery"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Site_odsCode_key" ON "Site"("odsCode");

-- CreateIndex
CREATE INDEX "Site_deaneryId_idx" ON "Site"("deaneryId");

-- CreateIndex
CREATE INDEX "Site_name_idx" ON "Site"("name");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Account_userId_idx" ON "Account"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Session_sessionToken_key" ON "Session"("sessionToken");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "TraineeProfile_gmcNumber_key" ON "TraineeProfile"("gmcNumber");

-- CreateIndex
CREATE UNIQUE INDEX "TraineeProfile_orcid_key" ON "TraineeProfile"("orcid");

-- CreateIndex
CREATE INDEX "TraineeProfile_homeSiteId_idx" ON "TraineeProfile"("homeSiteId");

-- CreateIndex
CREATE INDEX "TraineeProfile_deaneryId_idx" ON "TraineeProfile"("deaneryId");

-- CreateIndex
CREATE UNIQUE INDEX "Project_slug_key" ON "Project"("slug");

-- CreateIndex
CREATE INDEX "Project_status_idx" ON "Project"("status");

-- CreateIndex
CREATE INDEX "Project_createdById_idx" ON "Project"("createdById");

-- CreateIndex
CREATE INDEX "ProjectLead_userId_idx" ON "ProjectLead"("userId");

-- CreateIndex
CREATE INDEX "Review_reviewerId_idx" ON "Review"("reviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "Review_projectId_reviewerId_round_key" ON "Review"("projectId", "reviewerId", "round");

-- CreateIndex
CREATE INDEX "ProjectDecision_projectId_decidedAt_idx" ON "ProjectDecision"("projectId", "decidedAt");

-- CreateIndex
CREATE INDEX "ProjectSite_siteId_idx" ON "ProjectSite"("siteId");

-- CreateIndex
CREATE INDEX "ProjectSite_projectId_status_idx" ON "ProjectSite"("projectId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectSite_projectId_siteId_key" ON "ProjectSite"("projectId", "siteId");

-- CreateIndex
CREATE INDEX "Collaboration_userId_idx" ON "Collaboration"("userId");

-- CreateIndex
CREATE INDEX "Collaboration_projectSiteId_status_idx" ON "Collaboration"("projectSiteId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Collaboration_projectSiteId_userId_key" ON "Collaboration"("projectSiteId", "userId");

-- CreateIndex
CREATE INDEX "ProgressReport_projectSiteId_reportedAt_idx" ON "ProgressReport"("projectSiteId", "reportedAt" DESC);

-- CreateIndex
CREATE INDEX "ProgressReport_reportedById_idx" ON "ProgressReport"("reportedById");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_idx" ON "AuditEvent"("actorId");

-- CreateIndex
CREATE INDEX "AuditEvent_createdAt_idx" ON "AuditEvent"("createdAt");

-- AddForeignKey
ALTER TABLE "Site" ADD CONSTRAINT "Site_deaneryId_fkey" FOREIGN KEY ("deaneryId") REFERENCES "Deanery"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TraineeProfile" ADD CONSTRAINT "TraineeProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TraineeProfile" ADD CONSTRAINT "TraineeProfile_deaneryId_fkey" FOREIGN KEY ("deaneryId") REFERENCES "Deanery"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TraineeProfile" ADD CONSTRAINT "TraineeProfile_homeSiteId_fkey" FOREIGN KEY ("homeSiteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectLead" ADD CONSTRAINT "ProjectLead_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectLead" ADD CONSTRAINT "ProjectLead_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectDecision" ADD CONSTRAINT "ProjectDecision_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectDecision" ADD CONSTRAINT "ProjectDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectSite" ADD CONSTRAINT "ProjectSite_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectSite" ADD CONSTRAINT "ProjectSite_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Collaboration" ADD CONSTRAINT "Collaboration_projectSiteId_fkey" FOREIGN KEY ("projectSiteId") REFERENCES "ProjectSite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Collaboration" ADD CONSTRAINT "Collaboration_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressReport" ADD CONSTRAINT "ProgressReport_projectSiteId_fkey" FOREIGN KEY ("projectSiteId") REFERENCES "ProjectSite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressReport" ADD CONSTRAINT "ProgressReport_reportedById_fkey" FOREIGN KEY ("reportedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
