-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SubscriptionPlan" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "shopifyGroupId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "merchantCode" TEXT NOT NULL DEFAULT '',
    "frequencyCount" INTEGER NOT NULL,
    "productCount" INTEGER NOT NULL,
    "attachedProducts" TEXT NOT NULL DEFAULT '[]',
    "status" TEXT NOT NULL DEFAULT 'active',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_SubscriptionPlan" ("createdAt", "frequencyCount", "id", "merchantCode", "name", "productCount", "shop", "shopifyGroupId", "status", "updatedAt") SELECT "createdAt", "frequencyCount", "id", "merchantCode", "name", "productCount", "shop", "shopifyGroupId", "status", "updatedAt" FROM "SubscriptionPlan";
DROP TABLE "SubscriptionPlan";
ALTER TABLE "new_SubscriptionPlan" RENAME TO "SubscriptionPlan";
CREATE INDEX "SubscriptionPlan_shop_status_idx" ON "SubscriptionPlan"("shop", "status");
CREATE UNIQUE INDEX "SubscriptionPlan_shop_shopifyGroupId_key" ON "SubscriptionPlan"("shop", "shopifyGroupId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

