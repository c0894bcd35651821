-- CreateTable
CREATE TABLE "SourceLease" (
    "sourceKey" TEXT NOT NULL PRIMARY KEY,
    "owner" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ProcessedEvent" (
    "webhookEventId" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'received',
    "errorKind" TEXT,
    "redelivery" BOOLEAN NOT NULL DEFAULT false,
    "payload" TEXT,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "sourceKey" TEXT NOT NULL DEFAULT '',
    "occurredAt" DATETIME
);
INSERT INTO "new_ProcessedEvent" ("errorKind", "finishedAt", "payload", "receivedAt", "redelivery", "status", "type", "webhookEventId") SELECT "errorKind", "finishedAt", "payload", "receivedAt", "redelivery", "status", "type", "webhookEventId" FROM "ProcessedEvent";
DROP TABLE "ProcessedEvent";
ALTER TABLE "new_ProcessedEvent" RENAME TO "ProcessedEvent";
CREATE INDEX "ProcessedEvent_status_receivedAt_idx" ON "ProcessedEvent"("status", "receivedAt");
CREATE INDEX "ProcessedEvent_sourceKey_status_idx" ON "ProcessedEvent"("sourceKey", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
