import { delimiter, resolve } from "node:path";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The files that take minutes, placed so that they never run beside each other and the short
 * files fill the other worker: on SQLite the generated lives first (the longest there), on
 * PostgreSQL the year of billing at scale first (its four worker processes take both cores) and
 * the lives last. A fresh clone has no timings for vitest to sort by.
 */
const postgres = process.env.TEST_DATABASE === "postgresql";
const BILLING_AT_SCALE = "tests/integration/billing-at-scale.test.ts";
const MODEL_LIVES = "tests/model/subscription-lives.test.ts";
const FIRST = postgres ? [BILLING_AT_SCALE] : [MODEL_LIVES, BILLING_AT_SCALE];
const LAST = postgres ? [MODEL_LIVES] : [];
class LongFilesApart extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const placed = (names: string[]) => names.flatMap((name) => sorted.filter((f) => f.moduleId.endsWith(name)));
    const rest = sorted.filter((f) => ![...FIRST, ...LAST].some((name) => f.moduleId.endsWith(name)));
    return [...placed(FIRST), ...rest, ...placed(LAST)];
  }
}

// Shopify's reference themes (THEMES_DIR, or ../shared/themes), then the themes written for the
// tests (tests/fixtures/themes); the test processes inherit it.
process.env.THEMES_DIR = [
  process.env.THEMES_DIR ?? resolve(import.meta.dirname, "..", "shared", "themes"),
  resolve(import.meta.dirname, "tests", "fixtures", "themes"),
].join(delimiter);

// Five suites: unit (pure functions, no I/O), extensions (the UI extensions rendered by Shopify's
// extension tester in jsdom), integration (loaders, actions and webhooks against a real database and
// the store simulator), model (generated subscription lives on that stack, tests/model), browser (Debian's Chromium driving the running demo stack). No test depends
// on finishing within seconds: a busy two-core machine can take many times longer.
export default defineConfig({
  test: {
    sequence: { sequencer: LongFilesApart },
    projects: [
      { test: { name: "unit", include: ["tests/unit/**/*.test.ts"], testTimeout: 60_000 } },
      // Each file in its own environment: the extensions read the global `shopify` the tester sets.
      {
        test: {
          name: "extensions",
          include: ["tests/extensions/**/*.test.ts"],
          environment: "jsdom",
          testTimeout: 60_000,
          // The tester imports the extension's module itself: through Vite, which compiles its TSX.
          server: { deps: { inline: ["@shopify/ui-extensions-tester"] } },
        },
      },
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          setupFiles: ["tests/support/integration-setup.ts"],
          // Generous: beside the year of billing's four workers, a file can take several times longer.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      // Whole subscription lives, generated (tests/model): the integration stack, one file, run on its own.
      {
        test: {
          name: "model",
          include: ["tests/model/**/*.test.ts"],
          env: { LOG_LEVEL: "silent" },
          setupFiles: ["tests/support/integration-setup.ts"],
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          globalSetup: ["tests/support/browser-build.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
