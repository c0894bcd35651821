-- AlterTable
ALTER TABLE "HelpRequest" ADD COLUMN "scSummary" TEXT;
