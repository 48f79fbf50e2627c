-- CreateIndex
CREATE INDEX "SubscriptionContract_status_nextBillingAt_idx" ON "SubscriptionContract"("status", "nextBillingAt");

