-- CreateTable
CREATE TABLE "Order" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "shop" TEXT NOT NULL,
    "shopifyId" TEXT NOT NULL,
    "customerId" TEXT,
    "processedAt" DATETIME NOT NULL,
    "recurringMinor" INTEGER NOT NULL,
    "oneOffMinor" INTEGER NOT NULL,
    "protectionMinor" INTEGER NOT NULL,
    "eligibleUnits" INTEGER NOT NULL,
    "protectedUnits" INTEGER NOT NULL,
    "cancelled" BOOLEAN NOT NULL DEFAULT false,
    "shopifyUpdatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "Order_shop_processedAt_idx" ON "Order"("shop", "processedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Order_shop_shopifyId_key" ON "Order"("shop", "shopifyId");

