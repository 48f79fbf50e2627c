import { describe, expect, it } from "vitest";
import { createShop, testContext } from "../support/context";
import { seedShop } from "../../simulator/seed";

/** The simulator answers as Shopify does, including when Shopify would say no. */
async function post(shop: string, body: unknown, token?: string) {
  const { simulator } = testContext();
  const response = await fetch(`${simulator.url}/admin/api/2026-10/graphql.json`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-simulator-shop": shop, ...(token ? { "x-shopify-access-token": token } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function installedShop(scope = "read_products,write_products,write_purchase_options,read_locations", months = 1) {
  const { shop } = createShop();
  seedShop(testContext().simulator.store, shop, new Date(), { customers: 3, months });
  shop.accessTokens.set("shpat_test", { scope, online: false, userId: null });
  return shop;
}

describe("store simulator: Admin GraphQL", () => {
  it("refuses a request without a valid access token", async () => {
    const shop = installedShop();
    const { status, body } = await post(shop.domain, { query: "query { shop { name } }" }, "shpat_forged");
    expect(status).toBe(401);
    expect(body.errors).toMatch(/Invalid API key or access token/);
  });

  it("answers a misspelled field with Shopify's undefinedField error", async () => {
    const shop = installedShop();
    const { status, body } = await post(shop.domain, { query: "query ShopName { shop { nmae } }" }, "shpat_test");
    expect(status).toBe(200);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      {
        message: "Field 'nmae' doesn't exist on type 'Shop'",
        locations: [{ line: 1, column: 25 }],
        path: ["query ShopName", "shop", "nmae"],
        extensions: { code: "undefinedField", typeName: "Shop", fieldName: "nmae" },
      },
    ]);
  });

  it("reports the cost of every query with the bucket's state", async () => {
    const shop = installedShop();
    const { body } = await post(shop.domain, { query: "query { products(first: 5) { nodes { title } } }" }, "shpat_test");
    expect((body.data as { products: { nodes: unknown[] } }).products.nodes).toHaveLength(5);
    expect(body.extensions).toMatchObject({
      cost: { requestedQueryCost: 7, actualQueryCost: 7, throttleStatus: { maximumAvailable: 2000, restoreRate: 100 } },
    });
  });

  it("throttles like Shopify when the bucket is empty: HTTP 200, THROTTLED, no data", async () => {
    const shop = installedShop();
    testContext().simulator.graphql.bucket(shop).drainTo(0);
    const { status, body } = await post(shop.domain, { query: "query { products(first: 50) { nodes { title } } }" }, "shpat_test");
    expect(status).toBe(200);
    expect(body.data).toBeUndefined();
    expect(body.errors).toMatchObject([{ message: "Throttled", extensions: { code: "THROTTLED" } }]);
    expect(body.extensions).toMatchObject({ cost: { requestedQueryCost: 52, actualQueryCost: null } });
  });

  it("refuses a query costing more than 1,000 points outright", async () => {
    const shop = installedShop();
    const { body } = await post(
      shop.domain,
      { query: "query { products(first: 250) { nodes { variants(first: 250) { nodes { id } } } } }" },
      "shpat_test",
    );
    expect(body.errors).toMatchObject([{ extensions: { code: "MAX_COST_EXCEEDED", maxCost: 1000 } }]);
  });

  it("fails loudly on an operation it does not implement", async () => {
    const shop = installedShop();
    const { body } = await post(shop.domain, { query: "query { locations(first: 1) { nodes { id } } }" }, "shpat_test");
    expect(body.errors).toMatchObject([{ extensions: { code: "SIMULATOR_NOT_IMPLEMENTED" } }]);
  });

  it("fails loudly on a field of Shopify's schema it does not present, rather than answering null", async () => {
    const shop = installedShop();
    const { body } = await post(shop.domain, { query: "query { shop { name weightUnit } }" }, "shpat_test");
    expect(body.errors).toMatchObject([{ message: expect.stringContaining("SIMULATOR_NOT_IMPLEMENTED: Shop.weightUnit") }]);
    // What it does present is answered as before, null where the presenter says null.
    expect((await post(shop.domain, { query: "query { shop { name } }" }, "shpat_test")).body).toMatchObject({
      data: { shop: { name: shop.name } },
    });
  });

  it("answers a syntax error as a parse error", async () => {
    const shop = installedShop();
    const { body } = await post(shop.domain, { query: "query { shop { name }" }, "shpat_test");
    expect((body.errors as { message: string }[])[0]!.message).toMatch(/^Parse error on/);
  });
});

