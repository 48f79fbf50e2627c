import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { emptyOfferDraft, validateOffer } from "../../app/protection/offer";
import { formToken } from "../../app/self-service/self-service.server";
import { issueCustomerAccountToken } from "../../simulator/session-token";
import { adminFetchRequest, proxiedRequest, statusOf, TEST_API_KEY, TEST_API_SECRET } from "../support/context";
import { shopRows } from "../support/shop-rows";
import { orchardDefaultPlan, settle, shopWithSubscription } from "../support/subscriptions";

/**
 * Every route of the app, tried by someone who must not reach what it names: the merchant of
 * another shop with this shop's ids, and another customer with this customer's. Each answers 404
 * and nothing of the shop changes. A route added later must say here how it is scoped (the first
 * test reads app/routes), so none is forgotten.
 */
type RouteModule = { loader?: (args: never) => unknown; action?: (args: never) => unknown };
const routeModule = (name: string) => import(`../../app/routes/${name}.tsx`) as Promise<RouteModule>;

/** Routes with no id of their own: scoped by the signed request alone, so there is no other shop's id to try. */
const SCOPED_BY_SESSION = {
  _index: "public landing page (redirects a shop to its admin)",
  "auth.login": "the library's login form",
  "auth.$": "the library's OAuth and bounce routes",
  app: "the admin layout",
  "app.$": "admin 404 page",
  "app._index": "the shop's dashboard",
  "app.history-import": "starts the shop's own import",
  "app.setup-guide": "hides or shows the shop's own setup guide",
  "app.plans._index": "the shop's plans (its delete action is tried below)",
  "app.plans.new": "a new plan",
  "app.plans.products": "the shop's products, read through its own token",
  "app.protection._index": "the shop's offers",
  "app.protection.new": "a new offer",
  "app.protection.registrations._index": "the shop's registrations",
  "app.protection.registrations.export": "the shop's registrations as CSV",
  "app.protection.partners._index": "the shop's partners",
  "app.protection.partners.new": "a new partner",
  "app.referrals": "the shop's referral program, figures and referrals",
  "app.memberships._index": "the shop's memberships",
  "app.memberships.new": "a new membership",
  "app.imports._index": "the shop's imports; a file checked against its own token",
  "app.reminders._index": "the shop's reminders and settings",
  "app.reminders.email": "the shop's email template",
  "app.reminders.rules.new": "a new rule",
  "app.retention.export": "the shop's figures as CSV",
  "app.retention.what-if": "the shop's plans and figures",
  "app.settings": "the shop's settings",
  "app.integrations": "the shop's own Klaviyo connection and Flow triggers",
  "app.settings_.emails": "the shop's email wording",
  "app.plan": "the shop's own plan with Orchard, read from its own Billing API",
  "app.subscriptions._index": "the shop's subscriptions (its bulk action is tried below)",
  "app.subscriptions.export": "the shop's subscriptions as CSV",
  "api.checkout.protection": "the catalog of the shop the checkout token names",
  "api.checkout.subscriptions": "whether the shop the checkout token names takes new subscribers",
  "api.customer.subscriptions": "the subscriptions of the customer the token names",
  "proxy.subscriptions._index": "the subscriptions of the customer Shopify's signature names, or an emailed link's session names",
  "proxy.subscriptions.sign-in":
    "sends a link only to an address with subscriptions in the shop Shopify's signature names, and answers every address alike",
  "webhooks.$": "the shop the HMAC-signed headers name",
  "flow.lifecycle": "the shop the HMAC-signed body from Shopify Flow names",
  "flow.actions.$handle": "contracts of the shop the HMAC-signed body from Shopify Flow names (flow.test.ts: another shop's is 404)",
  healthz: "no data",
  readyz: "no data",
  "reminders.$id.$purpose": "a link signed for one reminder and purpose (reminders.test.ts: another reminder's id or purpose is 404)",
} as const;

/** Routes that take an id, each tried below. */
const TAKES_IDS = [
  "app.plans.$id",
  "app.memberships.$id",
  "app.imports.$id",
  "app.protection.$id",
  "app.protection.registrations.$id",
  "app.protection.partners.$id",
  "app.protection.partners.$id_.statement",
  "app.protection.partners.$id_.statement.export",
  "app.reminders.rules.$id",
  "app.settings.data-requests.$id",
  "app.subscriptions.$id",
  "api.customer.subscriptions.$id",
  "proxy.subscriptions.$id",
  "proxy.subscriptions.$id_.cancel",
] as const;

