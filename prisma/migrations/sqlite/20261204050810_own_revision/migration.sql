-- AlterTable
ALTER TABLE "SubscriptionContract" ADD COLUMN "ownRevisionId" TEXT;