describe("store simulator: access scopes, as Shopify's published schema states them", () => {
  it("refuses a field whose type needs a scope the token lacks, naming what Shopify requires", async () => {
    const shop = installedShop("read_products");
    const { body } = await post(shop.domain, { query: "query { orders(first: 1) { nodes { id } } }" }, "shpat_test");
    expect(body.errors).toMatchObject([
      {
        message: expect.stringContaining("Access denied for"),
        extensions: { code: "ACCESS_DENIED", requiredAccess: expect.stringContaining("`read_orders` access scope") },
      },
    ]);
    // Shopify's write scopes carry their read scopes.
    const { body: withWrite } = await post(shop.domain, { query: "query { products(first: 1) { nodes { id } } }" }, "shpat_test");
    expect(withWrite.errors).toBeUndefined();
    shop.accessTokens.set("shpat_test", { scope: "write_products", online: false, userId: null });
    expect((await post(shop.domain, { query: "query { products(first: 1) { nodes { id } } }" }, "shpat_test")).body.errors).toBeUndefined();
  });

  it("refuses a mutation without every scope group it requires", async () => {
    const shop = installedShop("write_products");
    const { body } = await post(
      shop.domain,
      { query: 'mutation { sellingPlanGroupCreate(input: { name: "x" }) { userErrors { message } } }' },
      "shpat_test",
    );
    expect(body.errors).toMatchObject([
      { extensions: { code: "ACCESS_DENIED", requiredAccess: expect.stringContaining("write_purchase_options") } },
    ]);
  });

  it("shows only the last 60 days of orders to a token without read_all_orders, in lists, counts, reads and bulk queries", async () => {
    const shop = installedShop("read_orders", 4);
    const now = testContext().simulator.clock.now().getTime();
    const orders = [...shop.orders.values()];
    const recent = orders.filter((o) => o.createdAt.getTime() >= now - 60 * 86_400_000);
    const old = orders.find((o) => o.createdAt.getTime() < now - 61 * 86_400_000)!;
    expect(old).toBeDefined();
    const read = async () => {
      const { body } = await post(
        shop.domain,
        {
          query: `query { orders(first: 250) { nodes { id } } ordersCount { count } order(id: "gid://shopify/Order/${old.id}") { id } }`,
        },
        "shpat_test",
      );
      const data = body.data as { orders: { nodes: unknown[] }; ordersCount: { count: number }; order: unknown };
      return [data.orders.nodes.length, data.ordersCount.count, data.order !== null];
    };
    expect(await read()).toEqual([recent.length, recent.length, false]);
    shop.accessTokens.set("shpat_test", { scope: "read_orders,read_all_orders", online: false, userId: null });
    expect(await read()).toEqual([orders.length, orders.length, true]);
  });
});

describe("store simulator: selling plan groups", () => {
  const create = `mutation Create($input: SellingPlanGroupInput!) {
    sellingPlanGroupCreate(input: $input) { sellingPlanGroup { id } userErrors { field message code } }
  }`;
  const plan = (billing: number, delivery: number) => ({
    name: "Every month",
    options: ["1 month"],
    billingPolicy: { recurring: { interval: "MONTH", intervalCount: billing } },
    deliveryPolicy: { recurring: { interval: "MONTH", intervalCount: delivery } },
    pricingPolicies: [{ fixed: { adjustmentType: "PERCENTAGE", adjustmentValue: { percentage: 10 } } }],
  });

  it("creates a valid group", async () => {
    const shop = installedShop();
    const { body } = await post(
      shop.domain,
      { query: create, variables: { input: { name: "Club", options: ["Every"], sellingPlansToCreate: [plan(3, 1)] } } },
      "shpat_test",
    );
    expect(body.data).toMatchObject({
      sellingPlanGroupCreate: { sellingPlanGroup: { id: expect.stringMatching(/SellingPlanGroup/) }, userErrors: [] },
    });
    expect(shop.sellingPlanGroups.size).toBe(1);
  });

  it("answers rule violations with Shopify's codes and fields, and creates nothing", async () => {
    const shop = installedShop();
    const { body } = await post(
      shop.domain,
      {
        query: create,
        variables: {
          input: {
            name: "",
            options: ["Every"],
            sellingPlansToCreate: [
              plan(2, 3),
              { ...plan(1, 1), pricingPolicies: [{ fixed: { adjustmentType: "PERCENTAGE", adjustmentValue: { fixedValue: "1.00" } } }] },
            ],
          },
        },
      },
      "shpat_test",
    );
    const { userErrors, sellingPlanGroup } = (
      body.data as { sellingPlanGroupCreate: { userErrors: { field: string[]; code: string }[]; sellingPlanGroup: null } }
    ).sellingPlanGroupCreate;
    expect(sellingPlanGroup).toBeNull();
    expect(userErrors.map((e) => [e.field.join("."), e.code])).toEqual([
      ["input.name", "BLANK"],
      ["input.sellingPlansToCreate.0.billingPolicy", "SELLING_PLAN_BILLING_CYCLE_MUST_BE_A_MULTIPLE_OF_DELIVERY_CYCLE"],
      ["input.sellingPlansToCreate.1.pricingPolicies.0", "PRICING_POLICY_ADJUSTMENT_VALUE_AND_TYPE_MUST_MATCH"],
    ]);
    expect(shop.sellingPlanGroups.size).toBe(0);
  });

  it("requires billing and delivery anchors to match, and refuses anchors on daily plans", async () => {
    const shop = installedShop();
    const anchored = (billing: unknown[], delivery: unknown[], interval = "MONTH") => ({
      ...plan(1, 1),
      billingPolicy: { recurring: { interval, intervalCount: 1, anchors: billing } },
      deliveryPolicy: { recurring: { interval, intervalCount: 1, anchors: delivery } },
    });
    const { body } = await post(
      shop.domain,
      {
        query: create,
        variables: {
          input: {
            name: "Anchored",
            options: ["Every"],
            sellingPlansToCreate: [
              { ...anchored([{ type: "MONTHDAY", day: 1 }], [{ type: "MONTHDAY", day: 2 }]), options: ["a"] },
              { ...anchored([{ type: "MONTHDAY", day: 1 }], [{ type: "MONTHDAY", day: 1 }], "DAY"), options: ["b"] },
            ],
          },
        },
      },
      "shpat_test",
    );
    const codes = (body.data as { sellingPlanGroupCreate: { userErrors: { code: string }[] } }).sellingPlanGroupCreate.userErrors.map(
      (e) => e.code,
    );
    expect(codes).toEqual([
      "SELLING_PLAN_BILLING_AND_DELIVERY_POLICY_ANCHORS_MUST_BE_EQUAL",
      "SELLING_PLAN_ANCHORS_NOT_ALLOWED",
      "SELLING_PLAN_ANCHORS_NOT_ALLOWED",
    ]);
  });
});

