-- AlterTable
ALTER TABLE "ProcessedEvent" ADD COLUMN "errorKind" TEXT;
