-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ShopSettings" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "paymentRetryDays" TEXT NOT NULL DEFAULT '[1,3,7]',
    "paymentFinalAction" TEXT NOT NULL DEFAULT 'pause',
    "inventoryRetryDays" TEXT NOT NULL DEFAULT '[1,2]',
    "inventoryFinalAction" TEXT NOT NULL DEFAULT 'skip',
    "upcomingOrderDays" INTEGER NOT NULL DEFAULT 3,
    "saveOfferPercent" INTEGER NOT NULL DEFAULT 20,
    "pauseOfferMonths" INTEGER NOT NULL DEFAULT 2,
    "saveOfferPeriods" TEXT NOT NULL DEFAULT '{}',
    "cancellationFlow" TEXT NOT NULL DEFAULT '',
    "missedCycles" TEXT NOT NULL DEFAULT 'chargeLatest',
    "updatedAt" DATETIME NOT NULL,
    "oneTimeProducts" TEXT NOT NULL DEFAULT '[]',
    "freeOfferProductId" TEXT,
    "pausedSubscribers" TEXT NOT NULL DEFAULT 'churned',
    "emailTemplates" TEXT NOT NULL DEFAULT '{}'
);
INSERT INTO "new_ShopSettings" ("cancellationFlow", "emailTemplates", "freeOfferProductId", "inventoryFinalAction", "inventoryRetryDays", "missedCycles", "oneTimeProducts", "pauseOfferMonths", "paymentFinalAction", "paymentRetryDays", "saveOfferPercent", "saveOfferPeriods", "shop", "upcomingOrderDays", "updatedAt") SELECT "cancellationFlow", "emailTemplates", "freeOfferProductId", "inventoryFinalAction", "inventoryRetryDays", "missedCycles", "oneTimeProducts", "pauseOfferMonths", "paymentFinalAction", "paymentRetryDays", "saveOfferPercent", "saveOfferPeriods", "shop", "upcomingOrderDays", "updatedAt" FROM "ShopSettings";
DROP TABLE "ShopSettings";
ALTER TABLE "new_ShopSettings" RENAME TO "ShopSettings";
CREATE TABLE "new_MrrChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "shop" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "mrrMinor" INTEGER NOT NULL,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "currencyCode" TEXT NOT NULL
);
INSERT INTO "new_MrrChange" ("at", "contractId", "currencyCode", "customerId", "id", "mrrMinor", "shop") SELECT "at", "contractId", "currencyCode", "customerId", "id", "mrrMinor", "shop" FROM "MrrChange";
DROP TABLE "MrrChange";
ALTER TABLE "new_MrrChange" RENAME TO "MrrChange";
CREATE INDEX "MrrChange_shop_at_idx" ON "MrrChange"("shop", "at");
CREATE INDEX "MrrChange_shop_customerId_idx" ON "MrrChange"("shop", "customerId");
CREATE TABLE "new_RetentionFigures" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "timeZone" TEXT NOT NULL,
    "currencyCode" TEXT NOT NULL,
    "otherCurrencyContracts" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "definitions" INTEGER NOT NULL DEFAULT 0,
    "pausedSubscribers" TEXT NOT NULL DEFAULT 'churned'
);
INSERT INTO "new_RetentionFigures" ("currencyCode", "definitions", "otherCurrencyContracts", "shop", "timeZone", "version") SELECT "currencyCode", "definitions", "otherCurrencyContracts", "shop", "timeZone", "version" FROM "RetentionFigures";
DROP TABLE "RetentionFigures";
ALTER TABLE "new_RetentionFigures" RENAME TO "RetentionFigures";
CREATE TABLE "new_RetentionMonth" (
    "shop" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "newMrr" BIGINT NOT NULL DEFAULT 0,
    "expansion" BIGINT NOT NULL DEFAULT 0,
    "contraction" BIGINT NOT NULL DEFAULT 0,
    "churned" BIGINT NOT NULL DEFAULT 0,
    "reactivation" BIGINT NOT NULL DEFAULT 0,
    "pausedMrr" BIGINT NOT NULL DEFAULT 0,
    "resumedMrr" BIGINT NOT NULL DEFAULT 0,
    "newCustomers" INTEGER NOT NULL DEFAULT 0,
    "reactivatedCustomers" INTEGER NOT NULL DEFAULT 0,
    "churnedCustomers" INTEGER NOT NULL DEFAULT 0,
    "leftCustomers" INTEGER NOT NULL DEFAULT 0,
    "joinedCustomers" INTEGER NOT NULL DEFAULT 0,
    "recurringMinor" BIGINT NOT NULL DEFAULT 0,
    "oneOffMinor" BIGINT NOT NULL DEFAULT 0,
    "protectionMinor" BIGINT NOT NULL DEFAULT 0,
    "eligibleUnits" INTEGER NOT NULL DEFAULT 0,
    "protectedUnits" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("shop", "month")
);
INSERT INTO "new_RetentionMonth" ("churned", "churnedCustomers", "contraction", "eligibleUnits", "expansion", "joinedCustomers", "leftCustomers", "month", "newCustomers", "newMrr", "oneOffMinor", "protectedUnits", "protectionMinor", "reactivatedCustomers", "reactivation", "recurringMinor", "shop") SELECT "churned", "churnedCustomers", "contraction", "eligibleUnits", "expansion", "joinedCustomers", "leftCustomers", "month", "newCustomers", "newMrr", "oneOffMinor", "protectedUnits", "protectionMinor", "reactivatedCustomers", "reactivation", "recurringMinor", "shop" FROM "RetentionMonth";
DROP TABLE "RetentionMonth";
ALTER TABLE "new_RetentionMonth" RENAME TO "RetentionMonth";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- A contract paused now was paused by its last change to no MRR: marked so, the figures can keep
-- its customer if the merchant chooses to. Earlier pauses, already resumed, stay counted as churn.
UPDATE "MrrChange" SET "paused" = true WHERE "mrrMinor" = 0 AND "id" IN (
  SELECT max(m."id") FROM "MrrChange" m
  JOIN "SubscriptionContract" c ON c."shop" = m."shop" AND c."shopifyId" = m."contractId"
  WHERE c."status" = 'PAUSED'
  GROUP BY m."contractId"
);
