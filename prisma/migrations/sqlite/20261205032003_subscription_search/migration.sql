-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SubscriptionContract" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "shopifyId" TEXT NOT NULL,
    "customerId" TEXT,
    "customerEmail" TEXT,
    "status" TEXT NOT NULL,
    "currencyCode" TEXT NOT NULL,
    "billingInterval" TEXT NOT NULL,
    "billingIntervalCount" INTEGER NOT NULL,
    "deliveryInterval" TEXT NOT NULL,
    "deliveryIntervalCount" INTEGER NOT NULL,
    "anchorType" TEXT,
    "anchorDay" INTEGER,
    "minCycles" INTEGER,
    "maxCycles" INTEGER,
    "customerName" TEXT,
    "customerDisplayName" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "customerLocale" TEXT,
    "paymentMethodId" TEXT,
    "paymentMethod" TEXT,
    "deliveryAddress" TEXT,
    "discounts" TEXT,
    "firstBillingAt" DATETIME NOT NULL,
    "scheduleFrom" DATETIME NOT NULL,
    "scheduleCycle" INTEGER NOT NULL DEFAULT 0,
    "nextBillingAt" DATETIME,
    "dunningCycle" INTEGER,
    "plannedSkips" TEXT,
    "resumeAt" DATETIME,
    "cancelledAt" DATETIME,
    "reactivatedAt" DATETIME,
    "cancellationReason" TEXT,
    "commitmentWaivedAt" DATETIME,
    "revisionId" TEXT NOT NULL,
    "ownRevisionId" TEXT,
    "mrrMinor" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_SubscriptionContract" ("anchorDay", "anchorType", "billingInterval", "billingIntervalCount", "cancellationReason", "cancelledAt", "commitmentWaivedAt", "createdAt", "currencyCode", "customerEmail", "customerId", "customerLocale", "customerName", "deliveryAddress", "deliveryInterval", "deliveryIntervalCount", "discounts", "dunningCycle", "firstBillingAt", "id", "maxCycles", "minCycles", "mrrMinor", "nextBillingAt", "ownRevisionId", "paymentMethod", "paymentMethodId", "plannedSkips", "reactivatedAt", "resumeAt", "revisionId", "scheduleCycle", "scheduleFrom", "shop", "shopifyId", "status", "updatedAt") SELECT "anchorDay", "anchorType", "billingInterval", "billingIntervalCount", "cancellationReason", "cancelledAt", "commitmentWaivedAt", "createdAt", "currencyCode", "customerEmail", "customerId", "customerLocale", "customerName", "deliveryAddress", "deliveryInterval", "deliveryIntervalCount", "discounts", "dunningCycle", "firstBillingAt", "id", "maxCycles", "minCycles", "mrrMinor", "nextBillingAt", "ownRevisionId", "paymentMethod", "paymentMethodId", "plannedSkips", "reactivatedAt", "resumeAt", "revisionId", "scheduleCycle", "scheduleFrom", "shop", "shopifyId", "status", "updatedAt" FROM "SubscriptionContract";
DROP TABLE "SubscriptionContract";
ALTER TABLE "new_SubscriptionContract" RENAME TO "SubscriptionContract";
CREATE INDEX "SubscriptionContract_shop_status_nextBillingAt_idx" ON "SubscriptionContract"("shop", "status", "nextBillingAt");
CREATE INDEX "SubscriptionContract_shop_firstBillingAt_idx" ON "SubscriptionContract"("shop", "firstBillingAt");
CREATE INDEX "SubscriptionContract_status_nextBillingAt_idx" ON "SubscriptionContract"("status", "nextBillingAt");
CREATE UNIQUE INDEX "SubscriptionContract_shop_shopifyId_key" ON "SubscriptionContract"("shop", "shopifyId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- What the list searches for contracts stored before: email and items (the name comes with the next
-- sync), lower-cased and with LIKE's wildcards swapped as app/subscriptions/subscription-list.ts does.
UPDATE "SubscriptionContract" SET "searchText" = replace(replace(lower(trim(coalesce("customerEmail", '') || ' ' ||
  coalesce((SELECT group_concat(l."title", ' ') FROM "SubscriptionLine" l WHERE l."contractId" = "SubscriptionContract"."id"), ''))),
  '%', char(57381)), '_', char(57439));
