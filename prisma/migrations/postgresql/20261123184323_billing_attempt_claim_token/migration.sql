-- AlterTable
ALTER TABLE "BillingAttempt" ADD COLUMN     "claimToken" TEXT;

