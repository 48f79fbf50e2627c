-- CreateTable
CREATE TABLE "PastBuyerImport" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "since" TIMESTAMP(3) NOT NULL,
    "cursor" TEXT,
    "status" TEXT NOT NULL DEFAULT 'running',
    "ordersRead" INTEGER NOT NULL DEFAULT 0,
    "scheduled" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PastBuyerImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PastBuyerImport_ruleId_key" ON "PastBuyerImport"("ruleId");

-- CreateIndex
CREATE INDEX "PastBuyerImport_status_idx" ON "PastBuyerImport"("status");

-- AddForeignKey
ALTER TABLE "PastBuyerImport" ADD CONSTRAINT "PastBuyerImport_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "ReminderRule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

