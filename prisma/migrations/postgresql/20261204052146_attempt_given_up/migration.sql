-- AlterTable
ALTER TABLE "BillingAttempt" ADD COLUMN     "givenUpAt" TIMESTAMP(3);

