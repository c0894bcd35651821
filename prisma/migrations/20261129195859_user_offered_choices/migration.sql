-- AlterTable
ALTER TABLE "User" ADD COLUMN "offered" TEXT;
