import { createHmac } from "node:crypto";
import { Liquid } from "liquidjs";
import { escapeHtml, html, type Router, type SimRequest, type SimResponse } from "../http";
import type { SimulatorContext } from "../context";
import type { ShopRecord } from "../store";

/**
 * The app proxy and the customer accounts it needs, as Shopify runs them for an online store:
 *   - /account/login: a customer signs in (here by email alone: the simulator plays the customer,
 *     not their password), which Shopify remembers in a cookie;
 *   - /{prefix}/{subpath}/…: forwarded to the app's proxy URL with Shopify's query (shop,
 *     logged_in_customer_id, path_prefix, timestamp) and its signature (HMAC-SHA256, hex, over the
 *     sorted key=value pairs joined without separator); a Liquid answer is rendered inside the
 *     store's page, anything else is passed through, redirects included.
 * Both live at the store's root (/apps/…, /account/…) as on a shop's domain; the store is the one
 * whose pages the browser visited last (a cookie), since every store here shares one host.
 */
export const STORE_COOKIE = "storefront_shop";
const CUSTOMER_COOKIE = "storefront_customer";

const cookie = (req: SimRequest, name: string) => new RegExp(`(?:^|;\\s*)${name}=([^;]+)`).exec(String(req.headers.cookie ?? ""))?.[1];

/** The store the browser last visited, as Shopify's root paths (/account, /apps) are on the shop's own domain. */
export const currentShop = (sim: SimulatorContext, req: SimRequest) => sim.store.shop(decodeURIComponent(cookie(req, STORE_COOKIE) ?? ""));

export function storeCookie(shop: ShopRecord): string {
  return `${STORE_COOKIE}=${shop.domain}; Path=/; SameSite=Lax`;
}

/** The customer signed in to this store, if any. */
export function signedInCustomer(req: SimRequest, shop: ShopRecord): number | null {
  const [domain, id] = decodeURIComponent(cookie(req, CUSTOMER_COOKIE) ?? "").split("|");
  return domain === shop.domain && id && shop.customers.has(Number(id)) ? Number(id) : null;
}

export function appProxySignature(secret: string, params: URLSearchParams): string {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of params) if (key !== "signature") grouped.set(key, [...(grouped.get(key) ?? []), value]);
  const message = [...grouped.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, values]) => `${key}=${values.join(",")}`)
    .join("");
  return createHmac("sha256", secret).update(message).digest("hex");
}

const liquid = new Liquid();

export function appProxyRoutes(
  sim: SimulatorContext,
  router: Router,
  /** The page around a proxied answer: its header names a signed-in customer rather than offering "Log in", as a theme's does. */
  layout: (shop: ShopRecord, title: string, body: string, signedInAs?: string) => string,
): void {
  const noStore = html(`<h1>Open a store first</h1><p><a href="/">Choose a store</a>.</p>`, 404);

  const loginForm = (shop: ShopRecord, returnUrl: string, error = "") =>
    layout(
      shop,
      "Log in",
      `<h1>Log in</h1>${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ""}
<form method="post" action="/account/login"><input type="hidden" name="return_url" value="${escapeHtml(returnUrl)}">
<label>Email <input type="email" name="email" autocomplete="email" required></label>
<p><button type="submit">Log in</button></p></form>`,
    );

  const safeReturn = (value: string | null) => (value && /^\/[^/\\]/.test(value) ? value : "/");

  router.on("GET", "/account/login", (req) => {
    const shop = currentShop(sim, req);
    return shop ? html(loginForm(shop, safeReturn(req.url.searchParams.get("return_url")))) : noStore;
  });

  router.on("POST", "/account/login", (req) => {
    const shop = currentShop(sim, req);
    if (!shop) return noStore;
    const form = new URLSearchParams(req.rawBody);
    const email = (form.get("email") ?? "").trim().toLowerCase();
    const customer = [...shop.customers.values()].find((c) => c.email.toLowerCase() === email);
    const returnUrl = safeReturn(form.get("return_url"));
    if (!customer) return html(loginForm(shop, returnUrl, "No account with this email."), 401);
    return {
      status: 303,
      headers: {
        location: returnUrl,
        "set-cookie": `${CUSTOMER_COOKIE}=${encodeURIComponent(`${shop.domain}|${customer.id}`)}; Path=/; HttpOnly; SameSite=Lax`,
      },
    };
  });

  const config = sim.appConfig.appProxy;
  if (!config) return;
  for (const method of ["GET", "POST"]) {
    router.on(method, `/${config.prefix}/${config.subpath}/:rest*`, async (req) => {
      const shop = currentShop(sim, req);
      if (!shop) return noStore;
      if (!sim.appUrl) return html("<h1>Page not found</h1>", 404);
      return forward(req, shop, config);
    });
  }

  async function forward(
    req: SimRequest,
    shop: ShopRecord,
    config: NonNullable<SimulatorContext["appConfig"]["appProxy"]>,
  ): Promise<SimResponse> {
    const query = new URLSearchParams(req.url.search);
    for (const key of ["shop", "logged_in_customer_id", "path_prefix", "timestamp", "signature"]) query.delete(key);
    query.set("shop", shop.domain);
    query.set("logged_in_customer_id", String(signedInCustomer(req, shop) ?? ""));
    query.set("path_prefix", `/${config.prefix}/${config.subpath}`);
    // Wall time, like session tokens: the app checks it against its own clock.
    query.set("timestamp", String(Math.floor(Date.now() / 1000)));
    query.set("signature", appProxySignature(sim.apiSecret, query));
    const target = new URL(`${config.path}/${req.params.rest ?? ""}`.replace(/\/+$/, "") + `?${query.toString()}`, sim.appUrl!);
    const response = await fetch(target, {
      method: req.method,
      redirect: "manual",
      headers: {
        "content-type": String(req.headers["content-type"] ?? "application/x-www-form-urlencoded"),
        "accept-language": String(req.headers["accept-language"] ?? "en"),
        "user-agent": String(req.headers["user-agent"] ?? ""),
      },
      body: req.method === "POST" ? req.rawBody : undefined,
    });
    const body = await response.text();
    if (response.status >= 300 && response.status < 400) {
      return { status: response.status, headers: { location: response.headers.get("location") ?? "/" } };
    }
    if ((response.headers.get("content-type") ?? "").startsWith("application/liquid")) {
      const layoutNone = body.trimStart().startsWith("{% layout none %}");
      const customerId = signedInCustomer(req, shop);
      const customer = customerId === null ? undefined : shop.customers.get(customerId);
      // Shopify's Liquid objects on a proxied page include the signed-in customer.
      const rendered = await liquid.parseAndRender(layoutNone ? body.trimStart().slice("{% layout none %}".length) : body, {
        shop: { name: shop.name },
        customer: customer && { id: customer.id, email: customer.email, first_name: customer.firstName, last_name: customer.lastName },
      });
      return html(layoutNone ? rendered : layout(shop, shop.name, rendered, customer?.email), response.status);
    }
    return { status: response.status, headers: { "content-type": response.headers.get("content-type") ?? "text/plain" }, body };
  }
}
