import type { ActionFunctionArgs } from "@remix-run/node";
import type { ShopPlan } from "../../simulator/store";
import type { Simulator } from "../../simulator/server";
import { issueSessionToken } from "../../simulator/session-token";
import { webhookHeaders } from "../../simulator/webhooks";
import { appProxySignature } from "../../simulator/storefront/app-proxy";
import { ADMIN_API_VERSION } from "../../app/shopify/api-version";
import type { TestDatabase } from "./database";

export const TEST_API_KEY = "orchard-test-api-key";
export const TEST_API_SECRET = "orchard-test-api-secret";

interface TestContext {
  simulator: Simulator;
  database: TestDatabase;
}

let current: TestContext | undefined;

export function setTestContext(context: TestContext): void {
  current = context;
}

export function testContext(): TestContext {
  if (!current) throw new Error("integration tests run with tests/support/integration-setup.ts");
  return current;
}

let shops = 0;

/** A new shop in the simulator, seeded small unless told otherwise. */
export function createShop(
  seed: { customers?: number; months?: number } = { customers: 5, months: 1 },
  /** false plays a fresh install: Orchard's blocks are not on the theme yet. */
  options: { orchardBlocksInTheme?: boolean; theme?: string; plan?: ShopPlan } = {},
) {
  const { simulator } = testContext();
  shops += 1;
  const domain = `test-shop-${process.pid}-${shops}.myshopify.com`;
  const shop = simulator.store.createShop({ domain, name: `Test Shop ${shops}`, ...options });
  return { shop, seed };
}

/** The session token the simulator's admin would give App Bridge for this shop. */
export function sessionToken(shop: string, secret = TEST_API_SECRET): string {
  const { simulator } = testContext();
  const record = simulator.store.requireShop(shop);
  return issueSessionToken({ shop, apiKey: TEST_API_KEY, secret, userId: record.staffUserId, nowSeconds: Math.floor(Date.now() / 1000) });
}

/** A fetch from the embedded app to its own server, as App Bridge sends it. */
export function adminFetchRequest(path: string, shop: string, init: RequestInit = {}): Request {
  const headers = new Headers(init.headers);
  headers.set("Authorization", `Bearer ${sessionToken(shop)}`);
  headers.set("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0 Safari/537.36");
  return new Request(`https://orchard.example.com${path}`, { ...init, headers });
}

/**
 * An admin form posted to a route's action, as App Bridge sends it: the action's answer, or
 * `{ redirect }` where it sent the merchant on.
 */
export async function postForm(
  action: (args: ActionFunctionArgs) => Promise<unknown>,
  path: string,
  shop: string,
  fields: Record<string, string> | URLSearchParams | FormData,
  params: Record<string, string> = {},
): Promise<unknown> {
  try {
    return await action({
      request: adminFetchRequest(path, shop, { method: "POST", body: fields instanceof FormData ? fields : new URLSearchParams(fields) }),
      params,
      context: {},
    });
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status === 302) return { redirect: thrown.headers.get("location") };
    throw thrown;
  }
}

/** A webhook exactly as Shopify signs it (the simulator's own signing code). */
export function webhookRequest(opts: {
  shop: string;
  topic: string;
  payload: unknown;
  webhookId: string;
  secret?: string;
  triggeredAt?: Date;
}): Request {
  const body = JSON.stringify(opts.payload);
  const headers = webhookHeaders({
    secret: opts.secret ?? TEST_API_SECRET,
    shop: opts.shop,
    topic: opts.topic,
    apiVersion: ADMIN_API_VERSION,
    webhookId: opts.webhookId,
    triggeredAt: opts.triggeredAt ?? new Date(),
    body,
  });
  return new Request(`https://orchard.example.com/webhooks/${opts.topic}`, { method: "POST", body, headers });
}

/** A storefront request forwarded by Shopify's app proxy for the logged-in customer (null: nobody), signed as Shopify signs it. */
export function proxiedRequest(
  path: string,
  shop: string,
  customerId: number | string | null,
  init: { method?: string; form?: Record<string, string>; secret?: string } = {},
): Request {
  // The page's own query (?session=…) travels with Shopify's parameters, under the same signature.
  const [pathname, own = ""] = path.split("?");
  const query = new URLSearchParams(own);
  query.set("shop", shop);
  query.set("logged_in_customer_id", customerId === null ? "" : String(customerId));
  query.set("path_prefix", "/apps/orchard");
  query.set("timestamp", String(Math.floor(Date.now() / 1000)));
  query.set("signature", appProxySignature(init.secret ?? TEST_API_SECRET, query));
  return new Request(`https://orchard.example.com/proxy${pathname}?${query.toString()}`, {
    method: init.method ?? (init.form ? "POST" : "GET"),
    headers: { "content-type": "application/x-www-form-urlencoded", "accept-language": "en-US" },
    body: init.form ? new URLSearchParams(init.form) : undefined,
  });
}

/** The status a loader or action answered with, thrown or returned (data: 200); anything thrown that is not a Response fails the test. */
export async function statusOf(run: () => unknown): Promise<number> {
  try {
    const result = await run();
    return result instanceof Response ? result.status : 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}
