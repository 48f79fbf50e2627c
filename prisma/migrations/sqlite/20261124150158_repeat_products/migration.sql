-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Backfill" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "operationId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "expectedOrders" INTEGER NOT NULL DEFAULT 0,
    "importedOrders" INTEGER NOT NULL DEFAULT 0,
    "importedContracts" INTEGER NOT NULL DEFAULT 0,
    "repeatProducts" TEXT NOT NULL DEFAULT '[]',
    "error" TEXT,
    "startedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME
);
INSERT INTO "new_Backfill" ("error", "expectedOrders", "finishedAt", "id", "importedContracts", "importedOrders", "operationId", "shop", "startedAt", "status") SELECT "error", "expectedOrders", "finishedAt", "id", "importedContracts", "importedOrders", "operationId", "shop", "startedAt", "status" FROM "Backfill";
DROP TABLE "Backfill";
ALTER TABLE "new_Backfill" RENAME TO "Backfill";
CREATE UNIQUE INDEX "Backfill_operationId_key" ON "Backfill"("operationId");
CREATE INDEX "Backfill_shop_startedAt_idx" ON "Backfill"("shop", "startedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

