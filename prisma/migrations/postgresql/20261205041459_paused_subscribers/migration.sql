-- AlterTable
ALTER TABLE "ShopSettings" ADD COLUMN     "pausedSubscribers" TEXT NOT NULL DEFAULT 'churned';

-- AlterTable
ALTER TABLE "MrrChange" ADD COLUMN     "paused" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "RetentionFigures" ADD COLUMN     "pausedSubscribers" TEXT NOT NULL DEFAULT 'churned';

-- AlterTable
ALTER TABLE "RetentionMonth" ADD COLUMN     "pausedMrr" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "resumedMrr" BIGINT NOT NULL DEFAULT 0;


-- A contract paused now was paused by its last change to no MRR: marked so, the figures can keep
-- its customer if the merchant chooses to. Earlier pauses, already resumed, stay counted as churn.
UPDATE "MrrChange" SET "paused" = true WHERE "mrrMinor" = 0 AND "id" IN (
  SELECT max(m."id") FROM "MrrChange" m
  JOIN "SubscriptionContract" c ON c."shop" = m."shop" AND c."shopifyId" = m."contractId"
  WHERE c."status" = 'PAUSED'
  GROUP BY m."contractId"
);
