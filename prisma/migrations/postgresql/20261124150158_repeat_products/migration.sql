-- AlterTable
ALTER TABLE "Backfill" ADD COLUMN     "repeatProducts" TEXT NOT NULL DEFAULT '[]';

