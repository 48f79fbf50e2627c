import { z } from "zod";
import { json, type Router, type SimRequest } from "./http";
import { seedShop } from "./seed";
import { CheckoutError, completeCheckout } from "./checkout";
import { gid, parseGid } from "./ids";
import { cancelOrder, fulfilOrder, OrderActionError, refundLines } from "./orders";
import type { OrderRecord, ShopRecord } from "./store";
import { presentAppSubscription } from "./admin-api/app-subscriptions";
import { loadThemeExtensions } from "./storefront/theme-extensions";
import { addToTheme, publishTheme, removeFromTheme } from "./theme";
import { themeSource } from "./storefront/theme/theme-library";
import { ThemeNotFound } from "./storefront/theme/theme-source";
import type { SimulatorContext } from "./context";

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
  partnerDevelopment: z.boolean().optional(),
  // Most scenarios start after the merchant added Orchard's blocks to the theme; false plays a fresh install.
  orchardBlocksInTheme: z.boolean().optional(),
  // The published theme: a folder of the themes directory (dawn, horizon; docs/simulator.md).
  theme: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional(),
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

const interval = z.enum(["DAY", "WEEK", "MONTH", "YEAR"]);
const sellingPlanGroupInput = z.object({
  name: z.string().min(1),
  merchantCode: z.string().default(""),
  options: z.array(z.string()).default(["Delivery every"]),
  productIds: z.array(z.number().int()).default([]),
  plans: z
    .array(
      z.object({
        name: z.string().min(1),
        options: z.array(z.string()),
        interval,
        intervalCount: z.number().int().min(1),
        percentageOff: z.number().min(0).max(100).default(0),
        // Prepaid: each billing pays for this many deliveries.
        deliveriesPerBilling: z.number().int().min(1).default(1),
        // An introductory price for the first orders, then percentageOff for the rest.
        introductory: z.object({ orders: z.number().int().min(1), percentageOff: z.number().min(0).max(100) }).optional(),
        // The billing policy's commitment: at least / at most this many orders, the checkout's included.
        minCycles: z.number().int().min(1).nullable().default(null),
        maxCycles: z.number().int().min(1).nullable().default(null),
      }),
    )
    .min(1),
});

const checkoutInput = z.object({
  email: z.string(),
  lines: z
    .array(
      z.object({
        variantId: z.number().int(),
        quantity: z.number().int().min(1).default(1),
        sellingPlanId: z.number().int().nullable().default(null),
        properties: z.record(z.string(), z.string()).default({}),
      }),
    )
    .min(1),
});

const refundInput = z.object({
  lines: z.array(z.object({ lineId: z.number().int(), quantity: z.number().int().min(1) })).min(1),
});

