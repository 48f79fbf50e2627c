-- AlterTable
ALTER TABLE "ProtectionOffer" ADD COLUMN     "partnerId" TEXT;

-- AlterTable
ALTER TABLE "ProtectionRegistration" ADD COLUMN     "partnerId" TEXT,
ADD COLUMN     "partnerShareBasisPoints" INTEGER;

-- CreateTable
CREATE TABLE "Partner" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "statementEmail" TEXT,
    "claimsEmail" TEXT,
    "routeClaims" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "revenueShareBasisPoints" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Partner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnerStatement" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PartnerStatement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Partner_shop_name_key" ON "Partner"("shop", "name");

-- CreateIndex
CREATE INDEX "PartnerStatement_shop_idx" ON "PartnerStatement"("shop");

-- CreateIndex
CREATE UNIQUE INDEX "PartnerStatement_partnerId_month_key" ON "PartnerStatement"("partnerId", "month");

-- CreateIndex
CREATE INDEX "ProtectionRegistration_shop_partnerId_orderedAt_idx" ON "ProtectionRegistration"("shop", "partnerId", "orderedAt");

-- AddForeignKey
ALTER TABLE "ProtectionOffer" ADD CONSTRAINT "ProtectionOffer_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProtectionRegistration" ADD CONSTRAINT "ProtectionRegistration_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerStatement" ADD CONSTRAINT "PartnerStatement_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

