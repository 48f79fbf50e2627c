-- AlterTable
ALTER TABLE "BillingAttempt" ADD COLUMN "givenUpAt" DATETIME;

