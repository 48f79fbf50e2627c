-- AlterTable
ALTER TABLE "SubscriptionContract" ADD COLUMN     "plannedSkips" TEXT;

