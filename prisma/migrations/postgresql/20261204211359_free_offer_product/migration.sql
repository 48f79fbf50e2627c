-- AlterTable
ALTER TABLE "ShopSettings" ADD COLUMN     "freeOfferProductId" TEXT;

