-- CreateTable
CREATE TABLE "ResourceOrganizer" (
    "userId" INTEGER NOT NULL,
    "resourceId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "resourceId"),
    CONSTRAINT "ResourceOrganizer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ResourceOrganizer_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "Resource" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OrganizerCheck" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "resourceId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'planned',
    "retryKey" TEXT,
    "claimedAt" DATETIME,
    "sentAt" DATETIME,
    "answeredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "NotifyRequest" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" INTEGER NOT NULL,
    "categoryKey" TEXT NOT NULL,
    "areaId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "notifiedAt" DATETIME,
    "resourceId" INTEGER,
    CONSTRAINT "NotifyRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RecruitNote" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" INTEGER,
    "resourceId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "decidedBy" INTEGER,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Invitation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "layer" INTEGER NOT NULL,
    "areaIds" TEXT NOT NULL DEFAULT '[]',
    "resourceIds" TEXT NOT NULL DEFAULT '[]',
    "createdBy" INTEGER,
    "expiresAt" DATETIME NOT NULL,
    "claimedBy" INTEGER,
    "claimedAt" DATETIME,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Invitation" ("areaIds", "claimedAt", "claimedBy", "code", "createdAt", "expiresAt", "id", "layer", "revokedAt", "role") SELECT "areaIds", "claimedAt", "claimedBy", "code", "createdAt", "expiresAt", "id", "layer", "revokedAt", "role" FROM "Invitation";
DROP TABLE "Invitation";
ALTER TABLE "new_Invitation" RENAME TO "Invitation";
CREATE UNIQUE INDEX "Invitation_code_key" ON "Invitation"("code");
CREATE TABLE "new_Resource" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "externalId" TEXT,
    "name" TEXT NOT NULL,
    "reading" TEXT NOT NULL DEFAULT '',
    "categoryKey" TEXT NOT NULL,
    "areaId" INTEGER,
    "description" TEXT NOT NULL DEFAULT '',
    "venue" TEXT NOT NULL DEFAULT '',
    "address" TEXT NOT NULL DEFAULT '',
    "lat" REAL,
    "lng" REAL,
    "geoCell" INTEGER,
    "scheduleText" TEXT NOT NULL DEFAULT '',
    "scheduleRule" TEXT,
    "weekdayMask" INTEGER NOT NULL DEFAULT 0,
    "fee" TEXT NOT NULL DEFAULT '',
    "target" TEXT NOT NULL DEFAULT '',
    "organiser" TEXT NOT NULL DEFAULT '',
    "phone" TEXT NOT NULL DEFAULT '',
    "accessibility" TEXT NOT NULL DEFAULT '',
    "visibility" TEXT NOT NULL DEFAULT 'public',
    "status" TEXT NOT NULL DEFAULT 'active',
    "source" TEXT NOT NULL DEFAULT '',
    "lastVerifiedAt" DATETIME,
    "exceptions" TEXT NOT NULL DEFAULT '{}',
    "activatedAt" DATETIME,
    "staleFlaggedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Resource_categoryKey_fkey" FOREIGN KEY ("categoryKey") REFERENCES "Category" ("key") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Resource_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Resource" ("accessibility", "address", "areaId", "categoryKey", "createdAt", "description", "externalId", "fee", "geoCell", "id", "lastVerifiedAt", "lat", "lng", "name", "organiser", "phone", "reading", "scheduleRule", "scheduleText", "source", "status", "target", "updatedAt", "venue", "visibility", "weekdayMask") SELECT "accessibility", "address", "areaId", "categoryKey", "createdAt", "description", "externalId", "fee", "geoCell", "id", "lastVerifiedAt", "lat", "lng", "name", "organiser", "phone", "reading", "scheduleRule", "scheduleText", "source", "status", "target", "updatedAt", "venue", "visibility", "weekdayMask" FROM "Resource";
DROP TABLE "Resource";
ALTER TABLE "new_Resource" RENAME TO "Resource";
CREATE UNIQUE INDEX "Resource_externalId_key" ON "Resource"("externalId");
CREATE INDEX "Resource_categoryKey_areaId_status_idx" ON "Resource"("categoryKey", "areaId", "status");
CREATE INDEX "Resource_areaId_status_idx" ON "Resource"("areaId", "status");
CREATE INDEX "Resource_geoCell_status_idx" ON "Resource"("geoCell", "status");
CREATE INDEX "Resource_name_address_idx" ON "Resource"("name", "address");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ResourceOrganizer_resourceId_idx" ON "ResourceOrganizer"("resourceId");

-- CreateIndex
CREATE INDEX "OrganizerCheck_status_idx" ON "OrganizerCheck"("status");

-- CreateIndex
CREATE UNIQUE INDEX "OrganizerCheck_resourceId_userId_month_key" ON "OrganizerCheck"("resourceId", "userId", "month");

-- CreateIndex
CREATE INDEX "NotifyRequest_areaId_categoryKey_notifiedAt_idx" ON "NotifyRequest"("areaId", "categoryKey", "notifiedAt");
