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
    "saveOfferPeriodDays" INTEGER NOT NULL DEFAULT 365,
    "cancellationFlow" TEXT NOT NULL DEFAULT '',
    "missedCycles" TEXT NOT NULL DEFAULT 'chargeLatest',
    "updatedAt" DATETIME NOT NULL,
    "oneTimeProducts" TEXT NOT NULL DEFAULT '[]',
    "freeOfferProductId" TEXT,
    "emailTemplates" TEXT NOT NULL DEFAULT '{}'
);
INSERT INTO "new_ShopSettings" ("cancellationFlow", "freeOfferProductId", "inventoryFinalAction", "inventoryRetryDays", "missedCycles", "oneTimeProducts", "pauseOfferMonths", "paymentFinalAction", "paymentRetryDays", "saveOfferPercent", "saveOfferPeriodDays", "shop", "upcomingOrderDays", "updatedAt") SELECT "cancellationFlow", "freeOfferProductId", "inventoryFinalAction", "inventoryRetryDays", "missedCycles", "oneTimeProducts", "pauseOfferMonths", "paymentFinalAction", "paymentRetryDays", "saveOfferPercent", "saveOfferPeriodDays", "shop", "upcomingOrderDays", "updatedAt" FROM "ShopSettings";
DROP TABLE "ShopSettings";
ALTER TABLE "new_ShopSettings" RENAME TO "ShopSettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

