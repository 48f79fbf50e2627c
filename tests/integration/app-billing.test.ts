import { describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { FREE_SUBSCRIBER_LIMIT, GROWTH_PLAN } from "../../app/app-billing/orchard-plans";
import { loader as planLoader, action as planAction } from "../../app/routes/app.plan";
import { action as merchantAction } from "../../app/routes/app.subscriptions.$id";
import { action as portalAction } from "../../app/routes/proxy.subscriptions.$id";
import { loader as portalList } from "../../app/routes/proxy.subscriptions._index";
import { action as customerApiAction } from "../../app/routes/api.customer.subscriptions.$id";
import { loader as checkoutSubscriptions } from "../../app/routes/api.checkout.subscriptions";
import { findContract } from "../../app/subscriptions/contracts.server";
import { completeCheckout } from "../../simulator/checkout";
import { gid } from "../../simulator/ids";
import { issueCustomerAccountToken } from "../../simulator/session-token";
import { acceptGrowthPlan, answerCharge, requestGrowth } from "../support/app-plan";
import { adminFetchRequest, proxiedRequest, TEST_API_KEY, TEST_API_SECRET, testContext } from "../support/context";
import { shopRowCounts } from "../support/shop-rows";
import { settle, shopWithSubscription } from "../support/subscriptions";

/** The Admin API as Orchard's token sees it. */
async function adminApi<T = CreateAnswer>(shop: string, query: string, variables: Record<string, unknown> = {}) {
  const { simulator } = testContext();
  const record = simulator.store.requireShop(shop);
  const [token] = [...record.accessTokens.keys()];
  const response = await fetch(`${simulator.url}/admin/api/2026-10/graphql.json`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-shopify-access-token": token!, "x-simulator-shop": shop },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T; errors?: { message: string }[] };
}

interface CreateAnswer {
  appSubscriptionCreate: {
    appSubscription: { id: string; status: string } | null;
    confirmationUrl: string | null;
    userErrors: { field: string[] | null; message: string }[];
  };
}

const CREATE = `mutation Create($name: String!, $returnUrl: URL!, $test: Boolean, $lineItems: [AppSubscriptionLineItemInput!]!) {
  appSubscriptionCreate(name: $name, returnUrl: $returnUrl, test: $test, lineItems: $lineItems) {
    appSubscription { id status }
    confirmationUrl
    userErrors { field message }
  }
}`;
const recurring = (amount: string, currencyCode = "USD") => ({ plan: { appRecurringPricingDetails: { price: { amount, currencyCode } } } });

const plan = async (shop: string) => planLoader({ request: adminFetchRequest("/app/plan", shop), params: {}, context: {} });
const shopRow = async (shop: string) => db().shop.findUniqueOrThrow({ where: { domain: shop } });

describe("the simulator's Billing API", () => {
  it("refuses what Shopify refuses, with Shopify's userErrors", async () => {
    const { shop } = await shopWithSubscription();
    const create = (variables: Record<string, unknown>) =>
      adminApi(shop.domain, CREATE, {
        name: "Plan",
        returnUrl: "https://orchard.example.com/back",
        lineItems: [recurring("10.00")],
        ...variables,
      });
    const errorsOf = async (variables: Record<string, unknown>) => (await create(variables)).data!.appSubscriptionCreate.userErrors;
    expect(await errorsOf({ lineItems: [recurring("0")] })).toEqual([
      { field: ["lineItems", "0", "plan", "appRecurringPricingDetails", "price"], message: "Amount must be greater than 0" },
    ]);
    expect((await errorsOf({ lineItems: [recurring("10.00"), recurring("20.00")] }))[0]).toMatchObject({ field: ["lineItems"] });
    expect((await errorsOf({ lineItems: [recurring("10.00", "JPY")] }))[0]!.field).toContain("currencyCode");
    expect(await errorsOf({ name: " " })).toEqual([{ field: ["name"], message: "Name can't be blank" }]);
    // The schema refuses what is not an input of it before any resolver runs.
    const invalid = await adminApi(shop.domain, CREATE, {
      name: "Plan",
      returnUrl: "https://orchard.example.com/back",
      lineItems: [{ plan: { appRecurringPricingDetails: { price: { amount: "10", currencyCode: "USD" }, interval: "WEEKLY" } } }],
    });
    expect(invalid.errors?.[0]?.message).toContain(
      "Variable $lineItems of type [AppSubscriptionLineItemInput!]! was provided invalid value",
    );
    expect(shop.appSubscriptions).toEqual([]);
  });

  it("accepts only test charges from a development store", async () => {
    const { simulator } = testContext();
    const { shop } = await shopWithSubscription();
    shop.partnerDevelopment = true;
    const real = await adminApi(shop.domain, CREATE, {
      name: "Plan",
      returnUrl: "https://orchard.example.com/back",
      lineItems: [recurring("5")],
    });
    expect(real.data!.appSubscriptionCreate.userErrors[0]!.field).toEqual(["test"]);
    const test = await adminApi(shop.domain, CREATE, {
      name: "Plan",
      returnUrl: "https://orchard.example.com/back",
      test: true,
      lineItems: [recurring("5")],
    });
    expect(test.data!.appSubscriptionCreate.appSubscription!.status).toBe("PENDING");
    expect(test.data!.appSubscriptionCreate.confirmationUrl).toMatch(new RegExp(`^${simulator.url}/store/`));
  });

  it("activates a charge once, on the merchant's approval, and tells the app", async () => {
    const { simulator } = testContext();
    const { shop } = await shopWithSubscription();
    const created = await adminApi(shop.domain, CREATE, {
      name: "Plan",
      returnUrl: "https://orchard.example.com/back?x=1",
      lineItems: [recurring("5")],
    });
    const url = created.data!.appSubscriptionCreate.confirmationUrl!;
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("5.00 USD every 30 days");
    const sent = simulator.webhooks.deliveries.length;
    expect(await answerCharge(url, "approve")).toBe(`https://orchard.example.com/back?x=1&charge_id=${shop.appSubscriptions[0]!.id}`);
    expect(simulator.webhooks.deliveries.slice(sent).map((d) => d.topic)).toEqual(["app_subscriptions/update"]);
    const active = await adminApi<{ currentAppInstallation: { activeSubscriptions: unknown[] } }>(
      shop.domain,
      `{ currentAppInstallation { activeSubscriptions { name status } } }`,
    );
    expect(active.data!.currentAppInstallation.activeSubscriptions).toEqual([{ name: "Plan", status: "ACTIVE" }]);
    await expect(answerCharge(url, "decline")).rejects.toThrow("409");
  });
});

describe("Orchard's own plan", () => {
  it("starts a new shop on Free, and Growth after the merchant approves the trial", async () => {
    const { shop } = await shopWithSubscription();
    await settle();
    expect(await plan(shop.domain)).toMatchObject({
      plan: "free",
      activeSubscribers: 1,
      limit: FREE_SUBSCRIBER_LIMIT,
      trialDaysOffered: 14,
    });
    const asked = await requestGrowth(shop.domain);
    if (!("confirmationUrl" in asked)) throw new Error(JSON.stringify(asked));
    const charge = shop.appSubscriptions[0]!;
    expect(charge).toMatchObject({ name: GROWTH_PLAN.name, trialDays: 14, test: false, status: "PENDING" });
    expect(charge.lineItems[0]!.recurring).toEqual({ priceMinor: 4900, currencyCode: "USD", interval: "EVERY_30_DAYS" });
    const back = new URL(await answerCharge(asked.confirmationUrl, "approve"));
    // Back to the Billing page inside the merchant's admin, which opens the app with charge_id.
    expect(back.pathname).toBe(`/store/${shop.domain.replace(".myshopify.com", "")}/apps/${TEST_API_KEY}/app/plan`);
    expect(back.searchParams.get("charge_id")).toBe(String(charge.id));
    await settle();
    const row = await shopRow(shop.domain);
    expect(row).toMatchObject({ appPlan: "growth", appSubscriptionId: gid("AppSubscription", charge.id), appPlanTest: false });
    expect(row.appTrialEndsAt!.getTime() - charge.createdAt.getTime()).toBe(14 * 86_400_000);
    expect(await plan(shop.domain)).toMatchObject({ plan: "growth", limit: null, canAddSubscriber: true, trialDaysLeft: 14 });
  });

  it("stays on Free when the merchant declines, and asks development stores for a test charge", async () => {
    const { shop } = await shopWithSubscription();
    shop.partnerDevelopment = true;
    await plan(shop.domain);
    const asked = await requestGrowth(shop.domain);
    if (!("confirmationUrl" in asked)) throw new Error(JSON.stringify(asked));
    expect(shop.appSubscriptions[0]!.test).toBe(true);
    await answerCharge(asked.confirmationUrl, "decline");
    await settle();
    expect(shop.appSubscriptions[0]!.status).toBe("DECLINED");
    expect(await plan(shop.domain)).toMatchObject({ plan: "free" });
  });

  it("gives a merchant who comes back only what is left of their trial", async () => {
    const { shop } = await shopWithSubscription();
    await acceptGrowthPlan(shop.domain);
    // The trial began five days ago.
    await db().shop.update({ where: { domain: shop.domain }, data: { appTrialStartedAt: new Date(Date.now() - 5 * 86_400_000 - 60_000) } });
    await planAction({
      request: adminFetchRequest("/app/plan", shop.domain, { method: "POST", body: new URLSearchParams({ intent: "downgrade" }) }),
      params: {},
      context: {},
    });
    expect(await plan(shop.domain)).toMatchObject({ plan: "free", trialDaysOffered: 9 });
    await requestGrowth(shop.domain);
    expect(shop.appSubscriptions.at(-1)!.trialDays).toBe(9);
  });

  it("follows Shopify, not the order webhooks arrive in", async () => {
    const { simulator } = testContext();
    const { shop } = await shopWithSubscription();
    await acceptGrowthPlan(shop.domain);
    // A late delivery of the charge's PENDING state changes nothing: the handler reads the plan again.
    await fetch(`${simulator.url}/_control/shops/${shop.domain}/webhooks`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        topic: "app_subscriptions/update",
        payload: { app_subscription: { status: "PENDING", name: GROWTH_PLAN.name } },
      }),
    });
    await settle();
    expect((await shopRow(shop.domain)).appPlan).toBe("growth");
  });

  it("is Free again after an uninstall: Shopify cancelled the charge", async () => {
    const { simulator } = testContext();
    const { shop } = await shopWithSubscription();
    await acceptGrowthPlan(shop.domain);
    await simulator.uninstall(shop);
    await settle();
    expect(shop.appSubscriptions[0]!.status).toBe("CANCELLED");
    expect((await shopRow(shop.domain)).appPlan).toBe("free");
    // The merchant opens Orchard again: the install starts on what Shopify bills, nothing.
    expect(await plan(shop.domain)).toMatchObject({ plan: "free" });
  });
});

