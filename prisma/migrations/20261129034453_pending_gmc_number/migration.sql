-- AlterTable
ALTER TABLE "TraineeProfile" ADD COLUMN     "pendingGmcNumber" TEXT;