/** Every row the shop has, as one text. */
const everythingOf = async (shop: string) => JSON.stringify(await shopRows(shop));

let victim: Awaited<ReturnType<typeof populatedShop>>;
let intruder: Awaited<ReturnType<typeof shopWithSubscription>>;

/** A shop with one of everything a route can name: subscription, plan, offer, registration, claim, rule, data request. */
async function populatedShop() {
  const given = await shopWithSubscription();
  const shop = given.shop.domain;
  const plan = await orchardDefaultPlan(given.shop, given.coffee);
  await settle();
  const contract = await db().subscriptionContract.findFirstOrThrow({ where: { shop } });
  // Terms as the offer form writes them (checked by validateOffer), so the shop's own lists can show it.
  const checked = validateOffer(
    {
      ...emptyOfferDraft(),
      name: "Accident cover",
      termMonths: [12],
      bands: [{ min: "0", max: "", prices: { "12": "4.99" } }],
    },
    "USD",
  );
  if (!("offer" in checked)) throw new Error(`the fixture's offer is invalid: ${JSON.stringify(checked.errors)}`);
  const offer = await db().protectionOffer.create({
    data: { shop, key: "ISO1", name: "Accident cover", currencyCode: "USD", terms: JSON.stringify(checked.offer), status: "active" },
  });
  const registration = await db().protectionRegistration.create({
    data: {
      shop,
      offerId: offer.id,
      orderId: "gid://shopify/Order/1",
      orderName: "#1001",
      orderLineId: "1",
      unit: 1,
      protectionVariantId: "gid://shopify/ProductVariant/1",
      customerId: contract.customerId,
      priceMinor: 500,
      currencyCode: "USD",
      termMonths: 12,
      orderedAt: new Date(),
      startsAt: new Date(),
      expiresAt: new Date(Date.now() + 365 * 86_400_000),
    },
  });
  const claim = await db().protectionClaim.create({ data: { shop, registrationId: registration.id, reason: "defect", notes: "cracked" } });
  const partner = await db().partner.create({
    data: { shop, name: "Fixit", revenueShareBasisPoints: 2_500, statementEmail: "s@fixit.example" },
  });
  const membership = await db().membership.create({
    data: {
      shop,
      name: "Club",
      tiers: {
        create: [1, 2].map((position) => ({
          shop,
          position,
          name: `Tier ${position}`,
          priceMinor: 1_000 * position,
          currencyCode: "USD",
          interval: "MONTH",
          discountBasisPoints: 0,
        })),
      },
    },
  });
  const subscriptionImport = await db().subscriptionImport.create({
    data: {
      shop,
      fileName: "subscriptions.csv",
      status: "checked",
      rows: { create: { shop, line: 2, key: "source:1", status: "ready", terms: "{}" } },
    },
  });
  const rule = await db().reminderRule.create({
    data: { shop, scope: "product", targetId: `gid://shopify/Product/${given.coffee.id}`, title: "Coffee", intervalDays: 30 },
  });
  const dataRequest = await db().customerDataRequest.create({
    data: { shop, requestId: "42", customerId: contract.customerId ?? "", report: "{}", receivedAt: new Date() },
  });
  const planRow = await db().subscriptionPlan.findFirstOrThrow({
    where: { shop, shopifyGroupId: `gid://shopify/SellingPlanGroup/${plan.id}` },
  });
  return {
    ...given,
    ids: {
      contract: contract.id,
      plan: planRow.id,
      offer: offer.id,
      registration: registration.id,
      claim: claim.id,
      partner: partner.id,
      membership: membership.id,
      subscriptionImport: subscriptionImport.id,
      rule: rule.id,
      dataRequest: dataRequest.id,
    },
    customerId: contract.customerId!,
  };
}

beforeAll(async () => {
  victim = await populatedShop();
  intruder = await shopWithSubscription();
  await settle();
});

/** The other shop's merchant, as App Bridge sends their requests. */
const asIntruder = (path: string, form?: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form ?? {})) for (const one of [value].flat()) body.append(key, one);
  return adminFetchRequest(path, intruder.shop.domain, form ? { method: "POST", body } : {});
};

