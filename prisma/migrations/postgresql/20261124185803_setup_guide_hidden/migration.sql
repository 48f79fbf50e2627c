-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "setupGuideHidden" BOOLEAN NOT NULL DEFAULT false;

