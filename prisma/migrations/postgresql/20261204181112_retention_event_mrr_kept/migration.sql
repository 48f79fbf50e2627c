-- AlterTable
ALTER TABLE "RetentionEvent" ADD COLUMN     "mrrKeptMinor" INTEGER;

