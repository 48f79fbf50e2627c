-- AlterTable
ALTER TABLE "BillingAttempt" DROP COLUMN "shopifyId";

