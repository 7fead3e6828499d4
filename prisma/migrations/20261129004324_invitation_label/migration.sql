-- AlterTable
ALTER TABLE "Invitation" ADD COLUMN     "label" TEXT;
