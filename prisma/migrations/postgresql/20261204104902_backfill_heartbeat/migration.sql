-- AlterTable
ALTER TABLE "Backfill" ADD COLUMN     "heartbeatAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Backfill_status_heartbeatAt_idx" ON "Backfill"("status", "heartbeatAt");

