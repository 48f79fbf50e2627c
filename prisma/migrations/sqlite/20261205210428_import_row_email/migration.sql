-- AlterTable
ALTER TABLE "SubscriptionImportRow" ADD COLUMN "email" TEXT;

