-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "storefrontUrl" TEXT;

-- CreateTable
CREATE TABLE "ReminderRule" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "intervalDays" INTEGER NOT NULL,
    "leadDays" INTEGER NOT NULL DEFAULT 0,
    "discountCode" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReminderRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderSettings" (
    "shop" TEXT NOT NULL,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "sendHour" INTEGER NOT NULL DEFAULT 10,
    "conversionWindowDays" INTEGER NOT NULL DEFAULT 14,
    "templates" TEXT NOT NULL DEFAULT '{}',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReminderSettings_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "Reminder" (
    "id" TEXT NOT NULL,
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
    "orderedAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "openKey" TEXT,
    "reason" TEXT,
    "discountCode" TEXT,
    "currencyCode" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3),
    "clickedAt" TIMESTAMP(3),
    "convertedAt" TIMESTAMP(3),
    "conversionKind" TEXT,
    "conversionRef" TEXT,
    "conversionRevenueMinor" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Reminder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderOptOut" (
    "shop" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderOptOut_pkey" PRIMARY KEY ("shop","customerId")
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

