-- AlterTable
ALTER TABLE "SubscriptionImportRow" ADD COLUMN     "email" TEXT;


-- Rows checked before the column kept the email inside their terms only.
UPDATE "SubscriptionImportRow" SET "email" = ("terms"::jsonb ->> 'email') WHERE "terms" IS NOT NULL;
