/**
 * `npm run demo`: the local store simulator with a seeded store, and Orchard against it.
 * Prints one URL; everything a merchant and a shopper see is reachable from there.
 */
import { rmSync } from "node:fs";
import { seedShop } from "../simulator/seed";
import { startStack } from "./stack";

if (process.env.NODE_ENV === "production") {
  console.error("The demo runs Orchard against a simulated Shopify and refuses to start with NODE_ENV=production.");
  process.exit(1);
}

// The simulated store starts afresh each time, so Orchard's demo database does too: rows about a
// store the last run made would point at nothing. A database given by DATABASE_URL is left alone.
const DEMO_DATABASE = "./.data/demo.db";
if (!process.env.DATABASE_URL) for (const suffix of ["", "-wal", "-shm"]) rmSync(`${DEMO_DATABASE}${suffix}`, { force: true });

// Orchard's own log: warnings and errors only, so the URL below is what a newcomer reads.
process.env.LOG_LEVEL ??= "warn";

const stack = await startStack({
  appPort: Number(process.env.PORT ?? 3000),
  simulatorPort: Number(process.env.SIMULATOR_PORT ?? 4100),
  databaseUrl: process.env.DATABASE_URL ?? `file:${DEMO_DATABASE}`,
});
const { simulator } = stack;
// A development store that has just found Orchard: a year of orders, no Orchard block on its theme
// yet, no plan. The dashboard's setup guide takes it from there; Orchard's paid plan is a test charge.
const shop = simulator.store.createShop({
  domain: "orchard-demo.myshopify.com",
  name: "Orchard Demo Coffee & Tea",
  ianaTimezone: "America/New_York",
  partnerDevelopment: true,
  orchardBlocksInTheme: false,
});
seedShop(simulator.store, shop, simulator.clock.now(), { customers: 500, months: 12 });

const stop = () => void stack.stop().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

// One URL, as the README says: the start page links the store's admin with Orchard in it, the
// storefront, the customers' mailboxes and the store's clock.
console.log(`Orchard demo: ${stack.simulatorUrl}/  (Ctrl-C stops it)`);
