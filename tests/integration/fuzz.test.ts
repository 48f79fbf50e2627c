import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { formToken } from "../../app/self-service/self-service.server";
import { action as customerAction } from "../../app/routes/api.customer.subscriptions.$id";
import { action as proxyAction } from "../../app/routes/proxy.subscriptions.$id";
import { loader as proxyLoader } from "../../app/routes/proxy.subscriptions._index";
import { action as signInAction } from "../../app/routes/proxy.subscriptions.sign-in";
import { action as webhookAction } from "../../app/routes/webhooks.$";
import { ADMIN_API_VERSION } from "../../app/shopify/api-version";
import { handlerFor } from "../../app/webhooks/handlers.server";
import { processInbox } from "../../app/webhooks/inbox.server";
import { issueCustomerAccountToken } from "../../simulator/session-token";
import { webhookHeaders } from "../../simulator/webhooks";
import { createShop, proxiedRequest, statusOf, TEST_API_KEY, TEST_API_SECRET, testContext } from "../support/context";
import { shopRowCounts } from "../support/shop-rows";
import { anyJson, brokenInOnePlace, oddValue } from "../support/hostile";
import { settle, shopWithSubscription } from "../support/subscriptions";

/**
 * Orchard's doors from outside under hostile input, 4,000 generated requests on a shop with a live
 * subscription (the admin forms get 6,000 more in tests/unit/fuzz/forms.test.ts). Every one ends
 * in a 4xx or a handled state, never an unhandled error, and a handler that refuses its payload
 * leaves no row behind. The 4,000 run on the embedded default (SQLite); PostgreSQL runs a quarter
 * of them, the same properties: they are about Orchard's handling, which both share, and CI runs
 * them beside the year of billing's four workers, where the full count took 150 s.
 */
const SHARE = process.env.TEST_DATABASE === "postgresql" ? 0.25 : 1;
const RUNS = 1_000 * SHARE;
// A customer's request costs a session token check and, when it is a valid change, Shopify's work:
// fewer of them, and more of the storefront page's, which are cheap.
const CUSTOMER_API_RUNS = 400 * SHARE;
const STOREFRONT_RUNS = 1_600 * SHARE;
/** Each door's generated inputs and the server errors among them, printed for CI's log at the end. */
const tally = new Map<string, { inputs: number; serverErrors: number }>();
function counted(door: string, status: number): number {
  const kept = tally.get(door) ?? { inputs: 0, serverErrors: 0 };
  tally.set(door, { inputs: kept.inputs + 1, serverErrors: kept.serverErrors + (status >= 500 ? 1 : 0) });
  return status;
}
afterAll(() => {
  for (const [door, { inputs, serverErrors }] of tally) {
    console.log(`fuzz (${process.env.TEST_DATABASE ?? "sqlite"}), ${door}: ${inputs} generated inputs, ${serverErrors} answered 5xx`);
  }
});

let given: Awaited<ReturnType<typeof shopWithSubscription>>;
let contractId: string;
let customerNumber: string;

beforeAll(async () => {
  given = await shopWithSubscription();
  await settle();
  const contract = await db().subscriptionContract.findFirstOrThrow({ where: { shop: given.shop.domain } });
  contractId = contract.id;
  customerNumber = contract.customerId!.split("/").pop()!;
});

/** The shop's row counts, the inbox left out: deliveries the simulator still sends may land in it meanwhile. */
async function rowCounts(shop: string): Promise<Record<string, number>> {
  const { webhookDelivery: _inbox, ...counts } = await shopRowCounts(shop);
  return counts;
}

const topics = () => testContext().simulator.appConfig.subscriptions.map((s) => s.topic);
const body = fc.oneof(
  { weight: 6, arbitrary: anyJson.map((value) => JSON.stringify(value)) },
  { weight: 2, arbitrary: fc.string({ maxLength: 300 }) },
  { weight: 1, arbitrary: fc.nat({ max: 1_000 }).map((n) => JSON.stringify({ id: n, note: "x".repeat(1_000_000) })) },
);

