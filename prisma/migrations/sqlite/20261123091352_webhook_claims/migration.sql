-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN "claimedAt" DATETIME;

