-- AlterTable
ALTER TABLE "ShopSettings" ADD COLUMN "saveOfferPeriods" TEXT NOT NULL DEFAULT '{}';

-- The one period the merchant had for every offer becomes each offer's own.
UPDATE "ShopSettings" SET "saveOfferPeriods" = json_build_object('pause', "saveOfferPeriodDays", 'skip', "saveOfferPeriodDays", 'frequency', "saveOfferPeriodDays", 'swap', "saveOfferPeriodDays", 'discount', "saveOfferPeriodDays", 'freeProduct', "saveOfferPeriodDays")::text;

ALTER TABLE "ShopSettings" DROP COLUMN "saveOfferPeriodDays";
