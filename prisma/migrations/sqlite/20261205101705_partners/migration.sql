-- CreateTable
CREATE TABLE "Partner" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "statementEmail" TEXT,
    "claimsEmail" TEXT,
    "routeClaims" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "revenueShareBasisPoints" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PartnerStatement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PartnerStatement_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ProtectionOffer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "currencyCode" TEXT NOT NULL,
    "terms" TEXT NOT NULL,
    "shopifyProductId" TEXT,
    "variants" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'active',
    "partnerId" TEXT,
    "syncedAt" DATETIME,
    "syncError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ProtectionOffer_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ProtectionOffer" ("createdAt", "currencyCode", "id", "key", "name", "shop", "shopifyProductId", "status", "syncError", "syncedAt", "terms", "updatedAt", "variants") SELECT "createdAt", "currencyCode", "id", "key", "name", "shop", "shopifyProductId", "status", "syncError", "syncedAt", "terms", "updatedAt", "variants" FROM "ProtectionOffer";
DROP TABLE "ProtectionOffer";
ALTER TABLE "new_ProtectionOffer" RENAME TO "ProtectionOffer";
CREATE INDEX "ProtectionOffer_shop_status_idx" ON "ProtectionOffer"("shop", "status");
CREATE UNIQUE INDEX "ProtectionOffer_shop_key_key" ON "ProtectionOffer"("shop", "key");
CREATE TABLE "new_ProtectionRegistration" (
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
    "partnerId" TEXT,
    "partnerShareBasisPoints" INTEGER,
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
    CONSTRAINT "ProtectionRegistration_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "ProtectionOffer" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ProtectionRegistration_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ProtectionRegistration" ("createdAt", "currencyCode", "customerEmail", "customerId", "customerName", "endedAt", "endedBy", "expiresAt", "id", "offerId", "orderId", "orderLineId", "orderName", "orderedAt", "priceMinor", "protectedLineId", "protectedProductId", "protectedTitle", "protectedVariantId", "protectionVariantId", "shop", "startBasis", "startsAt", "status", "termMonths", "unit", "updatedAt") SELECT "createdAt", "currencyCode", "customerEmail", "customerId", "customerName", "endedAt", "endedBy", "expiresAt", "id", "offerId", "orderId", "orderLineId", "orderName", "orderedAt", "priceMinor", "protectedLineId", "protectedProductId", "protectedTitle", "protectedVariantId", "protectionVariantId", "shop", "startBasis", "startsAt", "status", "termMonths", "unit", "updatedAt" FROM "ProtectionRegistration";
DROP TABLE "ProtectionRegistration";
ALTER TABLE "new_ProtectionRegistration" RENAME TO "ProtectionRegistration";
CREATE INDEX "ProtectionRegistration_shop_status_createdAt_idx" ON "ProtectionRegistration"("shop", "status", "createdAt");
CREATE INDEX "ProtectionRegistration_shop_orderId_idx" ON "ProtectionRegistration"("shop", "orderId");
CREATE INDEX "ProtectionRegistration_shop_partnerId_orderedAt_idx" ON "ProtectionRegistration"("shop", "partnerId", "orderedAt");
CREATE UNIQUE INDEX "ProtectionRegistration_shop_orderLineId_unit_key" ON "ProtectionRegistration"("shop", "orderLineId", "unit");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Partner_shop_name_key" ON "Partner"("shop", "name");

-- CreateIndex
CREATE INDEX "PartnerStatement_shop_idx" ON "PartnerStatement"("shop");

-- CreateIndex
CREATE UNIQUE INDEX "PartnerStatement_partnerId_month_key" ON "PartnerStatement"("partnerId", "month");

