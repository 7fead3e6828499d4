-- CreateEnum
CREATE TYPE "ProjectVersionKind" AS ENUM ('PROPOSAL', 'AMENDMENT');

-- CreateEnum
CREATE TYPE "ConflictKind" AS ENUM ('SAME_HOSPITAL_AS_LEAD', 'NAMED_IN_PROPOSAL', 'PERSONAL');

-- CreateEnum
CREATE TYPE "AmendmentStatus" AS ENUM ('PROPOSED', 'APPROVED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "GovernanceItemKind" AS ENUM ('LOCAL_AUDIT_REGISTRATION', 'CALDICOTT_APPROVAL', 'CAPACITY_AND_CAPABILITY', 'IRAS_NUMBER', 'REC_REFERENCE');

-- CreateEnum
CREATE TYPE "GovernanceItemState" AS ENUM ('RECORDED', 'CHECKED', 'SENT_BACK');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('PROTOCOL', 'DATA_COLLECTION_FORM', 'PATIENT_INFORMATION', 'APPROVAL_TEMPLATE', 'OTHER');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "committeeChair" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "callId" UUID;

-- AlterTable
ALTER TABLE "Collaboration" ADD COLUMN     "periodId" UUID;

-- AlterTable
ALTER TABLE "ProgressReport" ADD COLUMN     "periodCases" INTEGER,
ADD COLUMN     "periodId" UUID;

-- AlterTable
ALTER TABLE "ProjectVersion" ADD COLUMN     "kind" "ProjectVersionKind" NOT NULL DEFAULT 'PROPOSAL';

-- CreateTable
CREATE TABLE "ConflictOfInterest" (
    "projectId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "ConflictKind" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "declaredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConflictOfInterest_pkey" PRIMARY KEY ("projectId","userId")
);

-- CreateTable
CREATE TABLE "ReviewAssignment" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "reviewerId" UUID NOT NULL,
    "assignedById" UUID,
    "dueOn" DATE NOT NULL,
    "assignedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "remindedAt" TIMESTAMP(3),
    "overdueNotifiedAt" TIMESTAMP(3),

    CONSTRAINT "ReviewAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewCall" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "opensOn" DATE NOT NULL,
    "closesOn" DATE NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewCall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectAmendment" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "AmendmentStatus" NOT NULL DEFAULT 'PROPOSED',
    "changes" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "proposedById" UUID,
    "proposedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "decisionMessage" TEXT NOT NULL DEFAULT '',
    "versionNumber" INTEGER,

    CONSTRAINT "ProjectAmendment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SiteGovernanceItem" (
    "projectSiteId" UUID NOT NULL,
    "kind" "GovernanceItemKind" NOT NULL,
    "reference" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "recordedById" UUID,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "state" "GovernanceItemState" NOT NULL DEFAULT 'RECORDED',
    "checkedById" UUID,
    "checkedAt" TIMESTAMP(3),
    "sentBackReason" TEXT,

    CONSTRAINT "SiteGovernanceItem_pkey" PRIMARY KEY ("projectSiteId","kind")
);

-- CreateTable
CREATE TABLE "ProjectGovernanceItem" (
    "projectId" UUID NOT NULL,
    "kind" "GovernanceItemKind" NOT NULL,
    "reference" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "recordedById" UUID,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectGovernanceItem_pkey" PRIMARY KEY ("projectId","kind")
);

-- CreateTable
CREATE TABLE "CollectionPeriod" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,

    CONSTRAINT "CollectionPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudyDocument" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "title" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StudyDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudyDocumentVersion" (
    "id" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "mediaType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "uploadedById" UUID,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StudyDocumentVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConflictOfInterest_userId_idx" ON "ConflictOfInterest"("userId");

-- CreateIndex
CREATE INDEX "ReviewAssignment_reviewerId_idx" ON "ReviewAssignment"("reviewerId");

-- CreateIndex
CREATE INDEX "ReviewAssignment_dueOn_idx" ON "ReviewAssignment"("dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewAssignment_projectId_round_reviewerId_key" ON "ReviewAssignment"("projectId", "round", "reviewerId");

-- CreateIndex
CREATE INDEX "ReviewCall_closesOn_idx" ON "ReviewCall"("closesOn");

-- CreateIndex
CREATE INDEX "ProjectAmendment_status_proposedAt_idx" ON "ProjectAmendment"("status", "proposedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectAmendment_projectId_number_key" ON "ProjectAmendment"("projectId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "CollectionPeriod_projectId_number_key" ON "CollectionPeriod"("projectId", "number");

-- CreateIndex
CREATE INDEX "StudyDocument_projectId_idx" ON "StudyDocument"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "StudyDocumentVersion_storageKey_key" ON "StudyDocumentVersion"("storageKey");

-- CreateIndex
CREATE UNIQUE INDEX "StudyDocumentVersion_documentId_version_key" ON "StudyDocumentVersion"("documentId", "version");

-- CreateIndex
CREATE INDEX "Project_callId_idx" ON "Project"("callId");

-- CreateIndex
CREATE INDEX "Collaboration_periodId_idx" ON "Collaboration"("periodId");

-- CreateIndex
CREATE INDEX "ProgressReport_periodId_idx" ON "ProgressReport"("periodId");

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_callId_fkey" FOREIGN KEY ("callId") REFERENCES "ReviewCall"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Collaboration" ADD CONSTRAINT "Collaboration_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "CollectionPeriod"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressReport" ADD CONSTRAINT "ProgressReport_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "CollectionPeriod"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictOfInterest" ADD CONSTRAINT "ConflictOfInterest_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConflictOfInterest" ADD CONSTRAINT "ConflictOfInterest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAssignment" ADD CONSTRAINT "ReviewAssignment_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAssignment" ADD CONSTRAINT "ReviewAssignment_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAssignment" ADD CONSTRAINT "ReviewAssignment_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewCall" ADD CONSTRAINT "ReviewCall_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectAmendment" ADD CONSTRAINT "ProjectAmendment_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectAmendment" ADD CONSTRAINT "ProjectAmendment_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectAmendment" ADD CONSTRAINT "ProjectAmendment_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteGovernanceItem" ADD CONSTRAINT "SiteGovernanceItem_projectSiteId_fkey" FOREIGN KEY ("projectSiteId") REFERENCES "ProjectSite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteGovernanceItem" ADD CONSTRAINT "SiteGovernanceItem_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteGovernanceItem" ADD CONSTRAINT "SiteGovernanceItem_checkedById_fkey" FOREIGN KEY ("checkedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectGovernanceItem" ADD CONSTRAINT "ProjectGovernanceItem_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectGovernanceItem" ADD CONSTRAINT "ProjectGovernanceItem_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CollectionPeriod" ADD CONSTRAINT "CollectionPeriod_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyDocument" ADD CONSTRAINT "StudyDocument_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyDocumentVersion" ADD CONSTRAINT "StudyDocumentVersion_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "StudyDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyDocumentVersion" ADD CONSTRAINT "StudyDocumentVersion_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Approvals recorded before the checklist existed become its items: the one reference and date a
-- site recorded is its local registration (an audit or service evaluation) or its capacity and
-- capability confirmation (research), and the Caldicott tick its Caldicott approval. What the
-- project lead had accepted counts as checked, by them, when they accepted it.
INSERT INTO "SiteGovernanceItem" ("projectSiteId", "kind", "reference", "date", "recordedAt", "state", "checkedById", "checkedAt")
SELECT ps.id,
       CASE WHEN p."governanceRoute" = 'RESEARCH_ETHICS' THEN 'CAPACITY_AND_CAPABILITY'::"GovernanceItemKind"
            ELSE 'LOCAL_AUDIT_REGISTRATION'::"GovernanceItemKind" END,
       ps."approvalReference", ps."approvalDate", ps."updatedAt",
       CASE WHEN ps."leadApprovedAt" IS NULL THEN 'RECORDED'::"GovernanceItemState" ELSE 'CHECKED'::"GovernanceItemState" END,
       ps."leadApprovedById", ps."leadApprovedAt"
  FROM "ProjectSite" ps JOIN "Project" p ON p.id = ps."projectId"
 WHERE ps."approvalReference" IS NOT NULL AND ps."approvalDate" IS NOT NULL;

INSERT INTO "SiteGovernanceItem" ("projectSiteId", "kind", "reference", "date", "recordedAt", "state", "checkedById", "checkedAt")
SELECT ps.id, 'CALDICOTT_APPROVAL', COALESCE(NULLIF(ps."approvingBody", ''), 'Caldicott Guardian sign-off'),
       COALESCE(ps."approvalDate", ps."updatedAt"::date), ps."updatedAt",
       CASE WHEN ps."leadApprovedAt" IS NULL THEN 'RECORDED'::"GovernanceItemState" ELSE 'CHECKED'::"GovernanceItemState" END,
       ps."leadApprovedById", ps."leadApprovedAt"
  FROM "ProjectSite" ps JOIN "Project" p ON p.id = ps."projectId"
 WHERE ps."caldicottSignedOff" AND COALESCE(p."governanceRoute"::text, 'LOCAL_REGISTRATION') = 'LOCAL_REGISTRATION';
