-- AlterTable
ALTER TABLE "ShopSettings" ADD COLUMN     "cancellationFlow" TEXT NOT NULL DEFAULT '';

