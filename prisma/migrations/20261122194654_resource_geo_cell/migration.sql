-- DropIndex
DROP INDEX "Resource_lat_lng_idx";

-- AlterTable
ALTER TABLE "Resource" ADD COLUMN "geoCell" INTEGER;

-- CreateIndex
CREATE INDEX "Resource_geoCell_status_idx" ON "Resource"("geoCell", "status");
