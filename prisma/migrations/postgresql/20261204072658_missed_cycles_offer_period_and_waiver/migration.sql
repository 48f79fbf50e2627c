-- AlterTable
ALTER TABLE "SubscriptionContract" ADD COLUMN     "commitmentWaivedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ShopSettings" ADD COLUMN     "missedCycles" TEXT NOT NULL DEFAULT 'chargeLatest',
ADD COLUMN     "saveOfferPeriodDays" INTEGER NOT NULL DEFAULT 365;

