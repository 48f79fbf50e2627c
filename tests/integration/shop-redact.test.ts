import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { loader as dashboardLoader } from "../../app/routes/app._index";
import { completeCheckout } from "../../simulator/checkout";
import { adminFetchRequest, testContext } from "../support/context";
import { modelsWithShopColumn } from "../support/database";
import { shopRowCounts } from "../support/shop-rows";
import { settle, shopWithSubscription } from "../support/subscriptions";

describe("shop/redact", () => {
  it("removes every row Orchard holds for the shop, and nothing of another shop's", async () => {
    const { simulator } = testContext();
    const { shop, coffee, email } = await shopWithSubscription(1);
    const other = await shopWithSubscription(1);
    await completeCheckout(simulator, shop, {
      email,
      lines: [{ variantId: coffee.variants[0]!.id, quantity: 1, sellingPlanId: null, properties: {} }],
    });
    await settle();
    const models = modelsWithShopColumn();
    expect(models).toContain("retentionMonth");
    const before = await shopRowCounts(shop.domain);
    expect(before.subscriptionContract).toBe(1);
    expect(before.order).toBeGreaterThan(0);
    const othersBefore = await shopRowCounts(other.shop.domain);

    // Shopify sends shop/redact 48 hours after the uninstall.
    await simulator.webhooks.send(shop.domain, "app/uninstalled", { domain: shop.domain });
    await settle();
    await simulator.webhooks.send(shop.domain, "shop/redact", { shop_domain: shop.domain });
    await settle();

    const after = await shopRowCounts(shop.domain);
    expect(Object.entries(after).filter(([model, count]) => count > 0 && model !== "webhookDelivery")).toEqual([]);
    expect(await db().webhookDelivery.findMany({ where: { shop: shop.domain }, select: { topic: true } })).toEqual([
      { topic: "SHOP_REDACT" },
    ]);
    expect(await db().shop.count({ where: { domain: shop.domain } })).toBe(0);
    expect(await shopRowCounts(other.shop.domain)).toEqual(othersBefore);
  });

  it("deletes nothing when it arrives after the merchant installed Orchard again, however late or often", async () => {
    const { simulator } = testContext();
    const { shop } = await shopWithSubscription(1);
    await simulator.webhooks.send(shop.domain, "app/uninstalled", { domain: shop.domain });
    await settle();
    // The merchant comes back before Shopify's shop/redact (scheduled at the uninstall) is delivered.
    await dashboardLoader({ request: adminFetchRequest("/app", shop.domain), params: {}, context: {} });
    const before = await shopRowCounts(shop.domain);
    expect(before.session).toBe(1);
    for (let delivery = 0; delivery < 2; delivery += 1) {
      await simulator.webhooks.send(shop.domain, "shop/redact", { shop_domain: shop.domain });
      await settle();
    }
    const { webhookDelivery: _deliveries, ...after } = await shopRowCounts(shop.domain);
    const { webhookDelivery: _before, ...kept } = before;
    expect(after).toEqual(kept);
    expect(await db().shop.findUnique({ where: { domain: shop.domain }, select: { uninstalledAt: true } })).toEqual({
      uninstalledAt: null,
    });
  });
});
