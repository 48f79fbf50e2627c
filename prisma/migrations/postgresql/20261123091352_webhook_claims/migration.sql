-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN     "claimedAt" TIMESTAMP(3);

