-- AlterTable
ALTER TABLE "Shop" ADD COLUMN "storefrontUrl" TEXT;

-- CreateTable
CREATE TABLE "ReminderRule" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "intervalDays" INTEGER NOT NULL,
    "leadDays" INTEGER NOT NULL DEFAULT 0,
    "discountCode" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ReminderSettings" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "sendHour" INTEGER NOT NULL DEFAULT 10,
    "conversionWindowDays" INTEGER NOT NULL DEFAULT 14,
    "templates" TEXT NOT NULL DEFAULT '{}',
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Reminder" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "customerEmail" TEXT NOT NULL,
    "customerName" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "productId" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderLineId" TEXT NOT NULL,
    "orderedAt" DATETIME NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "openKey" TEXT,
    "reason" TEXT,
    "discountCode" TEXT,
    "currencyCode" TEXT NOT NULL,
    "sentAt" DATETIME,
    "clickedAt" DATETIME,
    "convertedAt" DATETIME,
    "conversionKind" TEXT,
    "conversionRef" TEXT,
    "conversionRevenueMinor" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ReminderOptOut" (
    "shop" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "customerId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReminderRule_shop_scope_targetId_key" ON "ReminderRule"("shop", "scope", "targetId");

-- CreateIndex
CREATE UNIQUE INDEX "Reminder_openKey_key" ON "Reminder"("openKey");

-- CreateIndex
CREATE INDEX "Reminder_status_dueAt_idx" ON "Reminder"("status", "dueAt");

-- CreateIndex
CREATE INDEX "Reminder_shop_status_dueAt_idx" ON "Reminder"("shop", "status", "dueAt");

-- CreateIndex
CREATE INDEX "Reminder_shop_customerId_productId_idx" ON "Reminder"("shop", "customerId", "productId");

-- CreateIndex
CREATE INDEX "Reminder_shop_orderId_idx" ON "Reminder"("shop", "orderId");

