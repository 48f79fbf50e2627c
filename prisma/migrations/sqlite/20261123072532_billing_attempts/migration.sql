-- CreateTable
CREATE TABLE "BillingAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "cycle" INTEGER NOT NULL,
    "cycleDate" DATETIME NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "shopifyId" TEXT,
    "orderId" TEXT,
    "errorCode" TEXT,
    "sendAttempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "BillingAttempt_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "SubscriptionContract" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "BillingAttempt_idempotencyKey_key" ON "BillingAttempt"("idempotencyKey");

-- CreateIndex
CREATE INDEX "BillingAttempt_status_cycleDate_idx" ON "BillingAttempt"("status", "cycleDate");

-- CreateIndex
CREATE INDEX "BillingAttempt_shop_status_idx" ON "BillingAttempt"("shop", "status");

-- CreateIndex
CREATE UNIQUE INDEX "BillingAttempt_contractId_cycle_key" ON "BillingAttempt"("contractId", "cycle");

