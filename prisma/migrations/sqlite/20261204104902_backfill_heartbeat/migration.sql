-- AlterTable
ALTER TABLE "Backfill" ADD COLUMN "heartbeatAt" DATETIME;

-- CreateIndex
CREATE INDEX "Backfill_status_heartbeatAt_idx" ON "Backfill"("status", "heartbeatAt");

