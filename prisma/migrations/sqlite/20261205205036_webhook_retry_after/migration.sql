-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN "retryAfter" DATETIME;

