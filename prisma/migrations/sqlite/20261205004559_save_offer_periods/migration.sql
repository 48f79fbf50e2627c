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
    "emailTemplates" TEXT NOT NULL DEFAULT '{}'
);
-- The one period the merchant had for every offer becomes each offer's own.
INSERT INTO "new_ShopSettings" ("cancellationFlow", "emailTemplates", "freeOfferProductId", "inventoryFinalAction", "inventoryRetryDays", "missedCycles", "oneTimeProducts", "pauseOfferMonths", "paymentFinalAction", "paymentRetryDays", "saveOfferPercent", "saveOfferPeriods", "shop", "upcomingOrderDays", "updatedAt") SELECT "cancellationFlow", "emailTemplates", "freeOfferProductId", "inventoryFinalAction", "inventoryRetryDays", "missedCycles", "oneTimeProducts", "pauseOfferMonths", "paymentFinalAction", "paymentRetryDays", "saveOfferPercent", json_object('pause', "saveOfferPeriodDays", 'skip', "saveOfferPeriodDays", 'frequency', "saveOfferPeriodDays", 'swap', "saveOfferPeriodDays", 'discount', "saveOfferPeriodDays", 'freeProduct', "saveOfferPeriodDays"), "shop", "upcomingOrderDays", "updatedAt" FROM "ShopSettings";
DROP TABLE "ShopSettings";
ALTER TABLE "new_ShopSettings" RENAME TO "ShopSettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

