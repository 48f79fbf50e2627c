-- CreateTable
CREATE TABLE "MrrChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "shop" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "mrrMinor" INTEGER NOT NULL,
    "currencyCode" TEXT NOT NULL
);

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
    "customerLocale" TEXT,
    "paymentMethodId" TEXT,
    "firstBillingAt" DATETIME NOT NULL,
    "scheduleFrom" DATETIME NOT NULL,
    "scheduleCycle" INTEGER NOT NULL DEFAULT 0,
    "nextBillingAt" DATETIME,
    "dunningCycle" INTEGER,
    "resumeAt" DATETIME,
    "cancelledAt" DATETIME,
    "cancellationReason" TEXT,
    "revisionId" TEXT NOT NULL,
    "mrrMinor" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_SubscriptionContract" ("anchorDay", "anchorType", "billingInterval", "billingIntervalCount", "cancellationReason", "cancelledAt", "createdAt", "currencyCode", "customerEmail", "customerId", "customerLocale", "customerName", "deliveryInterval", "deliveryIntervalCount", "dunningCycle", "firstBillingAt", "id", "maxCycles", "minCycles", "nextBillingAt", "paymentMethodId", "resumeAt", "revisionId", "scheduleCycle", "scheduleFrom", "shop", "shopifyId", "status", "updatedAt") SELECT "anchorDay", "anchorType", "billingInterval", "billingIntervalCount", "cancellationReason", "cancelledAt", "createdAt", "currencyCode", "customerEmail", "customerId", "customerLocale", "customerName", "deliveryInterval", "deliveryIntervalCount", "dunningCycle", "firstBillingAt", "id", "maxCycles", "minCycles", "nextBillingAt", "paymentMethodId", "resumeAt", "revisionId", "scheduleCycle", "scheduleFrom", "shop", "shopifyId", "status", "updatedAt" FROM "SubscriptionContract";
DROP TABLE "SubscriptionContract";
ALTER TABLE "new_SubscriptionContract" RENAME TO "SubscriptionContract";
CREATE INDEX "SubscriptionContract_shop_status_nextBillingAt_idx" ON "SubscriptionContract"("shop", "status", "nextBillingAt");
CREATE INDEX "SubscriptionContract_status_nextBillingAt_idx" ON "SubscriptionContract"("status", "nextBillingAt");
CREATE UNIQUE INDEX "SubscriptionContract_shop_shopifyId_key" ON "SubscriptionContract"("shop", "shopifyId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "MrrChange_shop_at_idx" ON "MrrChange"("shop", "at");

