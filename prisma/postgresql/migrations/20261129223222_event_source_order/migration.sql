-- AlterTable
ALTER TABLE "ProcessedEvent" ADD COLUMN     "occurredAt" TIMESTAMP(3),
ADD COLUMN     "sourceKey" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "SourceLease" (
    "sourceKey" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SourceLease_pkey" PRIMARY KEY ("sourceKey")
);

-- CreateIndex
CREATE INDEX "ProcessedEvent_sourceKey_status_idx" ON "ProcessedEvent"("sourceKey", "status");
