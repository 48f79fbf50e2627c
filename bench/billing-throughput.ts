/**
 * Billing throughput against Shopify's rate limit: 10,000 due subscriptions over 100 shops, every
 * shop on the Standard plan (100 points/s) with its bucket empty at the start, as after a busy
 * hour. Orchard schedules and sends every charge (subscriptionBillingAttemptCreate, 10 points);
 * the bound is what the published rate allows: each shop's 100 charges need 1,000 points, 10 s,
 * all shops at once. Orchard's worker loop runs as in production: it schedules the due cycles
 * while every shop's lane sends as fast as its bucket allows. Prints Orchard's time as a fraction
 * of that bound, and the double charges
 * (must be 0). The store runs in a process of its own (bench/support/billing-store.ts), as Shopify
 * runs on its own machines: its work is not Orchard's.
 *
 *   tsx bench/billing-throughput.ts sqlite|postgresql
 */
import { fork } from "node:child_process";
import { orchardEnvironment } from "./support/orchard-environment";

const database = process.argv[2] === "postgresql" ? "postgresql" : "sqlite";
const SHOPS = Number(process.env.BENCH_SHOPS ?? 100);
const PER_SHOP = Number(process.env.BENCH_PER_SHOP ?? 100);
const RESTORE_RATE = 100;
const ATTEMPT_COST = 10;

interface Ready {
  kind: "ready";
  url: string;
  scopes: string;
  shops: { domain: string; name: string; token: string; contracts: { id: number; currencyCode: string; createdAt: string }[] }[];
}
interface Counted {
  kind: "counted";
  charged: number;
  doubles: number;
  throttled: number;
  lastChargeMs: number;
}

const store = fork("bench/support/billing-store.ts", [String(SHOPS), String(PER_SHOP)], { execArgv: ["--import", "tsx"] });
const reply = <T>(kind: string): Promise<T> =>
  new Promise((resolve) => {
    const listener = (message: { kind: string }) => {
      if (message.kind !== kind) return;
      store.off("message", listener);
      resolve(message as T);
    };
    store.on("message", listener);
  });
const ask = <T>(kind: string, answer: string) => {
  const answered = reply<T>(answer);
  store.send({ kind });
  return answered;
};

const ready = await reply<Ready>("ready");
const testDatabase = await orchardEnvironment(database, { SCOPES: ready.scopes, SHOPIFY_SIMULATOR_URL: ready.url });
const { db } = await import("../app/db.server");
const { scheduledDate } = await import("../app/subscriptions/billing-schedule");
const { startWorkerLoop } = await import("../app/worker/worker.server");

// Set-up (not measured): Orchard installed on every shop, with its mirror of the contracts.
const policy = { interval: "MONTH" as const, intervalCount: 1, anchor: null };
for (const shop of ready.shops) {
  await db().session.create({
    data: { id: `offline_${shop.domain}`, shop: shop.domain, state: "", accessToken: shop.token, scope: ready.scopes },
  });
  await db().shop.create({ data: { domain: shop.domain, name: shop.name, ianaTimezone: "UTC" } });
  await db().subscriptionContract.createMany({
    data: shop.contracts.map((c) => ({
      shop: shop.domain,
      shopifyId: `gid://shopify/SubscriptionContract/${c.id}`,
      status: "ACTIVE",
      currencyCode: c.currencyCode,
      billingInterval: "MONTH",
      billingIntervalCount: 1,
      deliveryInterval: "MONTH",
      deliveryIntervalCount: 1,
      firstBillingAt: new Date(c.createdAt),
      scheduleFrom: new Date(c.createdAt),
      nextBillingAt: scheduledDate({ from: new Date(c.createdAt), fromCycle: 0, policy, timeZone: "UTC" }, 1),
      revisionId: "1",
    })),
  });
}
// A month on, every subscription is due; the worker follows the store's clock.
await ask("next month", "drained");

// Measured: from the month's turn until the last due charge reached Shopify, worker start-up
// included.
const total = SHOPS * PER_SHOP;
const stopWorker = startWorkerLoop();
let counted: Counted;
do {
  await new Promise((resolve) => setTimeout(resolve, 100));
  counted = await ask<Counted>("count", "counted");
} while (counted.charged < total);
await stopWorker();
const seconds = counted.lastChargeMs / 1000;
const boundSeconds = (PER_SHOP * ATTEMPT_COST) / RESTORE_RATE;

console.log(
  `billing throughput on ${database}: ${total} charges over ${SHOPS} shops in ${seconds.toFixed(1)} s (${(total / seconds).toFixed(0)}/s); ` +
    `bound set by ${RESTORE_RATE} points/s per shop ${boundSeconds.toFixed(1)} s; fraction of the bound ${(boundSeconds / seconds).toFixed(3)}; ` +
    `requests refused as THROTTLED ${counted.throttled}; double charges ${counted.doubles}`,
);
await db().$disconnect();
store.send({ kind: "stop" });
await testDatabase.drop();
process.exit(counted.doubles === 0 ? 0 : 1);
