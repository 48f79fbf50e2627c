-- AlterTable
ALTER TABLE "SubscriptionContract" ADD COLUMN     "customerDisplayName" TEXT,
ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "SubscriptionContract_shop_firstBillingAt_idx" ON "SubscriptionContract"("shop", "firstBillingAt");


-- What the list searches for contracts stored before: email and items (the name comes with the next
-- sync), lower-cased and with LIKE's wildcards swapped as app/subscriptions/subscription-list.ts does.
UPDATE "SubscriptionContract" c SET "searchText" = replace(replace(lower(concat_ws(' ', c."customerEmail",
  (SELECT string_agg(l."title", ' ') FROM "SubscriptionLine" l WHERE l."contractId" = c."id"))), '%', chr(57381)), '_', chr(57439));
