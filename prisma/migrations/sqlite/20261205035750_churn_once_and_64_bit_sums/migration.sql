-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_RetentionFigures" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "timeZone" TEXT NOT NULL,
    "currencyCode" TEXT NOT NULL,
    "otherCurrencyContracts" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "definitions" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_RetentionFigures" ("currencyCode", "otherCurrencyContracts", "shop", "timeZone", "version") SELECT "currencyCode", "otherCurrencyContracts", "shop", "timeZone", "version" FROM "RetentionFigures";
DROP TABLE "RetentionFigures";
ALTER TABLE "new_RetentionFigures" RENAME TO "RetentionFigures";
CREATE TABLE "new_RetentionMonth" (
    "shop" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "newMrr" BIGINT NOT NULL DEFAULT 0,
    "expansion" BIGINT NOT NULL DEFAULT 0,
    "contraction" BIGINT NOT NULL DEFAULT 0,
    "churned" BIGINT NOT NULL DEFAULT 0,
    "reactivation" BIGINT NOT NULL DEFAULT 0,
    "newCustomers" INTEGER NOT NULL DEFAULT 0,
    "reactivatedCustomers" INTEGER NOT NULL DEFAULT 0,
    "churnedCustomers" INTEGER NOT NULL DEFAULT 0,
    "leftCustomers" INTEGER NOT NULL DEFAULT 0,
    "joinedCustomers" INTEGER NOT NULL DEFAULT 0,
    "recurringMinor" BIGINT NOT NULL DEFAULT 0,
    "oneOffMinor" BIGINT NOT NULL DEFAULT 0,
    "protectionMinor" BIGINT NOT NULL DEFAULT 0,
    "eligibleUnits" INTEGER NOT NULL DEFAULT 0,
    "protectedUnits" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("shop", "month")
);
INSERT INTO "new_RetentionMonth" ("churned", "churnedCustomers", "contraction", "eligibleUnits", "expansion", "month", "newCustomers", "newMrr", "oneOffMinor", "protectedUnits", "protectionMinor", "reactivatedCustomers", "reactivation", "recurringMinor", "shop") SELECT "churned", "churnedCustomers", "contraction", "eligibleUnits", "expansion", "month", "newCustomers", "newMrr", "oneOffMinor", "protectedUnits", "protectionMinor", "reactivatedCustomers", "reactivation", "recurringMinor", "shop" FROM "RetentionMonth";
DROP TABLE "RetentionMonth";
ALTER TABLE "new_RetentionMonth" RENAME TO "RetentionMonth";
CREATE TABLE "new_RetentionCohortCell" (
    "shop" TEXT NOT NULL,
    "cohort" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "activeCustomers" INTEGER NOT NULL DEFAULT 0,
    "mrr" BIGINT NOT NULL DEFAULT 0,

    PRIMARY KEY ("shop", "cohort", "month")
);
INSERT INTO "new_RetentionCohortCell" ("activeCustomers", "cohort", "month", "mrr", "shop") SELECT "activeCustomers", "cohort", "month", "mrr", "shop" FROM "RetentionCohortCell";
DROP TABLE "RetentionCohortCell";
ALTER TABLE "new_RetentionCohortCell" RENAME TO "RetentionCohortCell";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

