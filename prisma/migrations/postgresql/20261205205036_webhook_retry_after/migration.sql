-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN     "retryAfter" TIMESTAMP(3);

