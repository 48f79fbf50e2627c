-- AlterTable
ALTER TABLE "MembershipTier" ADD COLUMN     "appliedTag" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "customerTag" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "subscriptionDiscountPercent" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "taggedCustomers" TEXT NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "MemberSubscriptionDiscount" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MemberSubscriptionDiscount_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MemberSubscriptionDiscount_shop_idx" ON "MemberSubscriptionDiscount"("shop");

-- CreateIndex
CREATE UNIQUE INDEX "MemberSubscriptionDiscount_membershipId_contractId_key" ON "MemberSubscriptionDiscount"("membershipId", "contractId");

-- AddForeignKey
ALTER TABLE "MemberSubscriptionDiscount" ADD CONSTRAINT "MemberSubscriptionDiscount_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership"("id") ON DELETE CASCADE ON UPDATE CASCADE;

