-- AlterTable
ALTER TABLE "Backfill" ADD COLUMN "repeatProducts" TEXT;

