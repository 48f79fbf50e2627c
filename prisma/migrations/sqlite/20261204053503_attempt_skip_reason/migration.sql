-- AlterTable
ALTER TABLE "BillingAttempt" ADD COLUMN "skipReason" TEXT;

