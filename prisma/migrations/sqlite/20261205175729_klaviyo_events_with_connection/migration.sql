-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_KlaviyoEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "customerId" TEXT,
    "email" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "properties" TEXT NOT NULL,
    "uniqueId" TEXT NOT NULL,
    "occurredAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "sendAfter" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "KlaviyoEvent_shop_fkey" FOREIGN KEY ("shop") REFERENCES "KlaviyoConnection" ("shop") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_KlaviyoEvent" ("attempts", "createdAt", "customerId", "email", "id", "lastError", "metric", "occurredAt", "properties", "sendAfter", "shop", "status", "uniqueId", "updatedAt") SELECT "attempts", "createdAt", "customerId", "email", "id", "lastError", "metric", "occurredAt", "properties", "sendAfter", "shop", "status", "uniqueId", "updatedAt" FROM "KlaviyoEvent";
DROP TABLE "KlaviyoEvent";
ALTER TABLE "new_KlaviyoEvent" RENAME TO "KlaviyoEvent";
CREATE INDEX "KlaviyoEvent_status_sendAfter_idx" ON "KlaviyoEvent"("status", "sendAfter");
CREATE INDEX "KlaviyoEvent_shop_status_createdAt_idx" ON "KlaviyoEvent"("shop", "status", "createdAt");
CREATE INDEX "KlaviyoEvent_shop_customerId_idx" ON "KlaviyoEvent"("shop", "customerId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

