-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    "orderId" TEXT,
    "errorCode" TEXT,
    "failureKind" TEXT,
    "sendAttempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "BillingAttempt_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "SubscriptionContract" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_BillingAttempt" ("contractId", "createdAt", "cycle", "cycleDate", "errorCode", "failureKind", "id", "idempotencyKey", "lastError", "orderId", "retry", "sendAfter", "sendAttempts", "shop", "status", "updatedAt") SELECT "contractId", "createdAt", "cycle", "cycleDate", "errorCode", "failureKind", "id", "idempotencyKey", "lastError", "orderId", "retry", "sendAfter", "sendAttempts", "shop", "status", "updatedAt" FROM "BillingAttempt";
DROP TABLE "BillingAttempt";
ALTER TABLE "new_BillingAttempt" RENAME TO "BillingAttempt";
CREATE UNIQUE INDEX "BillingAttempt_idempotencyKey_key" ON "BillingAttempt"("idempotencyKey");
CREATE INDEX "BillingAttempt_status_sendAfter_idx" ON "BillingAttempt"("status", "sendAfter");
CREATE INDEX "BillingAttempt_shop_status_idx" ON "BillingAttempt"("shop", "status");
CREATE UNIQUE INDEX "BillingAttempt_contractId_cycle_retry_key" ON "BillingAttempt"("contractId", "cycle", "retry");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

