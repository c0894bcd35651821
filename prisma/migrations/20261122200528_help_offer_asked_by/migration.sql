-- AlterTable
ALTER TABLE "HelpOffer" ADD COLUMN "askedBy" INTEGER;
