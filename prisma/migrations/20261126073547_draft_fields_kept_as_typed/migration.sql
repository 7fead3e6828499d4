-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "unsavedFields" JSONB,
ALTER COLUMN "design" DROP NOT NULL,
ALTER COLUMN "governanceRoute" DROP NOT NULL,
ALTER COLUMN "governanceRoute" DROP DEFAULT;
