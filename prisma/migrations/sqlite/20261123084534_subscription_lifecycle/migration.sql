-- AlterTable
ALTER TABLE "SubscriptionLine" ADD COLUMN "oneTimeCycle" INTEGER;

-- CreateTable
CREATE TABLE "ShopSettings" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "paymentRetryDays" TEXT NOT NULL DEFAULT '[1,3,7]',
    "paymentFinalAction" TEXT NOT NULL DEFAULT 'pause',
    "inventoryRetryDays" TEXT NOT NULL DEFAULT '[1,2]',
    "inventoryFinalAction" TEXT NOT NULL DEFAULT 'skip',
    "upcomingOrderDays" INTEGER NOT NULL DEFAULT 3,
    "saveOfferPercent" INTEGER NOT NULL DEFAULT 20,
    "pauseOfferMonths" INTEGER NOT NULL DEFAULT 2,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "EmailMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "contractId" TEXT,
    "kind" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "data" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "sentAt" DATETIME
);

-- CreateTable
CREATE TABLE "RetentionEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "reasonText" TEXT,
    "offer" TEXT,
    "outcome" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_SubscriptionContract" ("anchorDay", "anchorType", "billingInterval", "billingIntervalCount", "createdAt", "currencyCode", "customerEmail", "customerId", "deliveryInterval", "deliveryIntervalCount", "firstBillingAt", "id", "maxCycles", "minCycles", "nextBillingAt", "revisionId", "shop", "shopifyId", "status", "updatedAt") SELECT "anchorDay", "anchorType", "billingInterval", "billingIntervalCount", "createdAt", "currencyCode", "customerEmail", "customerId", "deliveryInterval", "deliveryIntervalCount", "firstBillingAt", "id", "maxCycles", "minCycles", "nextBillingAt", "revisionId", "shop", "shopifyId", "status", "updatedAt" FROM "SubscriptionContract";
DROP TABLE "SubscriptionContract";
ALTER TABLE "new_SubscriptionContract" RENAME TO "SubscriptionContract";
CREATE INDEX "SubscriptionContract_shop_status_nextBillingAt_idx" ON "SubscriptionContract"("shop", "status", "nextBillingAt");
CREATE UNIQUE INDEX "SubscriptionContract_shop_shopifyId_key" ON "SubscriptionContract"("shop", "shopifyId");
CREATE TABLE "new_BillingAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "cycle" INTEGER NOT NULL,
    "retry" INTEGER NOT NULL DEFAULT 0,
    "cycleDate" DATETIME NOT NULL,
    "sendAfter" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "idempotencyKey" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "shopifyId" TEXT,
    "orderId" TEXT,
    "errorCode" TEXT,
    "failureKind" TEXT,
    "sendAttempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "BillingAttempt_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "SubscriptionContract" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_BillingAttempt" ("contractId", "createdAt", "cycle", "cycleDate", "errorCode", "id", "idempotencyKey", "lastError", "orderId", "sendAttempts", "shop", "shopifyId", "status", "updatedAt") SELECT "contractId", "createdAt", "cycle", "cycleDate", "errorCode", "id", "idempotencyKey", "lastError", "orderId", "sendAttempts", "shop", "shopifyId", "status", "updatedAt" FROM "BillingAttempt";
DROP TABLE "BillingAttempt";
ALTER TABLE "new_BillingAttempt" RENAME TO "BillingAttempt";
CREATE UNIQUE INDEX "BillingAttempt_idempotencyKey_key" ON "BillingAttempt"("idempotencyKey");
CREATE INDEX "BillingAttempt_status_sendAfter_idx" ON "BillingAttempt"("status", "sendAfter");
CREATE INDEX "BillingAttempt_shop_status_idx" ON "BillingAttempt"("shop", "status");
CREATE UNIQUE INDEX "BillingAttempt_contractId_cycle_retry_key" ON "BillingAttempt"("contractId", "cycle", "retry");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "EmailMessage_dedupeKey_key" ON "EmailMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "EmailMessage_status_createdAt_idx" ON "EmailMessage"("status", "createdAt");

-- CreateIndex
CREATE INDEX "EmailMessage_shop_contractId_idx" ON "EmailMessage"("shop", "contractId");

-- CreateIndex
CREATE INDEX "RetentionEvent_shop_createdAt_idx" ON "RetentionEvent"("shop", "createdAt");

-- CreateIndex
CREATE INDEX "RetentionEvent_contractId_idx" ON "RetentionEvent"("contractId");

