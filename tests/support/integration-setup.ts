import { afterAll } from "vitest";
import { Simulator } from "../../simulator/server";
import { createTestDatabase } from "./database";
import { TEST_API_KEY, TEST_API_SECRET, setTestContext } from "./context";

// Before each integration test file: a fresh database, a running simulator, and the environment
// Orchard checks at boot. Orchard's modules are imported by the test files after this has run.
const database = await createTestDatabase();
const simulator = new Simulator({ apiKey: TEST_API_KEY, apiSecret: TEST_API_SECRET, appUrl: "http://127.0.0.1:9" });
await simulator.start();

Object.assign(process.env, {
  NODE_ENV: "test",
  SHOPIFY_API_KEY: TEST_API_KEY,
  SHOPIFY_API_SECRET: TEST_API_SECRET,
  SHOPIFY_APP_URL: "https://orchard.example.com",
  SCOPES: simulator.appConfig.scopes,
  DATABASE_URL: database.url,
  SHOPIFY_SIMULATOR_URL: simulator.url,
  ORCHARD_RUN_WORKERS: "none",
  LOG_LEVEL: "error",
});
setTestContext({ simulator, database });

afterAll(async () => {
  const { db } = await import("../../app/db.server");
  await db().$disconnect();
  globalThis.orchardDb = undefined;
  await simulator.stop();
  await database.drop();
});
