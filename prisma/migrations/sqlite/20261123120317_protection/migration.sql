-- CreateTable
CREATE TABLE "ProtectionOffer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "currencyCode" TEXT NOT NULL,
    "terms" TEXT NOT NULL,
    "shopifyProductId" TEXT,
    "variants" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'active',
    "syncedAt" DATETIME,
    "syncError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ProtectionRegistration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "offerId" TEXT,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT NOT NULL,
    "orderLineId" TEXT NOT NULL,
    "unit" INTEGER NOT NULL,
    "protectionVariantId" TEXT NOT NULL,
    "protectedLineId" TEXT,
    "protectedProductId" TEXT,
    "protectedVariantId" TEXT,
    "protectedTitle" TEXT,
    "customerId" TEXT,
    "customerEmail" TEXT,
    "customerName" TEXT,
    "priceMinor" INTEGER NOT NULL,
    "currencyCode" TEXT NOT NULL,
    "termMonths" INTEGER NOT NULL,
    "orderedAt" DATETIME NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "startBasis" TEXT NOT NULL DEFAULT 'order',
    "expiresAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'active',
    "endedBy" TEXT,
    "endedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ProtectionRegistration_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "ProtectionOffer" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProtectionClaim" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "registrationId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "photosUrl" TEXT,
    "notes" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "decisionNote" TEXT,
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProtectionClaim_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "ProtectionRegistration" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ProtectionOffer_shop_status_idx" ON "ProtectionOffer"("shop", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ProtectionOffer_shop_key_key" ON "ProtectionOffer"("shop", "key");

-- CreateIndex
CREATE INDEX "ProtectionRegistration_shop_status_createdAt_idx" ON "ProtectionRegistration"("shop", "status", "createdAt");

-- CreateIndex
CREATE INDEX "ProtectionRegistration_shop_orderId_idx" ON "ProtectionRegistration"("shop", "orderId");

-- CreateIndex
CREATE UNIQUE INDEX "ProtectionRegistration_shop_orderLineId_unit_key" ON "ProtectionRegistration"("shop", "orderLineId", "unit");

-- CreateIndex
CREATE INDEX "ProtectionClaim_shop_registrationId_idx" ON "ProtectionClaim"("shop", "registrationId");

