-- CreateTable
CREATE TABLE "FlowTriggerUse" (
    "shop" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "reportedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FlowTriggerUse_pkey" PRIMARY KEY ("shop","handle")
);

-- CreateTable
CREATE TABLE "FlowTriggerRun" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "customerId" TEXT,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "sendAfter" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FlowTriggerRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FlowActionRun" (
    "shop" TEXT NOT NULL,
    "actionRunId" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "status" INTEGER NOT NULL DEFAULT 0,
    "answer" TEXT NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FlowActionRun_pkey" PRIMARY KEY ("shop","actionRunId")
);

-- CreateIndex
CREATE INDEX "FlowTriggerRun_status_sendAfter_idx" ON "FlowTriggerRun"("status", "sendAfter");

-- CreateIndex
CREATE INDEX "FlowTriggerRun_shop_customerId_idx" ON "FlowTriggerRun"("shop", "customerId");

