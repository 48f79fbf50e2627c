-- DropIndex
DROP INDEX "BillingAttempt_shop_status_idx";

-- CreateIndex
CREATE INDEX "BillingAttempt_shop_status_sendAfter_idx" ON "BillingAttempt"("shop", "status", "sendAfter");

