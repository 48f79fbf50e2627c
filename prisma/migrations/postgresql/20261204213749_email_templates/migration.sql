-- AlterTable
ALTER TABLE "ShopSettings" ADD COLUMN     "emailTemplates" TEXT NOT NULL DEFAULT '{}';

