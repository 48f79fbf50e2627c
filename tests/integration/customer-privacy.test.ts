import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { loader as dataRequestLoader } from "../../app/routes/app.settings.data-requests.$id";
import { loader as settingsLoader } from "../../app/routes/app.settings";
import { processInbox } from "../../app/webhooks/inbox.server";
import { completeCheckout } from "../../simulator/checkout";
import { adminFetchRequest, testContext } from "../support/context";
import { shopRows } from "../support/shop-rows";
import { settle, shopWithSubscription } from "../support/subscriptions";

async function subscriberWithOrders() {
  const { simulator } = testContext();
  const subscribed = await shopWithSubscription(1);
  const { shop, coffee, email } = subscribed;
  await completeCheckout(simulator, shop, {
    email,
    lines: [{ variantId: coffee.variants[0]!.id, quantity: 1, sellingPlanId: null, properties: {} }],
  });
  await settle();
  const customer = [...shop.customers.values()].find((c) => c.email === email)!;
  return { ...subscribed, customer, customerGid: `gid://shopify/Customer/${customer.id}` };
}

describe("customers/data_request", () => {
  it("keeps a report of everything Orchard holds about the customer for the merchant to download, once per request", async () => {
    const { simulator } = testContext();
    const { shop, email, customer } = await subscriberWithOrders();
    const request = { shop_id: shop.id, shop_domain: shop.domain, customer: { id: customer.id, email }, data_request: { id: 9001 } };
    await simulator.webhooks.send(shop.domain, "customers/data_request", request, { duplicate: true });
    await settle();

    const { dataRequests } = await settingsLoader({ request: adminFetchRequest("/app/settings", shop.domain), params: {}, context: {} });
    expect(dataRequests).toEqual([expect.objectContaining({ customerId: `gid://shopify/Customer/${customer.id}`, email })]);
    const response = await dataRequestLoader({
      request: adminFetchRequest(`/app/settings/data-requests/${dataRequests[0]!.id}`, shop.domain),
      params: { id: dataRequests[0]!.id },
      context: {},
    });
    expect(response.headers.get("content-disposition")).toContain("orchard-customer-data-9001.json");
    const report = (await response.json()) as {
      subscriptions: { customerEmail: string }[];
      orders: unknown[];
      emails: { recipient: string }[];
    };
    expect(report.subscriptions.map((s) => s.customerEmail)).toEqual([email]);
    expect(report.orders.length).toBe(2);
    expect(report.emails.length).toBeGreaterThan(0);

    // Another shop's merchant cannot read it.
    const other = await shopWithSubscription(1);
    const refused = await dataRequestLoader({
      request: adminFetchRequest(`/app/settings/data-requests/${dataRequests[0]!.id}`, other.shop.domain),
      params: { id: dataRequests[0]!.id },
      context: {},
    }).catch((error: unknown) => error as Response);
    expect((refused as Response).status).toBe(404);
  });
});

