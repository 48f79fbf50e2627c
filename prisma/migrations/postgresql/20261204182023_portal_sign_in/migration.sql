-- CreateTable
CREATE TABLE "PortalSignIn" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PortalSignIn_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PortalSignIn_shop_customerId_createdAt_idx" ON "PortalSignIn"("shop", "customerId", "createdAt");

