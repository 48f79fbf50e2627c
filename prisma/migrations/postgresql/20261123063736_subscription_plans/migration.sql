-- CreateTable
CREATE TABLE "SubscriptionPlan" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "shopifyGroupId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "merchantCode" TEXT NOT NULL DEFAULT '',
    "frequencyCount" INTEGER NOT NULL,
    "productCount" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SubscriptionPlan_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SubscriptionPlan_shop_status_idx" ON "SubscriptionPlan"("shop", "status");

-- CreateIndex
CREATE UNIQUE INDEX "SubscriptionPlan_shop_shopifyGroupId_key" ON "SubscriptionPlan"("shop", "shopifyGroupId");

