import { createHmac, randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { replaceLog } from "../../app/logging/log.server";
import { loader as checkoutLoader } from "../../app/routes/api.checkout.protection";
import { loader as customerLoader } from "../../app/routes/api.customer.subscriptions";
import { loader as adminLoader } from "../../app/routes/app.plans._index";
import { loader as proxyLoader } from "../../app/routes/proxy.subscriptions._index";
import { action as webhookAction } from "../../app/routes/webhooks.$";
import { action as flowActionRoute } from "../../app/routes/flow.actions.$handle";
import { issueCustomerAccountToken, signSessionToken } from "../../simulator/session-token";
import { appProxySignature } from "../../simulator/storefront/app-proxy";
import { createShop, TEST_API_KEY, TEST_API_SECRET, testContext, webhookRequest } from "../support/context";

/**
 * Requests that claim to come from Shopify and do not: each is refused, and the refusal is written
 * down with where and for which shop, but never with the token, the signature or the secret.
 */
let lines: Record<string, unknown>[] = [];
let restoreLog: (() => void) | undefined;
afterEach(() => restoreLog?.());

function captureLog() {
  lines = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  restoreLog = replaceLog(sink);
}

const outcome = (run: () => Promise<Response>) => run().catch((thrown: unknown) => thrown as Response);
const nowSeconds = () => Math.floor(Date.now() / 1000);

async function installedShop(): Promise<string> {
  const { shop } = createShop();
  const { simulator } = testContext();
  await db().shop.create({ data: { domain: shop.domain, scopes: simulator.appConfig.scopes } });
  await db().session.create({
    data: {
      id: `offline_${shop.domain}`,
      shop: shop.domain,
      state: "",
      accessToken: "shpat_secret_offline",
      scope: simulator.appConfig.scopes,
    },
  });
  return shop.domain;
}

/** The refusal's log line; the whole log must not hold any of the secrets the request carried. */
function refusal(entry: string, secrets: string[]) {
  const text = JSON.stringify(lines);
  for (const secret of [TEST_API_SECRET, ...secrets]) expect(text).not.toContain(secret);
  return lines.find((line) => line.msg === "signed request refused" && line.entry === entry);
}

function adminToken(shop: string, overrides: { aud?: string; exp?: number } = {}): string {
  const now = nowSeconds();
  return signSessionToken(
    {
      iss: `https://${shop}/admin`,
      dest: `https://${shop}`,
      aud: overrides.aud ?? TEST_API_KEY,
      sub: "1",
      exp: overrides.exp ?? now + 60,
      nbf: now - 120,
      iat: now - 120,
      jti: randomUUID(),
      sid: randomUUID(),
    },
    TEST_API_SECRET,
  );
}

describe("forged and replayed requests", () => {
  it("refuses a webhook whose HMAC is not the app's, and logs it without the HMAC", async () => {
    const shop = await installedShop();
    captureLog();
    const request = webhookRequest({ shop, topic: "orders/paid", payload: { id: 1 }, webhookId: randomUUID(), secret: "forger" });
    const hmac = request.headers.get("x-shopify-hmac-sha256")!;
    expect((await outcome(() => webhookAction({ request, params: {}, context: {} }))).status).toBe(401);
    expect(refusal("webhook", [hmac])).toMatchObject({ level: 40, status: 401, claimedShop: shop, path: "/webhooks/orders/paid" });
    expect(await db().webhookDelivery.count({ where: { shop } })).toBe(0);
  });

  it("refuses a Shopify Flow action signed with another secret, and logs it without the HMAC", async () => {
    const shop = await installedShop();
    captureLog();
    const body = JSON.stringify({
      shopify_domain: shop,
      action_run_id: "run-1",
      handle: "skip-next-order",
      properties: { "subscription contract id": "gid://shopify/SubscriptionContract/1" },
    });
    const hmac = createHmac("sha256", "forger").update(body).digest("base64");
    const request = new Request("https://orchard.example.com/flow/actions/skip-next-order", {
      method: "POST",
      headers: { "content-type": "application/json", "x-shopify-hmac-sha256": hmac, "x-shopify-shop-domain": shop },
      body,
    });
    expect((await outcome(() => flowActionRoute({ request, params: { handle: "skip-next-order" }, context: {} }))).status).toBe(401);
    expect(refusal("flow", [hmac])).toMatchObject({ status: 401, claimedShop: shop, path: "/flow/actions/skip-next-order" });
    expect(await db().flowActionRun.count({ where: { shop } })).toBe(0);
  });

  it("refuses admin session tokens that expired or were made for another app", async () => {
    const shop = await installedShop();
    captureLog();
    for (const token of [adminToken(shop, { exp: nowSeconds() - 30 }), adminToken(shop, { aud: "another-app" })]) {
      const request = new Request("https://orchard.example.com/app/plans", {
        headers: { authorization: `Bearer ${token}`, "user-agent": "Mozilla/5.0 Chrome/156.0.0.0" },
      });
      const response = await outcome(async () => (await adminLoader({ request, params: {}, context: {} })) as unknown as Response);
      expect(response.status).toBe(401);
      expect(refusal("admin", [token, token.split(".")[2]!])).toMatchObject({ status: 401, path: "/app/plans" });
    }
    expect(lines.filter((line) => line.entry === "admin")).toHaveLength(2);
  });

  it("refuses an app proxy request signed for another shop", async () => {
    const [signedFor, claimed] = [await installedShop(), await installedShop()];
    captureLog();
    const query = new URLSearchParams({
      shop: signedFor,
      logged_in_customer_id: "",
      path_prefix: "/apps/orchard",
      timestamp: String(nowSeconds()),
    });
    const signature = appProxySignature(TEST_API_SECRET, query);
    query.set("signature", signature);
    query.set("shop", claimed);
    const request = new Request(`https://orchard.example.com/proxy/subscriptions?${query.toString()}`);
    expect((await outcome(() => proxyLoader({ request, params: {}, context: {} }))).status).toBe(400);
    expect(refusal("app-proxy", [signature])).toMatchObject({ status: 400, claimedShop: claimed });
  });

  it("refuses an app proxy request replayed after Shopify's tolerance, though its signature is Shopify's", async () => {
    const shop = await installedShop();
    const signedAt = (seconds: number) => {
      const query = new URLSearchParams({ shop, logged_in_customer_id: "", path_prefix: "/apps/orchard", timestamp: String(seconds) });
      query.set("signature", appProxySignature(TEST_API_SECRET, query));
      return new Request(`https://orchard.example.com/proxy/subscriptions?${query.toString()}`);
    };
    // Fresh, the same request is served: the refusal is the replay's age, nothing else.
    expect((await outcome(() => proxyLoader({ request: signedAt(nowSeconds()), params: {}, context: {} }))).status).toBe(200);
    expect((await outcome(() => proxyLoader({ request: signedAt(nowSeconds() - 3600), params: {}, context: {} }))).status).toBe(400);
  });

  it("refuses customer account and checkout tokens Shopify did not sign", async () => {
    const shop = await installedShop();
    captureLog();
    const token = issueCustomerAccountToken({ shop, apiKey: TEST_API_KEY, secret: "forger", customerId: 7, nowSeconds: nowSeconds() });
    const headers = {
      authorization: `Bearer ${token}`,
      origin: "https://extensions.shopifycdn.com",
      "user-agent": "Mozilla/5.0 Chrome/156.0.0.0",
    };
    const customer = new Request("https://orchard.example.com/api/customer/subscriptions", { headers });
    expect((await outcome(() => customerLoader({ request: customer, params: {}, context: {} }))).status).toBe(401);
    const checkout = new Request("https://orchard.example.com/api/checkout/protection", { headers });
    expect((await outcome(() => checkoutLoader({ request: checkout, params: {}, context: {} }))).status).toBe(401);
    expect(refusal("customer-account", [token])).toMatchObject({ status: 401 });
    expect(refusal("checkout", [token])).toMatchObject({ status: 401 });
  });
});
