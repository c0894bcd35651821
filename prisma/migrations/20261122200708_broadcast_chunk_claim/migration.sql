-- AlterTable
ALTER TABLE "BroadcastChunk" ADD COLUMN "claimedAt" DATETIME;

-- CreateIndex
CREATE INDEX "BroadcastChunk_status_idx" ON "BroadcastChunk"("status");
