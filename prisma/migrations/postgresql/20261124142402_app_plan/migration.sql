-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "appPlan" TEXT NOT NULL DEFAULT 'free',
ADD COLUMN     "appPlanTest" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "appSubscriptionId" TEXT,
ADD COLUMN     "appTrialEndsAt" TIMESTAMP(3),
ADD COLUMN     "appTrialStartedAt" TIMESTAMP(3),
ADD COLUMN     "partnerDevelopment" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "subscriptionOfferOpen" BOOLEAN NOT NULL DEFAULT true;

