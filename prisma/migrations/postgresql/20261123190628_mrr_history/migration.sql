-- AlterTable
ALTER TABLE "SubscriptionContract" ADD COLUMN     "mrrMinor" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "MrrChange" (
    "id" SERIAL NOT NULL,
    "shop" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "mrrMinor" INTEGER NOT NULL,
    "currencyCode" TEXT NOT NULL,

    CONSTRAINT "MrrChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MrrChange_shop_at_idx" ON "MrrChange"("shop", "at");

