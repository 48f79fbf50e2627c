-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shopifyProductId" TEXT,
    "shopifyGroupId" TEXT,
    "membersChangedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "MembershipTier" (
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
    CONSTRAINT "MembershipTier_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MembershipMember" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "paidTierPosition" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "MembershipMember_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "Membership" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Membership_shop_idx" ON "Membership"("shop");

-- CreateIndex
CREATE INDEX "Membership_membersChangedAt_idx" ON "Membership"("membersChangedAt");

-- CreateIndex
CREATE INDEX "MembershipTier_shop_shopifySellingPlanId_idx" ON "MembershipTier"("shop", "shopifySellingPlanId");

-- CreateIndex
CREATE UNIQUE INDEX "MembershipTier_membershipId_position_key" ON "MembershipTier"("membershipId", "position");

-- CreateIndex
CREATE INDEX "MembershipMember_shop_customerId_idx" ON "MembershipMember"("shop", "customerId");

-- CreateIndex
CREATE UNIQUE INDEX "MembershipMember_membershipId_customerId_key" ON "MembershipMember"("membershipId", "customerId");

