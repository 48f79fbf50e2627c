import { z } from "zod";
import { json, type Router } from "./http";
import { seedShop } from "./seed";
import type { Simulator } from "./server";

/**
 * The control API: what tests and the demo use to play the merchant, the shopper and time.
 * It exists only in the simulator; nothing in Orchard calls it.
 */
const createShopInput = z.object({
  domain: z.string(),
  name: z.string().default("Demo Store"),
  currencyCode: z.string().length(3).optional(),
  ianaTimezone: z.string().optional(),
  plan: z.enum(["standard", "advanced", "plus", "enterprise"]).optional(),
  seed: z
    .object({ customers: z.number().int().min(0).max(10_000).optional(), months: z.number().int().min(0).max(36).optional() })
    .optional(),
});

const webhookInput = z.object({
  topic: z.string(),
  payload: z.unknown(),
  webhookId: z.string().optional(),
  duplicate: z.boolean().optional(),
  delayMs: z.number().int().min(0).max(60_000).optional(),
});

export function controlRoutes(sim: Simulator, router: Router): void {
  const withShop = (domain: string | undefined) => sim.store.shop(domain ?? "");

  router.on("POST", "/_control/shops", (req) => {
    const input = createShopInput.safeParse(req.json());
    if (!input.success) return json(422, { errors: input.error.issues });
    const shop = sim.store.createShop(input.data);
    if (input.data.seed) seedShop(sim.store, shop, sim.clock.now(), input.data.seed);
    return json(201, { domain: shop.domain, products: shop.products.size, customers: shop.customers.size, orders: shop.orders.size });
  });

  router.on("GET", "/_control/shops/:shop", (req) => {
    const shop = withShop(req.params.shop);
    if (!shop) return json(404, { errors: "Not Found" });
    return json(200, {
      domain: shop.domain,
      installed: shop.installed,
      accessTokens: shop.accessTokens.size,
      products: shop.products.size,
      customers: shop.customers.size,
      orders: shop.orders.size,
      throttleStatus: sim.graphql.bucket(shop).status(),
    });
  });

  router.on("POST", "/_control/shops/:shop/webhooks", async (req) => {
    const shop = withShop(req.params.shop);
    const input = webhookInput.safeParse(req.json());
    if (!shop) return json(404, { errors: "Not Found" });
    if (!input.success) return json(422, { errors: input.error.issues });
    const { topic, payload, ...options } = input.data;
    return json(200, { deliveries: await sim.webhooks.send(shop.domain, topic, payload, options) });
  });

  router.on("POST", "/_control/shops/:shop/throttle", (req) => {
    const shop = withShop(req.params.shop);
    if (!shop) return json(404, { errors: "Not Found" });
    const points = z.object({ currentlyAvailable: z.number().min(0) }).safeParse(req.json());
    if (!points.success) return json(422, { errors: points.error.issues });
    sim.graphql.bucket(shop).drainTo(points.data.currentlyAvailable);
    return json(200, sim.graphql.bucket(shop).status());
  });

  router.on("POST", "/_control/shops/:shop/uninstall", async (req) => {
    const shop = withShop(req.params.shop);
    if (!shop) return json(404, { errors: "Not Found" });
    await sim.uninstall(shop);
    return json(200, { installed: false });
  });

  router.on("POST", "/_control/clock/advance", (req) => {
    const input = z
      .object({ days: z.number().min(0).max(3650).default(0), hours: z.number().min(0).default(0) })
      .safeParse(req.json() ?? {});
    if (!input.success) return json(422, { errors: input.error.issues });
    sim.clock.advance((input.data.days * 24 + input.data.hours) * 3_600_000);
    return json(200, { now: sim.clock.now().toISOString() });
  });

  router.on("GET", "/_control/clock", () => json(200, { now: sim.clock.now().toISOString() }));

  router.on("GET", "/_control/webhooks", () => json(200, { deliveries: sim.webhooks.deliveries }));
}
