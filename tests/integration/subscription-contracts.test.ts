import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { action as webhookAction } from "../../app/routes/webhooks.$";
import { loader as dashboardLoader } from "../../app/routes/app._index";
import { findContract } from "../../app/subscriptions/contracts.server";
import { processInbox } from "../../app/webhooks/inbox.server";
import { completeCheckout } from "../../simulator/checkout";
import { gid } from "../../simulator/ids";
import { seedShop } from "../../simulator/seed";
import { adminFetchRequest, createShop, testContext, webhookRequest } from "../support/context";

async function shopWithSubscription() {
  const { simulator } = testContext();
  const { shop } = createShop();
  // UTC: these tests add whole days to today's date, which a DST change in the shop's zone would bend
  // (time zones are covered by the billing schedule's own tests).
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
    lines: [{ variantId: coffee.variants[0]!.id, quantity: 2, sellingPlanId: sellingPlanIds[0]!, properties: {} }],
  });
  return { shop, contract: contracts[0]! };
}

async function contractWebhook(shop: string, contractId: number, topic = "subscription_contracts/create") {
  const request = webhookRequest({
    shop,
    topic,
    payload: { admin_graphql_api_id: gid("SubscriptionContract", contractId), id: contractId },
    webhookId: randomUUID(),
  });
  expect((await webhookAction({ request, params: {}, context: {} })).status).toBe(200);
  await processInbox();
}

describe("subscription contracts", () => {
  it("mirrors the contract a checkout created: lines, prices, policies, and the next billing date in the shop's time zone", async () => {
    const { shop, contract } = await shopWithSubscription();
    await contractWebhook(shop.domain, contract.id);

    const stored = await findContract(shop.domain, gid("SubscriptionContract", contract.id));
    expect(stored).toMatchObject({
      status: "ACTIVE",
      customerEmail: "subscriber@example.com",
      billingInterval: "WEEK",
      billingIntervalCount: 2,
      firstBillingAt: contract.createdAt,
      nextBillingAt: new Date(contract.createdAt.getTime() + 14 * 86_400_000),
    });
    expect(stored!.lines).toMatchObject([
      { quantity: 2, unitPriceMinor: contract.lines[0]!.currentPriceMinor, sellingPlanName: "Every 2 weeks" },
    ]);
  });

  it("never lets an older revision overwrite a newer one", async () => {
    const { shop, contract } = await shopWithSubscription();
    contract.revisionId = 3;
    contract.lines[0]!.quantity = 4;
    await contractWebhook(shop.domain, contract.id, "subscription_contracts/update");

    contract.revisionId = 2;
    contract.lines[0]!.quantity = 9;
    await contractWebhook(shop.domain, contract.id, "subscription_contracts/update");

    const stored = await findContract(shop.domain, gid("SubscriptionContract", contract.id));
    expect(stored).toMatchObject({ revisionId: "3" });
    expect(stored!.lines[0]!.quantity).toBe(4);
  });
});
