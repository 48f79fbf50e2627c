import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll } from "vitest";
import { Simulator } from "../../simulator/server";
import { createTestDatabase } from "./database";
import { TEST_API_KEY, TEST_API_SECRET, setTestContext } from "./context";

// Before each integration test file: a fresh database, a running simulator, and the environment
// Orchard checks at boot. Orchard's modules are imported by the test files after this has run.
const database = await createTestDatabase();
// Webhooks and Shopify Flow's requests from the simulator reach Orchard's real routes (HMAC and
// all) through a small server standing in for the app's; webhooks wait in the inbox until a test
// runs the worker.
const receiving = new Set<Promise<unknown>>();
const routeFor = (path: string) =>
  path.startsWith("/flow/lifecycle")
    ? import("../../app/routes/flow.lifecycle")
    : path.startsWith("/flow/actions/")
      ? import("../../app/routes/flow.actions.$handle")
      : import("../../app/routes/webhooks.$");
const webhookReceiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const handled = routeFor(req.url ?? "/")
      .then(({ action }) =>
        action({
          // Flow's action routes name the action in the path (flow.actions.$handle).
          params: { handle: (req.url ?? "").split("/")[3] ?? "" },
          request: new Request(`https://orchard.example.com${req.url}`, {
            method: "POST",
            headers: req.headers as Record<string, string>,
            body: Buffer.concat(chunks),
          }),
          context: {},
        }),
      )
      .then(async (response) => res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text()))
      .catch(() => res.writeHead(500).end());
    receiving.add(handled);
    void handled.finally(() => receiving.delete(handled));
  });
});
// Open between deliveries, as an app's server is (a short keep-alive makes undici reconnect for each one).
webhookReceiver.keepAliveTimeout = 60_000;
await new Promise<void>((resolve) => webhookReceiver.listen(0, "127.0.0.1", resolve));
const simulator = new Simulator({
  apiKey: TEST_API_KEY,
  apiSecret: TEST_API_SECRET,
  appUrl: `http://127.0.0.1:${(webhookReceiver.address() as AddressInfo).port}`,
});
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
  LOG_LEVEL: process.env.LOG_LEVEL ?? "error",
  SMTP_URL: simulator.mailbox.url,
});
setTestContext({ simulator, database });

// In that order: no webhook arrives or is still being stored once the database client is closed
// (a late delivery, delayed by the simulator's chaos, would open a new connection that the drop
// below then terminates under it).
afterAll(async () => {
  await simulator.stop();
  webhookReceiver.close();
  await Promise.allSettled(receiving);
  const { db } = await import("../../app/db.server");
  await db().$disconnect();
  globalThis.orchardDb = undefined;
  await database.drop();
});
