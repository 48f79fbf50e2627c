/**
 * Billing throughput against Shopify's rate limit: 10,000 due subscriptions over 100 shops, every
 * shop on the Standard plan (100 points/s) with its bucket empty at the start, as after a busy
 * hour. Orchard schedules and sends every charge (subscriptionBillingAttemptCreate, 10 points);
 * the bound is what the published rate allows: each shop's 100 charges need 1,000 points, 10 s,
 * all shops at once. Prints Orchard's time as a fraction of that bound, and the double charges
 * (must be 0).
 *
 *   tsx bench/billing-throughput.ts sqlite|postgresql
 */
import { randomBytes } from "node:crypto";
import { createTestDatabase } from "../tests/support/database";
import { Simulator } from "../simulator/server";
import { seedShop } from "../simulator/seed";
import { completeCheckout } from "../simulator/checkout";
import { gid } from "../simulator/ids";
import type { ShopRecord } from "../simulator/store";

const database = process.argv[2] === "postgresql" ? "postgresql" : "sqlite";
const SHOPS = 100;
const PER_SHOP = 100;
const RESTORE_RATE = 100;
const ATTEMPT_COST = 10;

process.env.TEST_DATABASE = database;
const store = await createTestDatabase();
const simulator = new Simulator({ apiKey: "bench-key", apiSecret: "bench-secret" });
await simulator.start();
Object.assign(process.env, {
  NODE_ENV: "development",
  SHOPIFY_API_KEY: "bench-key",
  SHOPIFY_API_SECRET: "bench-secret",
  SHOPIFY_APP_URL: "https://orchard.example.com",
  SCOPES: simulator.appConfig.scopes,
  DATABASE_URL: store.url,
  SHOPIFY_SIMULATOR_URL: simulator.url,
  ORCHARD_RUN_WORKERS: "none",
  LOG_LEVEL: "error",
});
const { db } = await import("../app/db.server");
const { FixedClock, replaceClock } = await import("../app/clock");
const { scheduledDate } = await import("../app/subscriptions/billing-schedule");
const { scheduleDueCycles, sendScheduledAttempts } = await import("../app/subscriptions/billing.server");
const { backgroundAdmin } = await import("../app/shopify/background.server");

// Set-up (not measured): the shops, their subscribers, Orchard installed with its mirror of the contracts.
const start = simulator.clock.now();
const shops: ShopRecord[] = [];
for (let s = 0; s < SHOPS; s += 1) {
  const shop = simulator.store.createShop({ domain: `bench-${s}.myshopify.com`, name: `Bench ${s}`, ianaTimezone: "UTC" });
  seedShop(simulator.store, shop, start, { customers: PER_SHOP, months: 0 });
  const product = [...shop.products.values()][0]!;
  const planId = simulator.store.newId();
  shop.sellingPlanGroups.set(simulator.store.newId(), {
    id: simulator.store.newId(),
    appId: null,
    name: "Monthly",
    merchantCode: "",
    description: "",
    options: ["Every"],
    position: 1,
    productIds: [product.id],
    variantIds: [],
    createdAt: start,
    sellingPlans: [
      {
        id: planId,
        name: "Every month",
        description: "",
        options: ["month"],
        position: 1,
        billingPolicy: { interval: "MONTH", intervalCount: 1, minCycles: null, maxCycles: null, anchors: [] },
        deliveryPolicy: { interval: "MONTH", intervalCount: 1, anchors: [] },
        pricingPolicies: [],
      },
    ],
  });
  for (const customer of shop.customers.values()) {
    await completeCheckout(simulator, shop, {
      email: customer.email,
      lines: [{ variantId: product.variants[0]!.id, quantity: 1, sellingPlanId: planId, properties: {} }],
    });
  }
  const token = `shpat_${randomBytes(8).toString("hex")}`;
  shop.accessTokens.set(token, { scope: simulator.appConfig.scopes, online: false, userId: null });
  shop.installed = true;
  await db().session.create({
    data: { id: `offline_${shop.domain}`, shop: shop.domain, state: "", accessToken: token, scope: simulator.appConfig.scopes },
  });
  await db().shop.create({ data: { domain: shop.domain, name: shop.name, ianaTimezone: "UTC" } });
  const policy = { interval: "MONTH" as const, intervalCount: 1, anchor: null };
  await db().subscriptionContract.createMany({
    data: [...shop.contracts.values()].map((c) => ({
      shop: shop.domain,
      shopifyId: gid("SubscriptionContract", c.id),
      status: "ACTIVE",
      currencyCode: c.currencyCode,
      billingInterval: "MONTH",
      billingIntervalCount: 1,
      deliveryInterval: "MONTH",
      deliveryIntervalCount: 1,
      firstBillingAt: c.createdAt,
      scheduleFrom: c.createdAt,
      nextBillingAt: scheduledDate({ from: c.createdAt, fromCycle: 0, policy, timeZone: "UTC" }, 1),
      revisionId: "1",
    })),
  });
  shops.push(shop);
}
replaceClock(new FixedClock(new Date(start.getTime() + 32 * 86_400_000)));
for (const shop of shops) simulator.graphql.bucket(shop).drainTo(0);

// Measured: Orchard's billing rounds until every due charge has reached Shopify.
const total = SHOPS * PER_SHOP;
const charged = () => shops.reduce((sum, shop) => sum + shop.billingAttempts.size, 0);
const began = performance.now();
while (charged() < total) {
  await scheduleDueCycles(total);
  await sendScheduledAttempts(backgroundAdmin, PER_SHOP);
}
const seconds = (performance.now() - began) / 1000;
const boundSeconds = (PER_SHOP * ATTEMPT_COST) / RESTORE_RATE;

const doubles = shops.flatMap((shop) => {
  const perContract = new Map<number, number>();
  for (const attempt of shop.billingAttempts.values()) perContract.set(attempt.contractId, (perContract.get(attempt.contractId) ?? 0) + 1);
  return [...perContract.values()].filter((n) => n > 1);
}).length;
const throttled = [...simulator.graphql.throttled.values()].reduce((sum, n) => sum + n, 0);

console.log(
  `billing throughput on ${database}: ${total} charges over ${SHOPS} shops in ${seconds.toFixed(1)} s (${(total / seconds).toFixed(0)}/s); ` +
    `bound set by ${RESTORE_RATE} points/s per shop ${boundSeconds.toFixed(1)} s; fraction of the bound ${(boundSeconds / seconds).toFixed(3)}; ` +
    `requests refused as THROTTLED ${throttled}; double charges ${doubles}`,
);
await db().$disconnect();
await simulator.stop();
await store.drop();
process.exit(doubles === 0 ? 0 : 1);
