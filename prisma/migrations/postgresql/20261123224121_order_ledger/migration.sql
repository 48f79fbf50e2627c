-- CreateTable
CREATE TABLE "Order" (
    "id" SERIAL NOT NULL,
    "shop" TEXT NOT NULL,
    "shopifyId" TEXT NOT NULL,
    "customerId" TEXT,
    "processedAt" TIMESTAMP(3) NOT NULL,
    "recurringMinor" INTEGER NOT NULL,
    "oneOffMinor" INTEGER NOT NULL,
    "protectionMinor" INTEGER NOT NULL,
    "eligibleUnits" INTEGER NOT NULL,
    "protectedUnits" INTEGER NOT NULL,
    "cancelled" BOOLEAN NOT NULL DEFAULT false,
    "shopifyUpdatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Order_shop_processedAt_idx" ON "Order"("shop", "processedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Order_shop_shopifyId_key" ON "Order"("shop", "shopifyId");

