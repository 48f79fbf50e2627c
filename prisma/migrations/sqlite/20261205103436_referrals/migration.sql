-- CreateTable
CREATE TABLE "ReferralProgram" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "renewalsBeforeInvite" INTEGER NOT NULL DEFAULT 2,
    "friendDiscountBasisPoints" INTEGER NOT NULL DEFAULT 2000,
    "creditMinor" INTEGER NOT NULL DEFAULT 1000,
    "currencyCode" TEXT NOT NULL DEFAULT 'USD',
    "maxCreditsPerRenewal" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ReferralCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "customerId" TEXT,
    "code" TEXT NOT NULL,
    "shopifyDiscountId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReferralCode_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "SubscriptionContract" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "codeId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT NOT NULL,
    "friendCustomerId" TEXT,
    "outcome" TEXT NOT NULL,
    "revenueMinor" INTEGER NOT NULL,
    "currencyCode" TEXT NOT NULL,
    "orderedAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Referral_codeId_fkey" FOREIGN KEY ("codeId") REFERENCES "ReferralCode" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReferralCredit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "referralId" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "amountMinor" INTEGER NOT NULL,
    "currencyCode" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "discountTitle" TEXT,
    "appliedAt" DATETIME,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ReferralCredit_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ReferralCode_contractId_key" ON "ReferralCode"("contractId");

-- CreateIndex
CREATE INDEX "ReferralCode_status_updatedAt_idx" ON "ReferralCode"("status", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReferralCode_shop_code_key" ON "ReferralCode"("shop", "code");

-- CreateIndex
CREATE INDEX "Referral_shop_orderedAt_idx" ON "Referral"("shop", "orderedAt");

-- CreateIndex
CREATE INDEX "Referral_shop_friendCustomerId_idx" ON "Referral"("shop", "friendCustomerId");

-- CreateIndex
CREATE UNIQUE INDEX "Referral_shop_orderId_key" ON "Referral"("shop", "orderId");

-- CreateIndex
CREATE UNIQUE INDEX "ReferralCredit_referralId_key" ON "ReferralCredit"("referralId");

-- CreateIndex
CREATE INDEX "ReferralCredit_shop_contractId_status_idx" ON "ReferralCredit"("shop", "contractId", "status");

-- CreateIndex
CREATE INDEX "ReferralCredit_status_updatedAt_idx" ON "ReferralCredit"("status", "updatedAt");