const proxied = (path: string, shop: string, customerNumber: string, form?: Record<string, string>) =>
  proxiedRequest(path, shop, customerNumber, { form });

describe("isolation between shops and between customers", () => {
  it("knows how every route is scoped", () => {
    const routes = readdirSync(resolve(import.meta.dirname, "../../app/routes")).map((entry) => entry.replace(/\.tsx$/, ""));
    const known = new Set<string>([...Object.keys(SCOPED_BY_SESSION), ...TAKES_IDS]);
    expect(routes.filter((route) => !known.has(route))).toEqual([]);
  });

  it("answers another shop's merchant 404 for every id of this shop, in every admin route, and changes nothing", async () => {
    const before = await everythingOf(victim.shop.domain);
    const { ids } = victim;
    const attempts: [string, () => unknown][] = [];
    const tryRoute = async (
      name: (typeof TAKES_IDS)[number],
      params: Record<string, string>,
      path: string,
      form?: Record<string, string | string[]>,
    ) => {
      const route = await routeModule(name);
      if (route.loader) attempts.push([`${name} loader`, () => route.loader!({ request: asIntruder(path), params, context: {} } as never)]);
      if (route.action && form)
        attempts.push([`${name} action`, () => route.action!({ request: asIntruder(path, form), params, context: {} } as never)]);
    };
    await tryRoute("app.plans.$id", { id: ids.plan }, `/app/plans/${ids.plan}`, { name: "Taken over", intent: "save" });
    await tryRoute("app.memberships.$id", { id: ids.membership }, `/app/memberships/${ids.membership}`, {
      name: "Taken over",
      tierName: ["A", "B"],
      tierPrice: ["1", "2"],
      tierInterval: ["MONTH", "MONTH"],
      locale: "en",
    });
    await tryRoute("app.imports.$id", { id: ids.subscriptionImport }, `/app/imports/${ids.subscriptionImport}`, { intent: "start" });
    await tryRoute("app.protection.$id", { id: ids.offer }, `/app/protection/${ids.offer}`, { intent: "archive" });
    await tryRoute("app.protection.partners.$id", { id: ids.partner }, `/app/protection/partners/${ids.partner}`, {
      name: "Taken over",
      revenueShare: "100",
      locale: "en",
    });
    await tryRoute("app.protection.partners.$id_.statement", { id: ids.partner }, `/app/protection/partners/${ids.partner}/statement`);
    await tryRoute(
      "app.protection.partners.$id_.statement.export",
      { id: ids.partner },
      `/app/protection/partners/${ids.partner}/statement/export`,
    );
    await tryRoute("app.protection.registrations.$id", { id: ids.registration }, `/app/protection/registrations/${ids.registration}`, {
      reason: "defect",
      notes: "mine now",
    });
    attempts.push([
      "app.protection.registrations.$id decide",
      async () =>
        (await routeModule("app.protection.registrations.$id")).action!({
          request: asIntruder(`/app/protection/registrations/${ids.registration}`, {
            intent: "decide",
            claimId: ids.claim,
            decision: "approved",
            note: "",
          }),
          params: { id: ids.registration },
          context: {},
        } as never),
    ]);
    await tryRoute("app.reminders.rules.$id", { id: ids.rule }, `/app/reminders/rules/${ids.rule}`, { intent: "delete" });
    await tryRoute("app.settings.data-requests.$id", { id: ids.dataRequest }, `/app/settings/data-requests/${ids.dataRequest}`);
    await tryRoute("app.subscriptions.$id", { id: ids.contract }, `/app/subscriptions/${ids.contract}`, { action: "pause" });

    const answers = await Promise.all(attempts.map(async ([name, run]) => `${name}: ${await statusOf(run)}`));
    expect(answers).toEqual(attempts.map(([name]) => `${name}: 404`));

    // The plan list's delete action, given this shop's plan: nothing of this shop is deleted.
    const plans = await routeModule("app.plans._index");
    await statusOf(() =>
      plans.action!({ request: asIntruder("/app/plans", { intent: "delete", id: [ids.plan] }), params: {}, context: {} } as never),
    );
    // The subscription list's bulk cancel, given this shop's subscription: it is not found, so not allowed.
    const subscriptions = await routeModule("app.subscriptions._index");
    const bulk = await subscriptions.action!({
      request: asIntruder("/app/subscriptions", { action: "cancel", ids: [ids.contract], reason: "other" }),
      params: {},
      context: {},
    } as never);
    expect(bulk).toMatchObject({ ok: true, result: { done: 0, notAllowed: 1 } });
    expect(await everythingOf(victim.shop.domain)).toBe(before);
  });

  it("answers another customer 404 for this customer's subscription, through the app proxy and the customer account API, and changes nothing", async () => {
    const before = await everythingOf(victim.shop.domain);
    const { contract } = victim.ids;
    // Another customer of the same shop, and a customer of another shop who knows the id.
    const strangers = [
      {
        shop: victim.shop.domain,
        customer: String([...victim.shop.customers.values()].find((c) => `gid://shopify/Customer/${c.id}` !== victim.customerId)!.id),
      },
      { shop: intruder.shop.domain, customer: String(intruder.contract.customerId) },
    ];
    const answers: string[] = [];
    for (const { shop, customer } of strangers) {
      const token = formToken({ shop, customerId: `gid://shopify/Customer/${customer}` });
      const change = await routeModule("proxy.subscriptions.$id");
      answers.push(
        `proxy change: ${await statusOf(() => change.action!({ request: proxied(`/subscriptions/${contract}`, shop, customer, { token, action: "pause" }), params: { id: contract }, context: {} } as never))}`,
      );
      const cancel = await routeModule("proxy.subscriptions.$id_.cancel");
      answers.push(
        `proxy cancel page: ${await statusOf(() => cancel.loader!({ request: proxied(`/subscriptions/${contract}/cancel`, shop, customer), params: { id: contract }, context: {} } as never))}`,
      );
      answers.push(
        `proxy cancel: ${await statusOf(() => cancel.action!({ request: proxied(`/subscriptions/${contract}/cancel`, shop, customer, { token, step: "reason", reason: "too_expensive" }), params: { id: contract }, context: {} } as never))}`,
      );
      const api = await routeModule("api.customer.subscriptions.$id");
      const sessionToken = issueCustomerAccountToken({
        shop,
        apiKey: TEST_API_KEY,
        secret: TEST_API_SECRET,
        customerId: Number(customer),
        nowSeconds: Math.floor(Date.now() / 1000),
      });
      const request = new Request(`https://orchard.example.com/api/customer/subscriptions/${contract}`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${sessionToken}`,
          origin: "https://extensions.shopifycdn.com",
          "content-type": "application/json",
          "user-agent": "Mozilla/5.0 Chrome/156.0.0.0",
        },
        body: JSON.stringify({ action: "pause" }),
      });
      answers.push(`customer account: ${await statusOf(() => api.action!({ request, params: { id: contract }, context: {} } as never))}`);
    }
    expect(answers).toEqual(
      Array.from({ length: 2 }, () => ["proxy change: 404", "proxy cancel page: 404", "proxy cancel: 404", "customer account: 404"]).flat(),
    );
    expect(await everythingOf(victim.shop.domain)).toBe(before);
  });

  it("shows another shop's merchant none of this shop's rows in any list", async () => {
    const lists = [
      "app._index",
      "app.plans._index",
      "app.protection._index",
      "app.protection.registrations._index",
      "app.protection.partners._index",
      "app.referrals",
      "app.memberships._index",
      "app.imports._index",
      "app.reminders._index",
      "app.settings",
      "app.subscriptions._index",
      "app.retention.what-if",
    ] as const;
    const ids = Object.values(victim.ids);
    const listed = async (name: (typeof lists)[number], shop: string) => {
      const route = await routeModule(name);
      const path = `/${name.replace(/\./g, "/").replace("/_index", "")}`;
      const data: unknown = await route.loader!({ request: adminFetchRequest(path, shop), params: {}, context: {} } as never);
      return data instanceof Response ? await data.text() : JSON.stringify(data);
    };
    const shownToOwner = new Set<string>();
    for (const name of lists) {
      const text = await listed(name, intruder.shop.domain);
      expect(
        ids.filter((id) => text.includes(id)),
        name,
      ).toEqual([]);
      // The control: the shop's own merchant sees them in these same lists.
      const own = await listed(name, victim.shop.domain);
      for (const id of ids) if (own.includes(id)) shownToOwner.add(id);
    }
    // Every one but the claim, which only its registration's page shows.
    expect(ids.filter((id) => !shownToOwner.has(id))).toEqual([victim.ids.claim]);
  });
});
