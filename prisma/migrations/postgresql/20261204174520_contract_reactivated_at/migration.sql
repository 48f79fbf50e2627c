-- AlterTable
ALTER TABLE "SubscriptionContract" ADD COLUMN     "reactivatedAt" TIMESTAMP(3);

