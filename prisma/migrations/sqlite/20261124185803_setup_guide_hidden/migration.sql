-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Shop" (
    "domain" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT,
    "ianaTimezone" TEXT NOT NULL DEFAULT 'UTC',
    "currencyCode" TEXT NOT NULL DEFAULT 'USD',
    "storefrontUrl" TEXT,
    "installedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalledAt" DATETIME,
    "scopes" TEXT,
    "scopesUpdatedAt" DATETIME,
    "appPlan" TEXT NOT NULL DEFAULT 'free',
    "appSubscriptionId" TEXT,
    "appPlanTest" BOOLEAN NOT NULL DEFAULT false,
    "appTrialEndsAt" DATETIME,
    "appTrialStartedAt" DATETIME,
    "partnerDevelopment" BOOLEAN NOT NULL DEFAULT false,
    "subscriptionOfferOpen" BOOLEAN NOT NULL DEFAULT true,
    "setupGuideHidden" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Shop" ("appPlan", "appPlanTest", "appSubscriptionId", "appTrialEndsAt", "appTrialStartedAt", "currencyCode", "domain", "ianaTimezone", "installedAt", "name", "partnerDevelopment", "scopes", "scopesUpdatedAt", "storefrontUrl", "subscriptionOfferOpen", "uninstalledAt", "updatedAt") SELECT "appPlan", "appPlanTest", "appSubscriptionId", "appTrialEndsAt", "appTrialStartedAt", "currencyCode", "domain", "ianaTimezone", "installedAt", "name", "partnerDevelopment", "scopes", "scopesUpdatedAt", "storefrontUrl", "subscriptionOfferOpen", "uninstalledAt", "updatedAt" FROM "Shop";
DROP TABLE "Shop";
ALTER TABLE "new_Shop" RENAME TO "Shop";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

