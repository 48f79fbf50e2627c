-- AlterTable
ALTER TABLE "SubscriptionLine" ADD COLUMN "cyclePrices" TEXT;

