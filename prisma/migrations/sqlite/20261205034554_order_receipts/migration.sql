-- AlterTable
ALTER TABLE "SubscriptionContract" ADD COLUMN "originOrderId" TEXT;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN "currencyCode" TEXT;
ALTER TABLE "Order" ADD COLUMN "name" TEXT;
ALTER TABLE "Order" ADD COLUMN "totalMinor" INTEGER;

