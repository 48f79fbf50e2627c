/**
 * The Shopify side of the billing throughput benchmark, in a process of its own as Shopify is in
 * production: the simulator with 100 Standard shops, each with 100 subscribers who checked out a
 * monthly plan. The benchmark drives it over IPC: "next month" moves the clock on 32 days and
 * empties every shop's bucket, "count" reports the charges made, when the last of them arrived
 * (ms after "next month", on the store's own clock: no polling in the figure),
 * the double charges and the THROTTLED refusals.
 */
import { randomBytes } from "node:crypto";
import { Simulator } from "../../simulator/server";
import { seedShop } from "../../simulator/seed";
import { completeCheckout } from "../../simulator/checkout";
import type { ShopRecord } from "../../simulator/store";

const [shopCount, perShop] = process.argv.slice(2).map(Number) as [number, number];
const simulator = new Simulator({ apiKey: "bench-key", apiSecret: "bench-secret" });
await simulator.start();
const start = simulator.clock.now();
const shops: ShopRecord[] = [];
for (let s = 0; s < shopCount; s += 1) {
  const shop = simulator.store.createShop({ domain: `bench-${s}.myshopify.com`, name: `Bench ${s}`, ianaTimezone: "UTC" });
  seedShop(simulator.store, shop, start, { customers: perShop, months: 0 });
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
  shops.push(shop);
}

process.send!({
  kind: "ready",
  url: simulator.url,
  scopes: simulator.appConfig.scopes,
  shops: shops.map((shop) => ({
    domain: shop.domain,
    name: shop.name,
    token: [...shop.accessTokens.keys()][0]!,
    contracts: [...shop.contracts.values()].map((c) => ({ id: c.id, currencyCode: c.currencyCode, createdAt: c.createdAt.toISOString() })),
  })),
});

let nextMonthAt = 0;
process.on("message", async (message: { kind: string }) => {
  if (message.kind === "next month") {
    simulator.clock.advance(32 * 86_400_000);
    nextMonthAt = simulator.clock.now().getTime();
    for (const shop of shops) simulator.graphql.bucket(shop).drainTo(0);
    process.send!({ kind: "drained" });
  } else if (message.kind === "count") {
    const charged = shops.reduce((sum, shop) => sum + shop.billingAttempts.size, 0);
    const doubles = shops.flatMap((shop) => {
      const perContract = new Map<number, number>();
      for (const attempt of shop.billingAttempts.values())
        perContract.set(attempt.contractId, (perContract.get(attempt.contractId) ?? 0) + 1);
      return [...perContract.values()].filter((n) => n > 1);
    }).length;
    const throttled = [...simulator.graphql.throttled.values()].reduce((sum, n) => sum + n, 0);
    let lastChargeAt = nextMonthAt;
    for (const shop of shops)
      for (const attempt of shop.billingAttempts.values()) lastChargeAt = Math.max(lastChargeAt, attempt.createdAt.getTime());
    process.send!({ kind: "counted", charged, doubles, throttled, lastChargeMs: lastChargeAt - nextMonthAt });
  } else if (message.kind === "stop") {
    await simulator.stop();
    process.exit(0);
  }
});
