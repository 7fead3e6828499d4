-- CreateEnum
CREATE TYPE "SiteListing" AS ENUM ('LISTED', 'REQUESTED', 'RETIRED');

-- CreateEnum
CREATE TYPE "HospitalRequestStatus" AS ENUM ('PENDING', 'APPROVED', 'MERGED', 'DECLINED');

-- AlterTable
ALTER TABLE "Site" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "listing" "SiteListing" NOT NULL DEFAULT 'LISTED',
ADD COLUMN     "mergedIntoId" UUID,
ADD COLUMN     "postcode" TEXT,
ADD COLUMN     "retiredAt" TIMESTAMP(3),
ADD COLUMN     "trustCode" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "inactivityWarnedAt" TIMESTAMP(3),
ADD COLUMN     "lastSignInAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "HospitalRequest" (
    "id" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "requestedById" UUID,
    "note" TEXT NOT NULL DEFAULT '',
    "status" "HospitalRequestStatus" NOT NULL DEFAULT 'PENDING',
    "resolvedSiteId" UUID,
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HospitalRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "HospitalRequest_siteId_key" ON "HospitalRequest"("siteId");

-- CreateIndex
CREATE INDEX "HospitalRequest_status_createdAt_idx" ON "HospitalRequest"("status", "createdAt");

-- CreateIndex
CREATE INDEX "HospitalRequest_requestedById_idx" ON "HospitalRequest"("requestedById");

-- CreateIndex
CREATE INDEX "Site_listing_idx" ON "Site"("listing");

-- AddForeignKey
ALTER TABLE "Site" ADD CONSTRAINT "Site_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Site"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HospitalRequest" ADD CONSTRAINT "HospitalRequest_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HospitalRequest" ADD CONSTRAINT "HospitalRequest_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HospitalRequest" ADD CONSTRAINT "HospitalRequest_resolvedSiteId_fkey" FOREIGN KEY ("resolvedSiteId") REFERENCES "Site"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HospitalRequest" ADD CONSTRAINT "HospitalRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
