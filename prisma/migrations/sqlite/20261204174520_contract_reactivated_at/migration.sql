-- AlterTable
ALTER TABLE "SubscriptionContract" ADD COLUMN "reactivatedAt" DATETIME;

