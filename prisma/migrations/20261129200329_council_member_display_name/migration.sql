-- AlterTable
ALTER TABLE "CouncilMember" ADD COLUMN "displayName" TEXT;
