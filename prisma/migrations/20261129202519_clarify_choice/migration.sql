-- CreateTable
CREATE TABLE "ClarifyChoice" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "offered" TEXT NOT NULL,
    "chosen" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "ClarifyChoice_chosen_createdAt_idx" ON "ClarifyChoice"("chosen", "createdAt");