describe("the free plan's limit", () => {
  /**
   * A free shop with as many active subscribers as the plan allows, and one more customer whose
   * subscription is paused: the ways a subscriber can become active again are all tried.
   */
  async function freeShopAtLimit() {
    const { simulator } = testContext();
    const given = await shopWithSubscription();
    const sell = (email: string) =>
      completeCheckout(simulator, given.shop, {
        email,
        lines: [{ variantId: given.coffee.variants[0]!.id, quantity: 1, sellingPlanId: given.sellingPlanIds[0]!, properties: {} }],
      });
    const { contracts } = await sell(`paused@${given.shop.domain}.example`);
    const paused = contracts[0]!;
    await settle();
    const pausedRow = (await findContract(given.shop.domain, gid("SubscriptionContract", paused.id)))!;
    await merchantAction({
      request: adminFetchRequest(`/app/subscriptions/${pausedRow.id}`, given.shop.domain, {
        method: "POST",
        body: new URLSearchParams({ action: "pause" }),
      }),
      params: { id: pausedRow.id },
      context: {},
    });
    for (let n = 1; n < FREE_SUBSCRIBER_LIMIT; n += 1) await sell(`subscriber-${n}@${given.shop.domain}.example`);
    await settle();
    return { ...given, sell, paused, pausedRow, customerId: paused.customerId };
  }

  const storefrontOffers = async (shop: { domain: string }, handle: string) => {
    const { simulator } = testContext();
    const page = await (await fetch(`${simulator.url}/storefront/${shop.domain.replace(".myshopify.com", "")}/products/${handle}`)).text();
    return page.includes("data-orchard-subscribe");
  };

  /** What Orchard tells the checkout extension of the shop, asked with a checkout session token. */
  const checkoutOffers = async (shop: string) => {
    const token = issueCustomerAccountToken({
      shop,
      apiKey: TEST_API_KEY,
      secret: TEST_API_SECRET,
      customerId: null,
      nowSeconds: Math.floor(Date.now() / 1000),
    });
    const response = await checkoutSubscriptions({
      request: new Request("https://orchard.example.com/api/checkout/subscriptions", {
        headers: { authorization: `Bearer ${token}`, origin: "https://extensions.shopifycdn.com" },
      }),
      params: {},
      context: {},
    });
    return ((await response.json()) as { open: boolean }).open;
  };

  /** The three ways a paused subscriber is resumed: the merchant's page, the storefront's account pages, the customer account extension. */
  async function resumeEveryWay(shop: string, contractId: string, customerId: number) {
    const merchant = await merchantAction({
      request: adminFetchRequest(`/app/subscriptions/${contractId}`, shop, {
        method: "POST",
        body: new URLSearchParams({ action: "resume" }),
      }),
      params: { id: contractId },
      context: {},
    });
    const portalPage = await (
      await portalList({ request: proxiedRequest("/subscriptions", shop, customerId), params: {}, context: {} })
    ).text();
    const token = /name="token" value="([^"]+)"/.exec(portalPage)?.[1] ?? "";
    const portal = await portalAction({
      request: proxiedRequest(`/subscriptions/${contractId}`, shop, customerId, { method: "POST", form: { token, action: "resume" } }),
      params: { id: contractId },
      context: {},
    }).catch((thrown: unknown) => thrown as Response);
    const customerToken = issueCustomerAccountToken({
      shop,
      apiKey: TEST_API_KEY,
      secret: TEST_API_SECRET,
      customerId,
      nowSeconds: Math.floor(Date.now() / 1000),
    });
    const api = (await customerApiAction({
      request: new Request(`https://orchard.example.com/api/customer/subscriptions/${contractId}`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${customerToken}`,
          origin: "https://extensions.shopifycdn.com",
          "content-type": "application/json",
          "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0 Safari/537.36",
        },
        body: JSON.stringify({ action: "resume" }),
      }),
      params: { id: contractId },
      context: {},
    })) as Response;
    return { merchant, portal: portal as Response, api: { status: api.status, body: await api.json() } };
  }

  it("cannot be passed through any route: the storefront stops offering, and no paused subscriber resumes", async () => {
    const given = await freeShopAtLimit();
    const shop = given.shop.domain;
    expect(await plan(shop)).toMatchObject({ plan: "free", activeSubscribers: FREE_SUBSCRIBER_LIMIT, canAddSubscriber: false });
    // The storefront's subscribe block is closed by the app-data metafield Orchard wrote.
    expect(given.shop.appMetafields.find((m) => m.namespace === "subscriptions" && m.key === "limit_reached")?.value).toBe("true");
    expect(await storefrontOffers(given.shop, given.coffee.handle)).toBe(false);
    // The checkout extension asks Orchard before it offers a subscription.
    expect(await checkoutOffers(shop)).toBe(false);

    const before = await shopRowCounts(shop);
    const tried = await resumeEveryWay(shop, given.pausedRow.id, given.customerId);
    expect(tried.merchant).toMatchObject({ ok: false, error: "subscriberLimit" });
    expect(tried.portal.status).toBe(302);
    expect(tried.portal.headers.get("location")).toContain("error=subscriberLimit");
    expect(tried.api).toMatchObject({ status: 422, body: { ok: false, error: "subscriberLimit" } });
    await settle();
    expect(given.paused.status).toBe("PAUSED");
    expect((await findContract(shop, gid("SubscriptionContract", given.paused.id)))!.status).toBe("PAUSED");
    expect(await shopRowCounts(shop)).toEqual(before);
    expect(await plan(shop)).toMatchObject({ activeSubscribers: FREE_SUBSCRIBER_LIMIT });
  });

  it("opens again when a subscriber leaves, and Growth lifts it", async () => {
    const given = await freeShopAtLimit();
    const shop = given.shop.domain;
    const leaving = (await db().subscriptionContract.findFirst({ where: { shop, status: "ACTIVE" } }))!;
    await merchantAction({
      request: adminFetchRequest(`/app/subscriptions/${leaving.id}`, shop, {
        method: "POST",
        body: new URLSearchParams({ action: "pause" }),
      }),
      params: { id: leaving.id },
      context: {},
    });
    await settle();
    expect(await storefrontOffers(given.shop, given.coffee.handle)).toBe(true);
    expect(await checkoutOffers(shop)).toBe(true);
    expect((await resumeEveryWay(shop, given.pausedRow.id, given.customerId)).merchant).toMatchObject({ ok: true });
    await settle();
    expect(await storefrontOffers(given.shop, given.coffee.handle)).toBe(false);

    await acceptGrowthPlan(shop);
    expect(await storefrontOffers(given.shop, given.coffee.handle)).toBe(true);
    expect((await resumeEveryWay(shop, leaving.id, Number(leaving.customerId!.split("/").pop()))).merchant).toMatchObject({ ok: true });
    await settle();
    expect(await plan(shop)).toMatchObject({ plan: "growth", activeSubscribers: FREE_SUBSCRIBER_LIMIT + 1 });
  });

  it("downgrades a cancelled Growth shop without losing anything: every subscriber keeps being billed", async () => {
    const given = await freeShopAtLimit();
    const shop = given.shop.domain;
    await acceptGrowthPlan(shop);
    await given.sell(`one-more@${shop}.example`);
    await settle();
    // Everything the shop has but the webhook inbox, where the cancellation's own notice arrives.
    const kept = async () => ({ ...(await shopRowCounts(shop)), webhookDelivery: 0 });
    const before = await kept();
    const merchantCancels = await planAction({
      request: adminFetchRequest("/app/plan", shop, { method: "POST", body: new URLSearchParams({ intent: "downgrade" }) }),
      params: {},
      context: {},
    });
    expect(merchantCancels).toEqual({ downgraded: true });
    await settle();
    expect(given.shop.appSubscriptions.at(-1)!.status).toBe("CANCELLED");
    expect(await plan(shop)).toMatchObject({ plan: "free", activeSubscribers: FREE_SUBSCRIBER_LIMIT + 1, canAddSubscriber: false });
    // Nothing deleted, nothing cancelled: one row more or less would show here.
    expect(await kept()).toEqual(before);
    expect([...given.shop.contracts.values()].filter((c) => c.status === "ACTIVE")).toHaveLength(FREE_SUBSCRIBER_LIMIT + 1);
    expect(await storefrontOffers(given.shop, given.coffee.handle)).toBe(false);
  });

  it("does not count another shop's subscribers", async () => {
    await freeShopAtLimit();
    const { shop, coffee } = await shopWithSubscription();
    await settle();
    expect(await plan(shop.domain)).toMatchObject({ activeSubscribers: 1, canAddSubscriber: true });
    expect(await storefrontOffers(shop, coffee.handle)).toBe(true);
  });
});
