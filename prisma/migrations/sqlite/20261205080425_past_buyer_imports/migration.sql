-- CreateTable
CREATE TABLE "PastBuyerImport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "since" DATETIME NOT NULL,
    "cursor" TEXT,
    "status" TEXT NOT NULL DEFAULT 'running',
    "ordersRead" INTEGER NOT NULL DEFAULT 0,
    "scheduled" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "leaseUntil" DATETIME,
    "finishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PastBuyerImport_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "ReminderRule" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "PastBuyerImport_ruleId_key" ON "PastBuyerImport"("ruleId");

-- CreateIndex
CREATE INDEX "PastBuyerImport_status_idx" ON "PastBuyerImport"("status");