describe("hostile input at Orchard's doors", () => {
  it(
    "webhooks: any signed body on any topic is stored or refused, and the inbox works through all of it",
    { timeout: 300_000 },
    async () => {
      // A shop of its own: app/uninstalled is among the topics. shop/redact is not: it would delete
      // the shop's other deliveries, and with them the record of how each was worked (its own
      // payload is never read; tests/integration/shop-redact.test.ts covers it).
      const shop = createShop().shop.domain;
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...topics().filter((t) => t !== "shop/redact")), body, async (topic, raw) => {
          const headers = webhookHeaders({
            secret: TEST_API_SECRET,
            shop,
            topic,
            apiVersion: ADMIN_API_VERSION,
            webhookId: randomUUID(),
            triggeredAt: new Date(),
            body: raw,
          });
          const request = new Request(`https://orchard.example.com/webhooks/${topic}`, { method: "POST", headers, body: raw });
          expect([200, 400]).toContain(counted("webhooks", await statusOf(() => webhookAction({ request, params: {}, context: {} }))));
        }),
        { numRuns: RUNS },
      );
      while ((await processInbox()) > 0);
      const deliveries = await db().webhookDelivery.findMany({ where: { shop }, select: { status: true, lastError: true } });
      expect(deliveries.filter((d) => d.status === "processing")).toEqual([]);
      // Worked: some deliveries were usable and processed, and every refusal was a handler's check
      // of its input (or Shopify's answer), never Orchard's own code failing on what it was given.
      expect(deliveries.some((d) => d.status === "processed")).toBe(true);
      const crashes = deliveries.filter(
        (d) => d.lastError && /TypeError|ReferenceError|RangeError|Cannot read properties/.test(d.lastError),
      );
      expect(crashes.map((d) => d.lastError)).toEqual([]);
    },
  );

  it("webhook handlers: a payload a handler refuses leaves every table as it was", { timeout: 300_000 }, async () => {
    const shop = given.shop.domain;
    // These two act on the shop whatever the payload says (the HMAC proved who sent it): not fuzzed here.
    const fuzzed = topics()
      .map((topic) => topic.toUpperCase().replace(/[/.]/g, "_"))
      .filter((topic) => handlerFor(topic) && topic !== "APP_UNINSTALLED" && topic !== "SHOP_REDACT");
    const shapes = [
      { admin_graphql_api_id: `gid://shopify/SubscriptionContract/${given.contract.id}` },
      { id: 1, admin_graphql_api_id: "gid://shopify/Order/1", line_items: [{ id: 1, quantity: 1, price: "10.00" }], customer: { id: 1 } },
      { idempotency_key: "orchard:1:cycle:1", admin_graphql_api_order_id: null, error_code: "card_declined" },
      { customer: { id: 1, email: "a@example.com" }, data_request: { id: 1 } },
    ];
    let before = await rowCounts(shop);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fuzzed), fc.oneof(anyJson, ...shapes.map(brokenInOnePlace)), async (topic, payload) => {
        const refused = await handlerFor(topic)!({ shop, payload, triggeredAt: new Date(), receivedAt: new Date() }).then(
          () => false,
          () => true,
        );
        const after = await rowCounts(shop);
        if (refused) expect(after, topic).toEqual(before);
        before = after;
      }),
      { numRuns: RUNS },
    );
  });

  it("customer account API: any body ends in 200, 400, 404, 413 or 422", { timeout: 300_000 }, async () => {
    const shop = given.shop.domain;
    const valid = [
      { action: "skip" },
      { action: "skip", cycle: 3 },
      { action: "unskip", cycle: 3 },
      { action: "addOneTime", variantId: "gid://shopify/ProductVariant/1", quantity: 1 },
      { action: "pause", months: 2 },
      { step: "reason", reason: "too_expensive" },
      { step: "accept", reason: "too_expensive", offer: "swap", variantId: "gid://shopify/ProductVariant/1" },
    ];
    // A session token lives a minute: each request gets a fresh one, as the extension asks for it.
    const freshToken = () =>
      issueCustomerAccountToken({
        shop,
        apiKey: TEST_API_KEY,
        secret: TEST_API_SECRET,
        customerId: Number(customerNumber),
        nowSeconds: Math.floor(Date.now() / 1000),
      });
    await fc.assert(
      // Mostly noise; a quarter near-valid changes, which Shopify then carries out (slower).
      fc.asyncProperty(
        fc.oneof(
          { weight: 9, arbitrary: body },
          ...valid.map((v) => ({ weight: 1, arbitrary: brokenInOnePlace(v).map((b) => JSON.stringify(b) ?? "") })),
        ),
        async (raw) => {
          const request = new Request(`https://orchard.example.com/api/customer/subscriptions/${contractId}`, {
            method: "POST",
            headers: {
              authorization: `Bearer ${freshToken()}`,
              origin: "https://extensions.shopifycdn.com",
              "content-type": "application/json",
              "user-agent": "Mozilla/5.0 Chrome/156.0.0.0",
            },
            body: raw,
          });
          // 413: a body far over a change's size, refused while it is read.
          expect([200, 400, 404, 413, 422]).toContain(
            counted("customer account API", await statusOf(() => customerAction({ request, params: { id: contractId }, context: {} }))),
          );
        },
      ),
      { numRuns: CUSTOMER_API_RUNS },
    );
  });

  it("storefront page (app proxy): any form ends in a redirect back to the page or a 4xx", { timeout: 300_000 }, async () => {
    const shop = given.shop.domain;
    const token = formToken({ shop, customerId: `gid://shopify/Customer/${customerNumber}` });
    const field = oddValue.map((value) => (typeof value === "string" ? value : (JSON.stringify(value) ?? "")));
    const form = fc.dictionary(
      fc.oneof(
        fc.constantFrom(
          "action",
          "months",
          "orders",
          "until",
          "date",
          "variantId",
          "lineId",
          "quantity",
          "cycle",
          "city",
          "countryCode",
          "zip",
          "token",
        ),
        fc.string({ maxLength: 10 }),
      ),
      field,
      { maxKeys: 6 },
    );
    await fc.assert(
      fc.asyncProperty(form, fc.boolean(), async (fields, withToken) => {
        const posted = withToken ? { ...fields, token } : fields;
        const request = proxiedRequest(`/subscriptions/${contractId}`, shop, customerNumber, { method: "POST", form: posted });
        const status = counted("storefront page", await statusOf(() => proxyAction({ request, params: { id: contractId }, context: {} })));
        expect(status === 302 || (status >= 400 && status < 500)).toBe(true);
      }),
      { numRuns: STOREFRONT_RUNS },
    );
  });

  it(
    "storefront sign-in: any email asked for, any link or session followed, ends in a page, a redirect or a 4xx",
    { timeout: 300_000 },
    async () => {
      const shop = given.shop.domain;
      const text = oddValue.map((value) => (typeof value === "string" ? value : (JSON.stringify(value) ?? "")));
      await fc.assert(
        fc.asyncProperty(text, fc.constantFrom("access", "session"), text, async (email, parameter, token) => {
          const asked = await statusOf(() =>
            signInAction({ request: proxiedRequest("/subscriptions/sign-in", shop, null, { form: { email } }), params: {}, context: {} }),
          );
          const followed = await statusOf(() =>
            proxyLoader({
              request: proxiedRequest(`/subscriptions?${new URLSearchParams({ [parameter]: token })}`, shop, null),
              params: {},
              context: {},
            }),
          );
          for (const status of [counted("storefront sign-in", asked), counted("storefront sign-in", followed)])
            expect(status === 200 || status === 302 || (status >= 400 && status < 500)).toBe(true);
        }),
        { numRuns: STOREFRONT_RUNS / 4 },
      );
      // Nothing forged opened a session: no link was ever used.
      expect(await db().portalSignIn.count({ where: { shop, usedAt: { not: null } } })).toBe(0);
    },
  );
});