describe("customers/redact", () => {
  it("leaves nothing that leads to the customer in any table, and the dashboard's figures as they were", async () => {
    const { simulator } = testContext();
    const { shop, email, customer, customerGid } = await subscriberWithOrders();
    await simulator.webhooks.send(shop.domain, "customers/data_request", {
      shop_domain: shop.domain,
      customer: { id: customer.id, email },
      data_request: { id: 77 },
    });
    await settle();
    // A member of a tier, whose discount and tag are also on another customer.
    const someoneElse = "gid://shopify/Customer/1";
    await db().membership.create({
      data: {
        shop: shop.domain,
        name: "Club",
        members: { create: { shop: shop.domain, customerId: customerGid, paidTierPosition: 1 } },
        tiers: {
          create: {
            shop: shop.domain,
            position: 1,
            name: "Basic",
            priceMinor: 1_000,
            currencyCode: "USD",
            interval: "MONTH",
            discountBasisPoints: 500,
            discountCustomers: JSON.stringify([customerGid, someoneElse]),
            taggedCustomers: JSON.stringify([someoneElse, customerGid]),
          },
        },
      },
    });
    // A row of an import from another app, refused for its format: only its email names the customer.
    await db().subscriptionImport.create({
      data: {
        shop: shop.domain,
        fileName: "recharge.csv",
        status: "checked",
        rows: { create: { shop: shop.domain, line: 2, key: "line:2", status: "refused", reasons: '[{"reason":"priceInvalid"}]', email } },
      },
    });
    const figures = () => db().retentionMonth.findMany({ where: { shop: shop.domain }, orderBy: { month: "asc" } });
    const figuresBefore = await figures();
    const before = await shopRows(shop.domain);
    expect(before.subscriptionImportRow).toContain(email);
    expect(before.subscriptionContract).toContain(email);
    expect(before.mrrChange).toContain(customerGid);

    await simulator.webhooks.send(shop.domain, "customers/redact", {
      shop_id: shop.id,
      shop_domain: shop.domain,
      customer: { id: customer.id, email, phone: null },
      orders_to_redact: [...shop.orders.keys()],
    });
    await settle();

    const after = await shopRows(shop.domain);
    // The redact delivery itself is the one row left that names them (the inbox works on it).
    const deliveries = JSON.parse(after.webhookDelivery!) as { topic: string; payload: string }[];
    after.webhookDelivery = JSON.stringify(deliveries.filter((d) => d.topic !== "CUSTOMERS_REDACT"));
    for (const [model, rows] of Object.entries(after)) {
      expect(rows, model).not.toContain(email);
      expect(rows, model).not.toContain(customerGid);
      expect(rows, model).not.toContain(`"id":${customer.id},`);
    }
    expect(await figures()).toEqual(figuresBefore);
    expect(await db().subscriptionContract.count({ where: { shop: shop.domain } })).toBe(1);
    expect(await db().membershipTier.findFirst({ where: { shop: shop.domain } })).toMatchObject({
      discountCustomers: JSON.stringify([someoneElse]),
      taggedCustomers: JSON.stringify([someoneElse]),
    });
    expect(await db().membershipMember.count({ where: { shop: shop.domain } })).toBe(0);
  });

  it("empties only the payloads about the customer: not another customer's whose id or address contains theirs", async () => {
    const { simulator } = testContext();
    const { shop, email, customer, customerGid } = await subscriberWithOrders();
    const worked = (webhookId: string, payload: unknown) =>
      db().webhookDelivery.create({
        data: {
          shop: shop.domain,
          webhookId,
          topic: "ORDERS_PAID",
          apiVersion: "2026-10",
          status: "processed",
          payload: JSON.stringify(payload),
        },
      });
    const theirs = await worked("theirs", { customer: { id: customer.id, email: email.toUpperCase() } });
    const lookalike = await worked("lookalike", {
      customer: { id: Number(`${customer.id}0`), admin_graphql_api_id: `${customerGid}0`, email: `x${email}` },
    });
    await simulator.webhooks.send(shop.domain, "customers/redact", {
      shop_id: shop.id,
      shop_domain: shop.domain,
      customer: { id: customer.id, email, phone: null },
      orders_to_redact: [],
    });
    await settle();
    const payloadOf = async (id: string) => (await db().webhookDelivery.findUniqueOrThrow({ where: { id } })).payload;
    expect(await payloadOf(theirs.id)).toBe("{}");
    expect(JSON.parse(await payloadOf(lookalike.id))).toEqual({
      customer: { id: Number(`${customer.id}0`), admin_graphql_api_id: `${customerGid}0`, email: `x${email}` },
    });
  });

  it("waits for the shop's earlier deliveries, so none of them writes the customer's data back after the erasure", async () => {
    const { simulator } = testContext();
    const { shop, coffee, email, customerGid } = await subscriberWithOrders();
    // Another order of the customer's arrives, and another worker is busy with it when the redact comes.
    await completeCheckout(simulator, shop, {
      email,
      lines: [{ variantId: coffee.variants[0]!.id, quantity: 2, sellingPlanId: null, properties: {} }],
    });
    await simulator.webhooks.settle();
    const busy = await db().webhookDelivery.updateMany({
      where: { shop: shop.domain, status: "pending" },
      data: { status: "processing", claimedAt: new Date() },
    });
    expect(busy.count).toBeGreaterThan(0);
    const customer = [...shop.customers.values()].find((c) => c.email === email)!;
    await simulator.webhooks.send(shop.domain, "customers/redact", { shop_domain: shop.domain, customer: { id: customer.id, email } });
    await processInbox();
    const redact = () => db().webhookDelivery.findFirstOrThrow({ where: { shop: shop.domain, topic: "CUSTOMERS_REDACT" } });
    expect(await redact()).toMatchObject({ status: "pending", attempts: 0 });

    // The other worker died: its deliveries come back after the lease, before the redact.
    await db().webhookDelivery.updateMany({ where: { shop: shop.domain, status: "processing" }, data: { status: "pending" } });
    await settle();
    expect(await redact()).toMatchObject({ status: "processed" });
    for (const [model, rows] of Object.entries(await shopRows(shop.domain))) {
      if (model !== "webhookDelivery") expect(rows, model).not.toContain(customerGid);
    }
  });
});
