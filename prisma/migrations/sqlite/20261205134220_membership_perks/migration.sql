-- CreateTable
CREATE TABLE "MemberSubscriptionDiscount" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MemberSubscriptionDiscount_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_MembershipTier" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "priceMinor" INTEGER NOT NULL,
    "currencyCode" TEXT NOT NULL,
    "interval" TEXT NOT NULL,
    "discountBasisPoints" INTEGER NOT NULL,
    "shopifySellingPlanId" TEXT,
    "shopifyDiscountId" TEXT,
    "discountCustomers" TEXT NOT NULL DEFAULT '[]',
    "subscriptionDiscountPercent" INTEGER NOT NULL DEFAULT 0,
    "customerTag" TEXT NOT NULL DEFAULT '',
    "appliedTag" TEXT NOT NULL DEFAULT '',
    "taggedCustomers" TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT "MembershipTier_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_MembershipTier" ("currencyCode", "discountBasisPoints", "discountCustomers", "id", "interval", "membershipId", "name", "position", "priceMinor", "shop", "shopifyDiscountId", "shopifySellingPlanId") SELECT "currencyCode", "discountBasisPoints", "discountCustomers", "id", "interval", "membershipId", "name", "position", "priceMinor", "shop", "shopifyDiscountId", "shopifySellingPlanId" FROM "MembershipTier";
DROP TABLE "MembershipTier";
ALTER TABLE "new_MembershipTier" RENAME TO "MembershipTier";
CREATE INDEX "MembershipTier_shop_shopifySellingPlanId_idx" ON "MembershipTier"("shop", "shopifySellingPlanId");
CREATE UNIQUE INDEX "MembershipTier_membershipId_position_key" ON "MembershipTier"("membershipId", "position");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "MemberSubscriptionDiscount_shop_idx" ON "MemberSubscriptionDiscount"("shop");

-- CreateIndex
CREATE UNIQUE INDEX "MemberSubscriptionDiscount_membershipId_contractId_key" ON "MemberSubscriptionDiscount"("membershipId", "contractId");

