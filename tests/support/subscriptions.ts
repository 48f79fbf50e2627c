import { loader as dashboardLoader } from "../../app/routes/app._index";
import { runRound } from "../../app/worker/worker.server";
import { completeCheckout } from "../../simulator/checkout";
import { seedShop } from "../../simulator/seed";
import { backgroundAdmin } from "../../app/shopify/background.server";
import { emptyDraft } from "../../app/subscriptions/plan-form-data";
import { createPlan } from "../../app/subscriptions/plans.server";
import { gid } from "../../simulator/ids";
import type { ProductRecord, ShopRecord } from "../../simulator/store";
import { adminFetchRequest, createShop, testContext } from "./context";
import { createSellingPlanGroup } from "./selling-plans";

/**
 * A shop with Orchard installed and one customer who subscribed at checkout to a two-weekly plan
 * (10 % off; the group also offers every 4 weeks at 15 % off). The shop is on UTC: these tests add
 * whole days to today's date, which a DST change in the shop's zone would bend (time zones are
 * covered by the billing schedule's own tests).
 */
export async function shopWithSubscription(quantity = 1) {
  const { simulator } = testContext();
  const { shop } = createShop();
  shop.ianaTimezone = "UTC";
  // No order history: the orders a test makes are the only ones Orchard's history import finds.
  seedShop(simulator.store, shop, new Date(), { customers: 2, months: 0 });
  await dashboardLoader({ request: adminFetchRequest("/app", shop.domain), params: {}, context: {} });
  const coffee = [...shop.products.values()][0]!;
  const { sellingPlanIds } = await createSellingPlanGroup(simulator.url, shop.domain, {
    name: "Subscribe and save",
    productIds: [coffee.id],
    plans: [
      { name: "Every 2 weeks", options: ["2 weeks"], interval: "WEEK", intervalCount: 2, percentageOff: 10 },
      { name: "Every 4 weeks", options: ["4 weeks"], interval: "WEEK", intervalCount: 4, percentageOff: 15 },
    ],
  });
  // Each test's customer has a mailbox of their own.
  const email = `subscriber@${shop.domain.replace(".myshopify.com", "")}.example`;
  const { contracts } = await completeCheckout(simulator, shop, {
    email,
    lines: [{ variantId: coffee.variants[0]!.id, quantity, sellingPlanId: sellingPlanIds[0]!, properties: {} }],
  });
  return { shop, contract: contracts[0]!, coffee, sellingPlanIds, email };
}

/** A prepaid plan: delivered monthly, three deliveries paid at once, 10 % off. */
export const PREPAID_QUARTERLY = {
  name: "Monthly, 3 prepaid",
  options: ["3 months"],
  interval: "MONTH",
  intervalCount: 1,
  percentageOff: 10,
  deliveriesPerBilling: 3,
};

/**
 * A customer of the installed shop (shopWithSubscription's, or any) subscribes at checkout to one
 * plan of a group of its own on the shop's first product: a prepaid or intro plan, say.
 */
export async function subscribeToPlan(
  shop: ShopRecord,
  email: string,
  plan: Parameters<typeof createSellingPlanGroup>[2]["plans"][number],
) {
  const { simulator } = testContext();
  const product = [...shop.products.values()][0]!;
  const { sellingPlanIds } = await createSellingPlanGroup(simulator.url, shop.domain, {
    name: plan.name,
    productIds: [product.id],
    plans: [plan],
  });
  const { order, contracts } = await completeCheckout(simulator, shop, {
    email,
    lines: [{ variantId: product.variants[0]!.id, quantity: 1, sellingPlanId: sellingPlanIds[0]!, properties: {} }],
  });
  return { order, contract: contracts[0]!, unitPriceMinor: product.variants[0]!.priceMinor };
}

/**
 * What happens between two looks at the store: the webhooks Shopify sent arrive, and Orchard's
 * worker runs until it has nothing left to do (charges, their outcomes, emails).
 */
export async function settle(): Promise<void> {
  const { simulator } = testContext();
  for (let round = 0; round < 10; round += 1) {
    await simulator.webhooks.settle();
    const done = await runRound();
    await simulator.webhooks.settle();
    if (
      done.webhooks + done.scheduled + done.sent + done.reminders + done.emails + done.flowTriggers + done.klaviyoEvents + done.imported ===
      0
    )
      return;
  }
  throw new Error("the worker kept finding work after 10 rounds");
}

/** The form's default plan (every 2 weeks, 10 % off) made through Orchard for one product: the selling plan group Shopify now holds. */
export async function orchardDefaultPlan(shop: ShopRecord, product: ProductRecord) {
  const created = await createPlan(await backgroundAdmin(shop.domain), emptyDraft(), {
    productIds: [gid("Product", product.id)],
    variantIds: [],
  });
  if (!created.ok) throw new Error(`plan not created: ${JSON.stringify(created)}`);
  return shop.sellingPlanGroups.get(Number(created.id.split("/").pop()))!;
}
