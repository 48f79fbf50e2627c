-- AlterTable
ALTER TABLE "DomainEvent" ADD COLUMN     "customerEmail" TEXT;

-- CreateTable
CREATE TABLE "KlaviyoConnection" (
    "shop" TEXT NOT NULL,
    "sealedKey" TEXT NOT NULL,
    "keyHint" TEXT NOT NULL,
    "accountName" TEXT,
    "status" TEXT NOT NULL DEFAULT 'connected',
    "leaveSubscriptionEmails" BOOLEAN NOT NULL DEFAULT false,
    "leaveReminderEmails" BOOLEAN NOT NULL DEFAULT false,
    "throttledUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "connectedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KlaviyoConnection_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "KlaviyoEvent" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "customerId" TEXT,
    "email" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "properties" TEXT NOT NULL,
    "uniqueId" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "sendAfter" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KlaviyoEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "KlaviyoEvent_status_sendAfter_idx" ON "KlaviyoEvent"("status", "sendAfter");

-- CreateIndex
CREATE INDEX "KlaviyoEvent_shop_status_createdAt_idx" ON "KlaviyoEvent"("shop", "status", "createdAt");

-- CreateIndex
CREATE INDEX "KlaviyoEvent_shop_customerId_idx" ON "KlaviyoEvent"("shop", "customerId");

