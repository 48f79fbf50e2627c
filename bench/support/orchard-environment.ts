import { createTestDatabase, type TestDatabase } from "../../tests/support/database";

/**
 * A fresh database of the kind asked for, and the environment Orchard's modules read when they are
 * first imported (so set it before any `await import("../app/…")`): a development app with no
 * worker of its own, quiet logs, and the benchmark's own settings on top.
 */
export async function orchardEnvironment(database: "sqlite" | "postgresql", settings: Record<string, string>): Promise<TestDatabase> {
  process.env.TEST_DATABASE = database;
  const testDatabase = await createTestDatabase();
  Object.assign(process.env, {
    NODE_ENV: "development",
    SHOPIFY_API_KEY: "bench-key",
    SHOPIFY_API_SECRET: "bench-secret",
    SHOPIFY_APP_URL: "https://orchard.example.com",
    DATABASE_URL: testDatabase.url,
    ORCHARD_RUN_WORKERS: "none",
    LOG_LEVEL: "error",
    ...settings,
  });
  return testDatabase;
}