export function controlRoutes(sim: SimulatorContext, router: Router): void {
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

  // The merchant approves the scopes the app now asks for (default: those of shopify.app.toml).
  router.on("POST", "/_control/shops/:shop/scopes", async (req) => {
    const shop = withShop(req.params.shop);
    const input = z.object({ scopes: z.string().optional() }).safeParse(req.json() ?? {});
    if (!shop) return json(404, { errors: "Not Found" });
    if (!input.success) return json(422, { errors: input.error.issues });
    await sim.grantScopes(shop, input.data.scopes ?? sim.appConfig.scopes);
    return json(200, { scopes: input.data.scopes ?? sim.appConfig.scopes });
  });

  // A selling plan group as Shopify would hold it, for scenarios that need one before Orchard has made it.
  router.on("POST", "/_control/shops/:shop/selling-plan-groups", (req) => {
    const shop = withShop(req.params.shop);
    const input = sellingPlanGroupInput.safeParse(req.json());
    if (!shop) return json(404, { errors: "Not Found" });
    if (!input.success) return json(422, { errors: input.error.issues });
    const group = {
      id: sim.store.newId(),
      appId: null,
      name: input.data.name,
      merchantCode: input.data.merchantCode,
      description: "",
      options: input.data.options,
      position: shop.sellingPlanGroups.size + 1,
      productIds: input.data.productIds,
      variantIds: [],
      createdAt: sim.clock.now(),
      sellingPlans: input.data.plans.map((plan, index) => ({
        id: sim.store.newId(),
        name: plan.name,
        description: "",
        options: plan.options,
        position: index + 1,
        billingPolicy: {
          interval: plan.interval,
          intervalCount: plan.intervalCount * plan.deliveriesPerBilling,
          minCycles: plan.minCycles,
          maxCycles: plan.maxCycles,
          anchors: [],
        },
        deliveryPolicy: { interval: plan.interval, intervalCount: plan.intervalCount, anchors: [] },
        pricingPolicies: [
          ...(plan.introductory
            ? [{ adjustmentType: "PERCENTAGE" as const, adjustmentValue: Math.round(plan.introductory.percentageOff * 100), afterCycle: 0 }]
            : []),
          ...(plan.percentageOff || plan.introductory
            ? [
                {
                  adjustmentType: "PERCENTAGE" as const,
                  adjustmentValue: Math.round(plan.percentageOff * 100),
                  afterCycle: plan.introductory?.orders ?? 0,
                },
              ]
            : []),
        ],
      })),
    };
    shop.sellingPlanGroups.set(group.id, group);
    return json(201, { id: gid("SellingPlanGroup", group.id), sellingPlanIds: group.sellingPlans.map((p) => p.id) });
  });

  // A shopper paying for a cart, without a browser.
  router.on("POST", "/_control/shops/:shop/checkout", async (req) => {
    const shop = withShop(req.params.shop);
    const input = checkoutInput.safeParse(req.json());
    if (!shop) return json(404, { errors: "Not Found" });
    if (!input.success) return json(422, { errors: input.error.issues });
    try {
      const { order, contracts } = await completeCheckout(sim, shop, {
        email: input.data.email,
        lines: input.data.lines,
      });
      return json(201, {
        orderId: gid("Order", order.id),
        name: `#${order.number}`,
        contractIds: contracts.map((c) => gid("SubscriptionContract", c.id)),
      });
    } catch (error) {
      if (error instanceof CheckoutError) return json(422, { errors: [{ message: error.message }] });
      throw error;
    }
  });

  // The merchant fulfils, cancels or refunds an order in Shopify's admin.
  const orderAction = (act: (shop: ShopRecord, order: OrderRecord, body: unknown) => Promise<unknown>) => async (req: SimRequest) => {
    const shop = withShop(req.params.shop);
    const order = shop?.orders.get(parseGid(req.params.order, "Order")?.id ?? Number(req.params.order));
    if (!shop || !order) return json(404, { errors: "Not Found" });
    try {
      return json(200, { result: (await act(shop, order, req.json())) ?? null });
    } catch (error) {
      if (error instanceof OrderActionError || error instanceof z.ZodError) return json(422, { errors: [{ message: error.message }] });
      throw error;
    }
  };
  router.on(
    "POST",
    "/_control/shops/:shop/orders/:order/fulfil",
    orderAction((shop, order) => fulfilOrder(sim, shop, order)),
  );
  router.on(
    "POST",
    "/_control/shops/:shop/orders/:order/cancel",
    orderAction((shop, order) => cancelOrder(sim, shop, order)),
  );
  router.on(
    "POST",
    "/_control/shops/:shop/orders/:order/refunds",
    orderAction((shop, order, body) => refundLines(sim, shop, order, refundInput.parse(body).lines)),
  );

  // The app's charges to the merchant, as Shopify's Partner Dashboard lists them.
  router.on("GET", "/_control/shops/:shop/app-subscriptions", (req) => {
    const shop = withShop(req.params.shop);
    if (!shop) return json(404, { errors: "Not Found" });
    return json(200, { appSubscriptions: shop.appSubscriptions.map(presentAppSubscription) });
  });

  // The merchant edits the theme: removes Orchard's blocks, or adds them, without a deep link.
  router.on("POST", "/_control/shops/:shop/theme", (req) => {
    const shop = withShop(req.params.shop);
    const input = z
      .object({
        add: z.array(z.string()).default([]),
        remove: z.array(z.string()).default([]),
        // The merchant publishes another theme (a folder of the themes directory) and places Orchard's blocks in it as before.
        publish: z
          .string()
          .regex(/^[a-z0-9-]+$/)
          .optional(),
      })
      .safeParse(req.json());
    if (!shop) return json(404, { errors: "Not Found" });
    if (!input.success) return json(422, { errors: input.error.issues });
    const blocks = loadThemeExtensions(sim.options.themeExtensionsDir).flatMap((extension) => extension.blocks);
    const named = (handle: string) => blocks.find((block) => block.handle === handle);
    const unknown = [...input.data.add, ...input.data.remove].filter((handle) => !named(handle));
    if (unknown.length) return json(422, { errors: [{ message: `no app block ${unknown.join(", ")}` }] });
    if (input.data.publish) {
      try {
        themeSource(input.data.publish, sim.store.themesDir);
      } catch (error) {
        if (error instanceof ThemeNotFound) return json(422, { errors: [{ message: error.message }] });
        throw error;
      }
      publishTheme(shop.theme, input.data.publish);
    }
    for (const handle of input.data.add) addToTheme(shop.theme, sim.store.appHandle, named(handle)!);
    for (const handle of input.data.remove) removeFromTheme(shop.theme, named(handle)!);
    return json(200, { theme: shop.theme.folder, productBlocks: shop.theme.productBlocks, embeds: shop.theme.embeds });
  });

  // The next billing attempts of this shop fail with these Shopify error codes, one each;
  // AUTHENTICATION_REQUIRED: the bank asks the customer to authenticate (the attempt is challenged).
  router.on("POST", "/_control/shops/:shop/failing-payments", (req) => {
    const shop = withShop(req.params.shop);
    const input = z
      .object({
        errorCodes: z
          .array(
            z.enum([
              "PAYMENT_METHOD_DECLINED",
              "INSUFFICIENT_FUNDS",
              "EXPIRED_PAYMENT_METHOD",
              "INSUFFICIENT_INVENTORY",
              "AUTHENTICATION_REQUIRED",
            ]),
          )
          .min(1),
      })
      .safeParse(req.json());
    if (!shop) return json(404, { errors: "Not Found" });
    if (!input.success) return json(422, { errors: input.error.issues });
    shop.failingPayments.push(...input.data.errorCodes);
    return json(200, { failingPayments: shop.failingPayments });
  });

  // Shopify holds a contract for review (or releases it): its billing attempts are refused meanwhile.
  router.on("POST", "/_control/shops/:shop/contracts/:id/review", (req) => {
    const contract = withShop(req.params.shop)?.contracts.get(Number(req.params.id));
    const input = z.object({ underReview: z.boolean() }).safeParse(req.json());
    if (!contract) return json(404, { errors: "Not Found" });
    if (!input.success) return json(422, { errors: input.error.issues });
    contract.underReview = input.data.underReview;
    return json(200, { underReview: contract.underReview });
  });

  router.on("POST", "/_control/clock/advance", (req) => {
    const input = z
      .object({ days: z.number().min(0).max(3650).default(0), hours: z.number().min(0).default(0) })
      .safeParse(req.json() ?? {});
    if (!input.success) return json(422, { errors: input.error.issues });
    sim.clock.advance((input.data.days * 24 + input.data.hours) * 3_600_000);
    return json(200, { now: sim.clock.now().toISOString() });
  });

  router.on("GET", "/_control/clock", () => {
    sim.clockReads += 1;
    return json(200, { now: sim.clock.now().toISOString() });
  });

  router.on("GET", "/_control/webhooks", () => json(200, { deliveries: sim.webhooks.deliveries }));

  // From now on every webhook arrives twice and late by a random delay (null turns it off).
  router.on("POST", "/_control/webhooks/chaos", (req) => {
    const input = z
      .object({ duplicate: z.boolean(), maxDelayMs: z.number().int().min(0).max(60_000) })
      .nullable()
      .safeParse(req.json() ?? null);
    if (!input.success) return json(422, { errors: input.error.issues });
    sim.webhooks.chaos = input.data;
    return json(200, { chaos: sim.webhooks.chaos });
  });
}
