/**
 * `npm run demo`: the local store simulator with a seeded store, and Orchard against it.
 * Prints one URL; everything a merchant and a shopper see is reachable from there.
 */
import { spawn } from "node:child_process";
import { readAppConfig } from "../simulator/app-config";
import { Simulator } from "../simulator/server";
import { seedShop } from "../simulator/seed";
import { migrate } from "../prisma/tools/migrate";

if (process.env.NODE_ENV === "production") {
  console.error("The demo runs Orchard against a simulated Shopify and refuses to start with NODE_ENV=production.");
  process.exit(1);
}

const appPort = Number(process.env.PORT ?? 3000);
const simulatorPort = Number(process.env.SIMULATOR_PORT ?? 4100);
const apiKey = "orchard-demo-api-key";
const apiSecret = "orchard-demo-api-secret";
const appUrl = `http://127.0.0.1:${appPort}`;
const databaseUrl = process.env.DATABASE_URL ?? "file:./.data/demo.db";

await migrate(databaseUrl);

const simulator = new Simulator({ port: simulatorPort, apiKey, apiSecret, appUrl });
const simulatorUrl = await simulator.start();
const shop = simulator.store.createShop({ domain: "orchard-demo.myshopify.com", name: "Orchard Demo Coffee & Tea", ianaTimezone: "America/New_York" });
seedShop(simulator.store, shop, simulator.clock.now(), { customers: 500, months: 12 });

const app = spawn("node_modules/.bin/remix", ["vite:dev", "--host", "127.0.0.1", "--port", String(appPort), "--strictPort"], {
  stdio: ["ignore", "inherit", "inherit"],
  env: {
    ...process.env,
    NODE_ENV: "development",
    SHOPIFY_API_KEY: apiKey,
    SHOPIFY_API_SECRET: apiSecret,
    SHOPIFY_APP_URL: appUrl,
    SCOPES: readAppConfig("shopify.app.toml").scopes,
    DATABASE_URL: databaseUrl,
    SHOPIFY_SIMULATOR_URL: simulatorUrl,
  },
});

const stop = async () => {
  app.kill("SIGTERM");
  await simulator.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
app.on("exit", (code) => {
  console.error(`Orchard exited (${code ?? "signal"}); stopping the demo.`);
  void simulator.stop().then(() => process.exit(code ?? 1));
});

// Ready when the app answers and has compiled its admin entry, so the first visitor does not wait.
for (let attempt = 0; attempt < 180; attempt += 1) {
  try {
    const response = await fetch(`${appUrl}/auth/login`);
    if (response.ok) break;
  } catch {
    // not listening yet
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}

console.log(`
  Orchard demo is running.

  Open ${simulatorUrl}/
    · the admin:      ${simulatorUrl}/store/orchard-demo/apps/${apiKey}/app
    · the storefront: ${simulatorUrl}/storefront/orchard-demo

  Stop with Ctrl-C.
`);
