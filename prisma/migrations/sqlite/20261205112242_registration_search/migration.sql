-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    "searchText" TEXT NOT NULL DEFAULT '',
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
INSERT INTO "new_ProtectionRegistration" ("createdAt", "currencyCode", "customerEmail", "customerId", "customerName", "endedAt", "endedBy", "expiresAt", "id", "offerId", "orderId", "orderLineId", "orderName", "orderedAt", "partnerId", "partnerShareBasisPoints", "priceMinor", "protectedLineId", "protectedProductId", "protectedTitle", "protectedVariantId", "protectionVariantId", "shop", "startBasis", "startsAt", "status", "termMonths", "unit", "updatedAt") SELECT "createdAt", "currencyCode", "customerEmail", "customerId", "customerName", "endedAt", "endedBy", "expiresAt", "id", "offerId", "orderId", "orderLineId", "orderName", "orderedAt", "partnerId", "partnerShareBasisPoints", "priceMinor", "protectedLineId", "protectedProductId", "protectedTitle", "protectedVariantId", "protectionVariantId", "shop", "startBasis", "startsAt", "status", "termMonths", "unit", "updatedAt" FROM "ProtectionRegistration";
DROP TABLE "ProtectionRegistration";
ALTER TABLE "new_ProtectionRegistration" RENAME TO "ProtectionRegistration";
CREATE INDEX "ProtectionRegistration_shop_status_createdAt_idx" ON "ProtectionRegistration"("shop", "status", "createdAt");
CREATE INDEX "ProtectionRegistration_shop_orderId_idx" ON "ProtectionRegistration"("shop", "orderId");
CREATE INDEX "ProtectionRegistration_shop_partnerId_orderedAt_idx" ON "ProtectionRegistration"("shop", "partnerId", "orderedAt");
CREATE UNIQUE INDEX "ProtectionRegistration_shop_orderLineId_unit_key" ON "ProtectionRegistration"("shop", "orderLineId", "unit");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Registrations made before: their search text, as app/protection/registrations.server.ts writes it
-- (lower-cased, LIKE's wildcards swapped for the private-use characters of searchable()).
UPDATE "ProtectionRegistration" SET "searchText" = REPLACE(REPLACE(LOWER(
  COALESCE("orderName", '') || ' ' || COALESCE("customerName", '') || ' ' || COALESCE("customerEmail", '') || ' ' || COALESCE("protectedTitle", '')
), '%', ''), '_', '');
