-- AlterTable
ALTER TABLE "SubscriptionPlan" ADD COLUMN     "attachedProducts" TEXT NOT NULL DEFAULT '[]';

