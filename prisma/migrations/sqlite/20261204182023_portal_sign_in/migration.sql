-- CreateTable
CREATE TABLE "PortalSignIn" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "PortalSignIn_shop_customerId_createdAt_idx" ON "PortalSignIn"("shop", "customerId", "createdAt");

