-- AlterTable
ALTER TABLE "SubscriptionContract" ADD COLUMN     "originOrderId" TEXT;

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "currencyCode" TEXT,
ADD COLUMN     "name" TEXT,
ADD COLUMN     "totalMinor" INTEGER;

