-- CreateTable
CREATE TABLE "SubscriptionImport" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "SubscriptionImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubscriptionImportRow" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "importId" TEXT NOT NULL,
    "line" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reasons" TEXT NOT NULL DEFAULT '[]',
    "terms" TEXT,
    "claimedKey" TEXT,
    "claimedAt" TIMESTAMP(3),
    "contractId" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SubscriptionImportRow_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SubscriptionImport_shop_createdAt_idx" ON "SubscriptionImport"("shop", "createdAt");

-- CreateIndex
CREATE INDEX "SubscriptionImport_status_idx" ON "SubscriptionImport"("status");

-- CreateIndex
CREATE INDEX "SubscriptionImportRow_importId_status_idx" ON "SubscriptionImportRow"("importId", "status");

-- CreateIndex
CREATE INDEX "SubscriptionImportRow_shop_key_idx" ON "SubscriptionImportRow"("shop", "key");

-- CreateIndex
CREATE UNIQUE INDEX "SubscriptionImportRow_importId_line_key" ON "SubscriptionImportRow"("importId", "line");

-- CreateIndex
CREATE UNIQUE INDEX "SubscriptionImportRow_shop_claimedKey_key" ON "SubscriptionImportRow"("shop", "claimedKey");

-- AddForeignKey
ALTER TABLE "SubscriptionImportRow" ADD CONSTRAINT "SubscriptionImportRow_importId_fkey" FOREIGN KEY ("importId") REFERENCES "SubscriptionImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

