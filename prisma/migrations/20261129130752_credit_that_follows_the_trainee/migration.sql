-- CreateEnum
CREATE TYPE "CertificateKind" AS ENUM ('PARTICIPANT', 'PROJECT_LEAD', 'CO_LEAD', 'REVIEWER', 'CONSULTANT');

-- CreateEnum
CREATE TYPE "CreditRole" AS ENUM ('STEERING_COMMITTEE', 'WRITING_GROUP', 'REGIONAL_LEAD', 'SITE_LEAD', 'COLLABORATOR', 'DATA_VALIDATOR', 'STATISTICIAN', 'PATIENT_AND_PUBLIC_PARTNER');

-- CreateEnum
CREATE TYPE "AuthorListGrouping" AS ENUM ('HOSPITAL', 'REGION', 'ROLE');

-- CreateEnum
CREATE TYPE "AuthorAnswer" AS ENUM ('PENDING', 'CONFIRMED', 'CORRECTION_REQUESTED');

-- CreateEnum
CREATE TYPE "OutputKind" AS ENUM ('ABSTRACT', 'POSTER', 'ORAL_PRESENTATION', 'PAPER', 'REPORT');

-- AlterEnum
ALTER TYPE "CollaborationStatus" ADD VALUE 'ROTATED';

-- AlterEnum
ALTER TYPE "InvitationKind" ADD VALUE 'SITE_OBSERVER';

-- DropForeignKey
ALTER TABLE "Certificate" DROP CONSTRAINT "Certificate_collaborationId_fkey";

-- DropIndex
DROP INDEX "Certificate_collaborationId_key";

-- AlterTable
ALTER TABLE "ProjectSite" ADD COLUMN     "consultantEmail" TEXT,
ADD COLUMN     "consultantName" TEXT,
ADD COLUMN     "consultantRole" TEXT;

-- AlterTable
ALTER TABLE "Collaboration" ADD COLUMN     "endedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Certificate" ADD COLUMN     "fingerprint" TEXT,
ADD COLUMN     "holderId" UUID,
ADD COLUMN     "kind" "CertificateKind" NOT NULL DEFAULT 'PARTICIPANT',
ADD COLUMN     "projectId" UUID,
ADD COLUMN     "subject" TEXT,
ALTER COLUMN "collaborationId" DROP NOT NULL;

-- Certificates issued so far: each was a participant's, for one place. Its subject is the holder's
-- part in the project (what new participant certificates are keyed by); its fingerprint is its own
-- id, so it stays as issued beside any certificate issued later.
UPDATE "Certificate" cert
   SET "holderId" = c."userId",
       "projectId" = ps."projectId",
       "subject" = 'participant:' || ps."projectId" || ':' || c."userId",
       "fingerprint" = 'issued-before-versions:' || cert.id
  FROM "Collaboration" c JOIN "ProjectSite" ps ON ps.id = c."projectSiteId"
 WHERE c.id = cert."collaborationId";
ALTER TABLE "Certificate" ALTER COLUMN "subject" SET NOT NULL, ALTER COLUMN "fingerprint" SET NOT NULL;

-- A place that ended before its end was recorded: its last change is when it ended.
UPDATE "Collaboration" SET "endedAt" = "updatedAt" WHERE status = 'LEFT';

-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "replacesId" UUID;

-- CreateTable
CREATE TABLE "SiteObserver" (
    "projectSiteId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SiteObserver_pkey" PRIMARY KEY ("projectSiteId","userId")
);

-- CreateTable
CREATE TABLE "ProjectCreditRole" (
    "projectId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "role" "CreditRole" NOT NULL,
    "assignedById" UUID,
    "assignedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectCreditRole_pkey" PRIMARY KEY ("projectId","userId","role")
);

-- CreateTable
CREATE TABLE "AuthorList" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "grouping" "AuthorListGrouping" NOT NULL,
    "minimumCitableCases" INTEGER,
    "answerBy" TIMESTAMP(3) NOT NULL,
    "changeLog" TEXT NOT NULL DEFAULT '',
    "frozenById" UUID,
    "frozenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuthorList_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuthorListEntry" (
    "id" UUID NOT NULL,
    "listId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "userId" UUID,
    "printedName" TEXT NOT NULL,
    "affiliations" TEXT[],
    "groupName" TEXT NOT NULL,
    "role" "CreditRole" NOT NULL,
    "cited" BOOLEAN NOT NULL,
    "orcid" TEXT,
    "answer" "AuthorAnswer" NOT NULL DEFAULT 'PENDING',
    "correction" TEXT,
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "AuthorListEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectOutput" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "kind" "OutputKind" NOT NULL,
    "title" TEXT NOT NULL,
    "venue" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "doi" TEXT,
    "pmid" TEXT,
    "authorListId" UUID,
    "recordedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProjectOutput_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SiteObserver_userId_idx" ON "SiteObserver"("userId");

-- CreateIndex
CREATE INDEX "ProjectCreditRole_userId_idx" ON "ProjectCreditRole"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "AuthorList_projectId_version_key" ON "AuthorList"("projectId", "version");

-- CreateIndex
CREATE INDEX "AuthorListEntry_userId_idx" ON "AuthorListEntry"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "AuthorListEntry_listId_position_key" ON "AuthorListEntry"("listId", "position");

-- CreateIndex
CREATE INDEX "ProjectOutput_projectId_date_idx" ON "ProjectOutput"("projectId", "date");

-- CreateIndex
CREATE INDEX "ProjectOutput_date_idx" ON "ProjectOutput"("date");

-- CreateIndex
CREATE INDEX "Certificate_holderId_issuedAt_idx" ON "Certificate"("holderId", "issuedAt");

-- CreateIndex
CREATE INDEX "Certificate_collaborationId_idx" ON "Certificate"("collaborationId");

-- CreateIndex
CREATE INDEX "Certificate_projectId_idx" ON "Certificate"("projectId");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_subject_fingerprint_key" ON "Certificate"("subject", "fingerprint");

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_holderId_fkey" FOREIGN KEY ("holderId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_collaborationId_fkey" FOREIGN KEY ("collaborationId") REFERENCES "Collaboration"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteObserver" ADD CONSTRAINT "SiteObserver_projectSiteId_fkey" FOREIGN KEY ("projectSiteId") REFERENCES "ProjectSite"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SiteObserver" ADD CONSTRAINT "SiteObserver_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectCreditRole" ADD CONSTRAINT "ProjectCreditRole_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectCreditRole" ADD CONSTRAINT "ProjectCreditRole_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectCreditRole" ADD CONSTRAINT "ProjectCreditRole_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthorList" ADD CONSTRAINT "AuthorList_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthorList" ADD CONSTRAINT "AuthorList_frozenById_fkey" FOREIGN KEY ("frozenById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthorListEntry" ADD CONSTRAINT "AuthorListEntry_listId_fkey" FOREIGN KEY ("listId") REFERENCES "AuthorList"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuthorListEntry" ADD CONSTRAINT "AuthorListEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectOutput" ADD CONSTRAINT "ProjectOutput_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectOutput" ADD CONSTRAINT "ProjectOutput_authorListId_fkey" FOREIGN KEY ("authorListId") REFERENCES "AuthorList"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectOutput" ADD CONSTRAINT "ProjectOutput_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_replacesId_fkey" FOREIGN KEY ("replacesId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
