import { Simulator } from "./server";

/** Starts the simulator alone (the demo starts it together with the app: scripts/demo.ts). */
const simulator = new Simulator({
  port: Number(process.env.SIMULATOR_PORT ?? 4100),
  apiKey: process.env.SHOPIFY_API_KEY ?? "orchard-demo-api-key",
  apiSecret: process.env.SHOPIFY_API_SECRET ?? "orchard-demo-api-secret",
  appUrl: process.env.SHOPIFY_APP_URL,
});
console.log(`store simulator listening on ${await simulator.start()}`);
