-- CreateTable
CREATE TABLE "SubscriptionContract" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "shopifyId" TEXT NOT NULL,
    "customerId" TEXT,
    "customerEmail" TEXT,
    "status" TEXT NOT NULL,
    "currencyCode" TEXT NOT NULL,
    "billingInterval" TEXT NOT NULL,
    "billingIntervalCount" INTEGER NOT NULL,
    "deliveryInterval" TEXT NOT NULL,
    "deliveryIntervalCount" INTEGER NOT NULL,
    "anchorType" TEXT,
    "anchorDay" INTEGER,
    "minCycles" INTEGER,
    "maxCycles" INTEGER,
    "firstBillingAt" TIMESTAMP(3) NOT NULL,
    "nextBillingAt" TIMESTAMP(3),
    "revisionId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SubscriptionContract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubscriptionLine" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "shopifyId" TEXT NOT NULL,
    "productId" TEXT,
    "variantId" TEXT,
    "title" TEXT NOT NULL,
    "variantTitle" TEXT,
    "quantity" INTEGER NOT NULL,
    "unitPriceMinor" INTEGER NOT NULL,
    "sellingPlanId" TEXT,
    "sellingPlanName" TEXT,

    CONSTRAINT "SubscriptionLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SubscriptionContract_shop_status_nextBillingAt_idx" ON "SubscriptionContract"("shop", "status", "nextBillingAt");

-- CreateIndex
CREATE UNIQUE INDEX "SubscriptionContract_shop_shopifyId_key" ON "SubscriptionContract"("shop", "shopifyId");

-- CreateIndex
CREATE INDEX "SubscriptionLine_contractId_idx" ON "SubscriptionLine"("contractId");

-- AddForeignKey
ALTER TABLE "SubscriptionLine" ADD CONSTRAINT "SubscriptionLine_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "SubscriptionContract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