describe("store simulator: code discounts", () => {
  const CREATE = `mutation Create($discount: DiscountCodeBasicInput!) {
    discountCodeBasicCreate(basicCodeDiscount: $discount) { codeDiscountNode { id } userErrors { field message code } }
  }`;
  const discount = (patch: Record<string, unknown> = {}) => ({
    title: "Friends",
    code: "FRIEND-TEST",
    startsAt: new Date(Date.now() - 60_000).toISOString(),
    context: { all: "ALL" },
    appliesOncePerCustomer: true,
    recurringCycleLimit: 1,
    customerGets: { value: { percentage: 0.25 }, items: { all: true }, appliesOnSubscription: true, appliesOnOneTimePurchase: false },
    ...patch,
  });

  it("creates a code once, refuses a taken code or a percentage above 1.0, and finds a code by name", async () => {
    const shop = installedShop("write_discounts");
    const created = await post(shop.domain, { query: CREATE, variables: { discount: discount() } }, "shpat_test");
    expect(created.body.data).toMatchObject({
      discountCodeBasicCreate: {
        codeDiscountNode: { id: expect.stringMatching(/^gid:\/\/shopify\/DiscountCodeNode\/\d+$/) },
        userErrors: [],
      },
    });
    const again = await post(shop.domain, { query: CREATE, variables: { discount: discount({ code: "friend-test" }) } }, "shpat_test");
    expect(again.body.data).toMatchObject({
      discountCodeBasicCreate: { codeDiscountNode: null, userErrors: [{ field: ["basicCodeDiscount", "code"], code: "TAKEN" }] },
    });
    const tooMuch = await post(
      shop.domain,
      {
        query: CREATE,
        variables: { discount: discount({ code: "OTHER", customerGets: { ...discount().customerGets, value: { percentage: 1.5 } } }) },
      },
      "shpat_test",
    );
    expect(tooMuch.body.data).toMatchObject({ discountCodeBasicCreate: { userErrors: [{ code: "VALUE_OUTSIDE_RANGE" }] } });
    const found = await post(shop.domain, { query: `query { codeDiscountNodeByCode(code: "FRIEND-TEST") { id } }` }, "shpat_test");
    expect(found.body.data).toEqual({
      codeDiscountNodeByCode: {
        id: (created.body.data as { discountCodeBasicCreate: { codeDiscountNode: { id: string } } }).discountCodeBasicCreate
          .codeDiscountNode.id,
      },
    });
    // Without the scope, Shopify refuses the mutation.
    const readOnly = installedShop("read_products");
    expect((await post(readOnly.domain, { query: CREATE, variables: { discount: discount() } }, "shpat_test")).body.errors).toBeDefined();
  });

  it("prices a code at checkout on the lines it qualifies for, once per customer, from a shareable link", async () => {
    const { simulator } = testContext();
    const shop = installedShop("write_discounts");
    await post(
      shop.domain,
      {
        query: CREATE,
        variables: { discount: discount({ customerGets: { ...discount().customerGets, appliesOnOneTimePurchase: true } }) },
      },
      "shpat_test",
    );
    const { completeCheckout } = await import("../../simulator/checkout");
    const product = [...shop.products.values()][0]!;
    const buy = (email: string) =>
      completeCheckout(simulator, shop, {
        email,
        discountCodes: ["friend-test"],
        lines: [{ variantId: product.variants[0]!.id, quantity: 2, sellingPlanId: null, properties: {} }],
      });
    const { order } = await buy("first@example.com");
    // 25 % of two units, rounded half up per line.
    expect(order.lines[0]!.discountMinor).toBe(Math.floor((product.variants[0]!.priceMinor * 2 * 2_500 + 5_000) / 10_000));
    const { orderPayload } = await import("../../simulator/webhook-payloads");
    expect(orderPayload(shop, order).discount_codes[0]!.amount).not.toBe("0.00");
    expect((await buy("first@example.com")).order.lines[0]!.discountMinor).toBeUndefined();

    const store = shop.domain.replace(".myshopify.com", "");
    const link = await fetch(`${simulator.url}/storefront/${store}/discount/FRIEND-TEST?redirect=/cart`, { redirect: "manual" });
    expect(link.status).toBe(302);
    expect(link.headers.get("location")).toBe(`/storefront/${store}/cart`);
    expect(link.headers.get("set-cookie")).toMatch(/^discount_code=FRIEND-TEST; Path=\/storefront\//);
    // A redirect off the store goes home instead.
    const away = await fetch(`${simulator.url}/storefront/${store}/discount/FRIEND-TEST?redirect=//evil.example`, { redirect: "manual" });
    expect(away.headers.get("location")).toBe(`/storefront/${store}/`);
  });
});

describe("store simulator: automatic discounts for listed customers", () => {
  it("applies a discount only to the customers on its list, as the list changes", async () => {
    const { simulator } = testContext();
    const shop = installedShop("write_discounts");
    const [member, other] = [...shop.customers.values()];
    const CREATE = `mutation Create($discount: DiscountAutomaticBasicInput!) {
      discountAutomaticBasicCreate(automaticBasicDiscount: $discount) { automaticDiscountNode { id } userErrors { field code } }
    }`;
    const UPDATE = `mutation Update($id: ID!, $discount: DiscountAutomaticBasicInput!) {
      discountAutomaticBasicUpdate(id: $id, automaticBasicDiscount: $discount) { automaticDiscountNode { id } userErrors { field code } }
    }`;
    const created = await post(
      shop.domain,
      {
        query: CREATE,
        variables: {
          discount: {
            title: "Members: 10 % off",
            startsAt: new Date(Date.now() - 60_000).toISOString(),
            context: { customers: { add: [`gid://shopify/Customer/${member!.id}`] } },
            customerGets: {
              value: { percentage: 0.1 },
              items: { all: true },
              appliesOnOneTimePurchase: true,
              appliesOnSubscription: false,
            },
          },
        },
      },
      "shpat_test",
    );
    const id = (created.body.data as { discountAutomaticBasicCreate: { automaticDiscountNode: { id: string } } })
      .discountAutomaticBasicCreate.automaticDiscountNode.id;
    const { completeCheckout } = await import("../../simulator/checkout");
    const product = [...shop.products.values()][0]!;
    const buy = async (email: string) =>
      (
        await completeCheckout(simulator, shop, {
          email,
          lines: [{ variantId: product.variants[0]!.id, quantity: 1, sellingPlanId: null, properties: {} }],
        })
      ).order.lines[0]!.discountMinor ?? 0;
    const tenth = Math.floor((product.variants[0]!.priceMinor * 1_000 + 5_000) / 10_000);
    expect([await buy(member!.email), await buy(other!.email)]).toEqual([tenth, 0]);
    await post(
      shop.domain,
      {
        query: UPDATE,
        variables: {
          id,
          discount: {
            context: { customers: { add: [`gid://shopify/Customer/${other!.id}`], remove: [`gid://shopify/Customer/${member!.id}`] } },
          },
        },
      },
      "shpat_test",
    );
    expect([await buy(member!.email), await buy(other!.email)]).toEqual([0, tenth]);
    const unknown = await post(
      shop.domain,
      { query: UPDATE, variables: { id, discount: { context: { customers: { add: ["gid://shopify/Customer/999999"] } } } } },
      "shpat_test",
    );
    expect(unknown.body.data).toMatchObject({ discountAutomaticBasicUpdate: { userErrors: [{ code: "INVALID" }] } });
  });
});
