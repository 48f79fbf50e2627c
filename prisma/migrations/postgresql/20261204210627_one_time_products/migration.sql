-- AlterTable
ALTER TABLE "ShopSettings" ADD COLUMN     "oneTimeProducts" TEXT NOT NULL DEFAULT '[]';

