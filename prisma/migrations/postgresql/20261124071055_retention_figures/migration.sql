-- CreateTable
CREATE TABLE "RetentionFigures" (
    "shop" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "currencyCode" TEXT NOT NULL,
    "otherCurrencyContracts" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RetentionFigures_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "RetentionMonth" (
    "shop" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "newMrr" INTEGER NOT NULL DEFAULT 0,
    "expansion" INTEGER NOT NULL DEFAULT 0,
    "contraction" INTEGER NOT NULL DEFAULT 0,
    "churned" INTEGER NOT NULL DEFAULT 0,
    "reactivation" INTEGER NOT NULL DEFAULT 0,
    "newCustomers" INTEGER NOT NULL DEFAULT 0,
    "reactivatedCustomers" INTEGER NOT NULL DEFAULT 0,
    "churnedCustomers" INTEGER NOT NULL DEFAULT 0,
    "recurringMinor" INTEGER NOT NULL DEFAULT 0,
    "oneOffMinor" INTEGER NOT NULL DEFAULT 0,
    "protectionMinor" INTEGER NOT NULL DEFAULT 0,
    "eligibleUnits" INTEGER NOT NULL DEFAULT 0,
    "protectedUnits" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RetentionMonth_pkey" PRIMARY KEY ("shop","month")
);

-- CreateTable
CREATE TABLE "RetentionCohortCell" (
    "shop" TEXT NOT NULL,
    "cohort" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "activeCustomers" INTEGER NOT NULL DEFAULT 0,
    "mrr" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RetentionCohortCell_pkey" PRIMARY KEY ("shop","cohort","month")
);

-- CreateTable
CREATE TABLE "RepeatBuyer" (
    "shop" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "firstOneOffAt" TIMESTAMP(3) NOT NULL,
    "returnedAt" TIMESTAMP(3),

    CONSTRAINT "RepeatBuyer_pkey" PRIMARY KEY ("shop","customerId")
);

-- CreateIndex
CREATE INDEX "RepeatBuyer_shop_firstOneOffAt_returnedAt_idx" ON "RepeatBuyer"("shop", "firstOneOffAt", "returnedAt");

-- CreateIndex
CREATE INDEX "MrrChange_shop_customerId_idx" ON "MrrChange"("shop", "customerId");

-- CreateIndex
CREATE INDEX "Order_shop_customerId_idx" ON "Order"("shop", "customerId");

