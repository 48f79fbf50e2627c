-- CreateTable
CREATE TABLE "ReferralProgram" (
    "shop" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "renewalsBeforeInvite" INTEGER NOT NULL DEFAULT 2,
    "friendDiscountBasisPoints" INTEGER NOT NULL DEFAULT 2000,
    "creditMinor" INTEGER NOT NULL DEFAULT 1000,
    "currencyCode" TEXT NOT NULL DEFAULT 'USD',
    "maxCreditsPerRenewal" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReferralProgram_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "ReferralCode" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "customerId" TEXT,
    "code" TEXT NOT NULL,
    "shopifyDiscountId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReferralCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "codeId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT NOT NULL,
    "friendCustomerId" TEXT,
    "outcome" TEXT NOT NULL,
    "revenueMinor" INTEGER NOT NULL,
    "currencyCode" TEXT NOT NULL,
    "orderedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferralCredit" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "referralId" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "amountMinor" INTEGER NOT NULL,
    "currencyCode" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "discountTitle" TEXT,
    "appliedAt" TIMESTAMP(3),
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReferralCredit_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "ReferralCode" ADD CONSTRAINT "ReferralCode_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "SubscriptionContract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_codeId_fkey" FOREIGN KEY ("codeId") REFERENCES "ReferralCode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferralCredit" ADD CONSTRAINT "ReferralCredit_referralId_fkey" FOREIGN KEY ("referralId") REFERENCES "Referral"("id") ON DELETE CASCADE ON UPDATE CASCADE;

