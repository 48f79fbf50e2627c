import { loader as dashboardLoader } from "../../app/routes/app._index";
import { completeCheckout } from "../../simulator/checkout";
import { seedShop } from "../../simulator/seed";
import { adminFetchRequest, createShop, testContext } from "./context";

/**
 * A shop with Orchard installed and one customer who subscribed at checkout to a two-weekly plan
 * (10 % off). The shop is on UTC: these tests add whole days to today's date, which a DST change in
 * the shop's zone would bend (time zones are covered by the billing schedule's own tests).
 */
export async function shopWithSubscription(quantity = 1) {
  const { simulator } = testContext();
  const { shop } = createShop();
  shop.ianaTimezone = "UTC";
  seedShop(simulator.store, shop, new Date(), { customers: 2, months: 1 });
  await dashboardLoader({ request: adminFetchRequest("/app", shop.domain), params: {}, context: {} });
  const coffee = [...shop.products.values()][0]!;
  const response = await fetch(`${simulator.url}/_control/shops/${shop.domain}/selling-plan-groups`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      name: "Subscribe and save",
      productIds: [coffee.id],
      plans: [{ name: "Every 2 weeks", options: ["2 weeks"], interval: "WEEK", intervalCount: 2, percentageOff: 10 }],
    }),
  });
  const { sellingPlanIds } = (await response.json()) as { sellingPlanIds: number[] };
  const { contracts } = await completeCheckout(simulator, shop, {
    email: "subscriber@example.com",
    lines: [{ variantId: coffee.variants[0]!.id, quantity, sellingPlanId: sellingPlanIds[0]!, properties: {} }],
  });
  return { shop, contract: contracts[0]! };
}
