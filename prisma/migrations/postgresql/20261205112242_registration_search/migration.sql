-- AlterTable
ALTER TABLE "ProtectionRegistration" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';


-- Registrations made before: their search text, as app/protection/registrations.server.ts writes it
-- (lower-cased, LIKE's wildcards swapped for the private-use characters of searchable()).
UPDATE "ProtectionRegistration" SET "searchText" = REPLACE(REPLACE(LOWER(
  COALESCE("orderName", '') || ' ' || COALESCE("customerName", '') || ' ' || COALESCE("customerEmail", '') || ' ' || COALESCE("protectedTitle", '')
), '%', ''), '_', '');
