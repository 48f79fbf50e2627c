-- DropIndex
DROP INDEX "BillingAttempt_status_cycleDate_idx";

-- DropIndex
DROP INDEX "BillingAttempt_contractId_cycle_key";

-- AlterTable
ALTER TABLE "SubscriptionContract" ADD COLUMN     "cancellationReason" TEXT,
ADD COLUMN     "cancelledAt" TIMESTAMP(3),
ADD COLUMN     "customerLocale" TEXT,
ADD COLUMN     "customerName" TEXT,
ADD COLUMN     "dunningCycle" INTEGER,
ADD COLUMN     "paymentMethodId" TEXT,
ADD COLUMN     "resumeAt" TIMESTAMP(3),
ADD COLUMN     "scheduleCycle" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "scheduleFrom" TIMESTAMP(3) NOT NULL;

-- AlterTable
ALTER TABLE "SubscriptionLine" ADD COLUMN     "oneTimeCycle" INTEGER;

-- AlterTable
ALTER TABLE "BillingAttempt" ADD COLUMN     "failureKind" TEXT,
ADD COLUMN     "retry" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "sendAfter" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "ShopSettings" (
    "shop" TEXT NOT NULL,
    "paymentRetryDays" TEXT NOT NULL DEFAULT '[1,3,7]',
    "paymentFinalAction" TEXT NOT NULL DEFAULT 'pause',
    "inventoryRetryDays" TEXT NOT NULL DEFAULT '[1,2]',
    "inventoryFinalAction" TEXT NOT NULL DEFAULT 'skip',
    "upcomingOrderDays" INTEGER NOT NULL DEFAULT 3,
    "saveOfferPercent" INTEGER NOT NULL DEFAULT 20,
    "pauseOfferMonths" INTEGER NOT NULL DEFAULT 2,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShopSettings_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "EmailMessage" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "contractId" TEXT,
    "kind" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "data" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "EmailMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RetentionEvent" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "reasonText" TEXT,
    "offer" TEXT,
    "outcome" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RetentionEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EmailMessage_dedupeKey_key" ON "EmailMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "EmailMessage_status_createdAt_idx" ON "EmailMessage"("status", "createdAt");

-- CreateIndex
CREATE INDEX "EmailMessage_shop_contractId_idx" ON "EmailMessage"("shop", "contractId");

-- CreateIndex
CREATE INDEX "RetentionEvent_shop_createdAt_idx" ON "RetentionEvent"("shop", "createdAt");

-- CreateIndex
CREATE INDEX "RetentionEvent_contractId_idx" ON "RetentionEvent"("contractId");

-- CreateIndex
CREATE INDEX "BillingAttempt_status_sendAfter_idx" ON "BillingAttempt"("status", "sendAfter");

-- CreateIndex
CREATE UNIQUE INDEX "BillingAttempt_contractId_cycle_retry_key" ON "BillingAttempt"("contractId", "cycle", "retry");

