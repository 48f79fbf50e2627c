import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { automaticDiscountOf, codeDiscountOf } from "../admin-api/discounts";
import { CheckoutError, completeCheckout } from "../checkout";
import { escapeHtml, html, json, type Router, type SimRequest, type SimResponse } from "../http";
import type { SimulatorContext } from "../context";
import { onSale, type CartLineRecord, type ShopRecord } from "../store";
import { appProxyRoutes, currentShop, signedInCustomer, storeCookie } from "./app-proxy";
import { CartDrop, cartItems } from "./drops";
import { OnlineStore, STANDARD_EVENTS_STAND_IN, storefrontRoot, type StorePage } from "./online-store";
import { loadThemeExtensions } from "./theme-extensions";
import { formatMoney, moneyFormatsFor } from "./theme/money";
import { themeSource } from "./theme/theme-library";
import { ThemeNotFound } from "./theme/theme-source";

/**
 * The online store's HTTP surface: theme-rendered pages (online-store.ts), the AJAX cart API
 * (/cart/add, /cart/change, /cart/update, /cart.js, with the Section Rendering API's `sections`),
 * the theme's and extensions' assets, cart permalinks, and the simulator's own checkout.
 */
const standardEventsSource = readFileSync(join(import.meta.dirname, "..", "public", "standard-events.js"), "utf8");

const cartError = (status: number, description: string) => json(status, { status, message: "Cart Error", description });

const CONTENT_TYPES: Record<string, string> = {
  ".js": "text/javascript",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".png": "image/png",
  ".woff2": "font/woff2",
};

function cartToken(req: SimRequest): string | undefined {
  return /(?:^|;\s*)cart=([a-f0-9]+)/.exec(String(req.headers.cookie ?? ""))?.[1];
}

function cartOf(shop: ShopRecord, req: SimRequest): { token: string; lines: CartLineRecord[]; cookie?: string } {
  const existing = cartToken(req);
  if (existing && shop.carts.has(existing)) return { token: existing, lines: shop.carts.get(existing)! };
  const token = randomBytes(12).toString("hex");
  shop.carts.set(token, []);
  return { token, lines: shop.carts.get(token)!, cookie: `cart=${token}; Path=${storefrontRoot(shop)}; SameSite=Lax` };
}

/** A request's fields, whether JSON, a urlencoded form or a multipart form (a theme's `new FormData(form)`). */
async function fieldsOf(req: SimRequest): Promise<URLSearchParams | Record<string, unknown> | null> {
  const contentType = String(req.headers["content-type"] ?? "");
  if (contentType.includes("application/json")) {
    const body = req.json<Record<string, unknown>>();
    return body && typeof body === "object" && !Array.isArray(body) ? body : null;
  }
  if (contentType.includes("multipart/form-data")) {
    try {
      const form = await new Response(req.rawBody, { headers: { "content-type": contentType } }).formData();
      const fields = new URLSearchParams();
      for (const [key, value] of form) if (typeof value === "string") fields.append(key, value);
      return fields;
    } catch {
      return null;
    }
  }
  return new URLSearchParams(req.rawBody);
}

const field = (fields: URLSearchParams | Record<string, unknown>, name: string): unknown =>
  fields instanceof URLSearchParams ? (fields.get(name) ?? undefined) : fields[name];

/** `sections` as a comma-separated string, repeated fields or a JSON array; at most five, as on Shopify. */
function sectionsAsked(fields: URLSearchParams | Record<string, unknown>): string[] {
  const raw = fields instanceof URLSearchParams ? [...fields.getAll("sections"), ...fields.getAll("sections[]")] : fields.sections;
  const list = (Array.isArray(raw) ? raw : [raw]).flatMap((value) => (typeof value === "string" ? value.split(",") : []));
  return [...new Set(list.map((s) => s.trim()).filter(Boolean))].slice(0, 5);
}

interface AddInput {
  id: number;
  quantity: number;
  sellingPlanId: number | null;
  properties: Record<string, string>;
}

/** Form fields as Shopify's cart reads them: `id`…, or `items[0][id]`… / `items[][id]`… for several. */
function formItems(form: URLSearchParams): Record<string, unknown>[] {
  const items = new Map<string, Record<string, unknown>>();
  let anonymous = 0;
  for (const [key, value] of form) {
    const match = /^items\[(\d*)\]\[(\w+)\](?:\[(.+)\])?$/.exec(key);
    if (!match) continue;
    const index = match[1] === "" ? String(match[2] === "id" ? anonymous++ : anonymous - 1) : match[1]!;
    const item = items.get(index) ?? { properties: {} };
    if (match[3] && match[2] === "properties") (item.properties as Record<string, string>)[match[3]] = value;
    else item[match[2]!] = value;
    items.set(index, item);
  }
  if (items.size) return [...items.values()];
  const properties: Record<string, string> = {};
  for (const [key, value] of form) {
    const name = /^properties\[(.+)\]$/.exec(key)?.[1];
    if (name) properties[name] = value;
  }
  return [{ id: form.get("id"), quantity: form.get("quantity") ?? 1, selling_plan: form.get("selling_plan"), properties }];
}

function parseAddInput(fields: URLSearchParams | Record<string, unknown>): AddInput[] | null {
  const raw =
    fields instanceof URLSearchParams
      ? formItems(fields)
      : Array.isArray(fields.items)
        ? (fields.items as Record<string, unknown>[])
        : [fields];
  const parsed = raw.map((item) => ({
    id: Number(item?.id),
    quantity: item?.quantity === undefined || item.quantity === null || item.quantity === "" ? 1 : Number(item.quantity),
    sellingPlanId:
      item?.selling_plan === undefined || item.selling_plan === null || item.selling_plan === "" ? null : Number(item.selling_plan),
    properties: Object.fromEntries(
      Object.entries((item?.properties as Record<string, unknown> | undefined) ?? {}).map(([k, v]) => [k, String(v)]),
    ),
  }));
  const valid = parsed.every(
    (item) =>
      Number.isSafeInteger(item.id) &&
      Number.isSafeInteger(item.quantity) &&
      item.quantity > 0 &&
      (item.sellingPlanId === null || Number.isSafeInteger(item.sellingPlanId)),
  );
  return valid && parsed.length > 0 ? parsed : null;
}

/** Adds the items, newest line first as Shopify lists them; an item equal to a line in all but quantity joins it. */
function addToCart(sim: SimulatorContext, shop: ShopRecord, lines: CartLineRecord[], items: AddInput[]): SimResponse | CartLineRecord[] {
  for (const item of items) {
    const found = sim.store.findVariant(shop, item.id);
    if (!found || !onSale(found.product)) return cartError(404, "Cannot find variant");
    if (item.sellingPlanId !== null && !sim.store.sellingPlanFor(shop, found.product.id, found.variant.id, item.sellingPlanId)) {
      return cartError(422, "Selling plan is not available for this variant");
    }
    if (item.sellingPlanId === null && found.product.requiresSellingPlan)
      return cartError(422, `${found.product.title} can only be purchased with a selling plan`);
  }
  const added: CartLineRecord[] = [];
  for (const item of items) {
    const key = `${item.id}:${createHash("md5")
      .update(JSON.stringify([item.sellingPlanId, item.properties]))
      .digest("hex")}`;
    let line = lines.find((l) => l.key === key);
    if (line) line.quantity += item.quantity;
    else {
      line = { key, variantId: item.id, quantity: item.quantity, sellingPlanId: item.sellingPlanId, properties: item.properties };
      lines.unshift(line);
    }
    added.push(line);
  }
  return added;
}

/** The simulator's own pages (checkout, login, app proxy answers): Shopify's checkout is not the theme's either. */
function page(shop: ShopRecord, title: string, body: string, signedInAs?: string): string {
  const root = storefrontRoot(shop);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · ${escapeHtml(shop.name)}</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1a1a1a; }
  header { display: flex; justify-content: space-between; padding: 16px 24px; border-bottom: 1px solid #e5e5e5; }
  header a { color: inherit; }
  main { max-width: 960px; margin: 24px auto; padding: 0 24px; }
  button, .button { background: #1a1a1a; color: #fff; border: 0; border-radius: 8px; padding: 12px 20px; font: inherit; cursor: pointer; }
  label { display: block; }
  table { width: 100%; border-collapse: collapse; } td, th { text-align: left; padding: 8px; border-bottom: 1px solid #eee; }
  .error { color: #8e1f0b; }
</style>
</head>
<body>
<header><a href="${root}">${escapeHtml(shop.name)}</a><nav>${signedInAs ? `Signed in as ${escapeHtml(signedInAs)}` : `<a href="/account/login?return_url=${encodeURIComponent(root)}">Log in</a>`} · <a href="${root}cart">Cart</a></nav></header>
<main>${body}</main>
</body>
</html>`;
}

/** The countries the simulator's checkout ships to (a real store's are its shipping zones'). */
const COUNTRIES = ["US", "CA", "FR", "GB", "DE", "AU"];
const countryNames = new Intl.DisplayNames("en", { type: "region" });
const labelled = (id: string, label: string, control: string) => `<label for="${id}">${escapeHtml(label)}</label>${control}`;
const input = (id: string, label: string, autocomplete: string, required = true) =>
  labelled(id, label, `<input id="${id}" name="${id}" autocomplete="${autocomplete}"${required ? " required" : ""}>`);

/** The code a shopper's /discount/ link left for checkout to apply. */
const discountCookie = (req: SimRequest) => {
  const value = /(?:^|;\s*)discount_code=([^;]+)/.exec(String(req.headers.cookie ?? ""))?.[1];
  return value ? decodeURIComponent(value) : undefined;
};

function checkoutPage(sim: SimulatorContext, shop: ShopRecord, req: SimRequest, error?: string): SimResponse {
  const { token, lines } = cartOf(shop, req);
  const cart = new CartDrop(
    token,
    cartItems(sim.store, shop, lines, storefrontRoot(shop)),
    {},
    { iso_code: shop.currencyCode },
    `${storefrontRoot(shop)}cart`,
  );
  const money = (cents: number) => escapeHtml(formatMoney(cents, moneyFormatsFor(shop.currencyCode).money_format).replace(/&nbsp;/g, " "));
  const root = storefrontRoot(shop);
  const discount =
    req.url.searchParams.get("discount") ?? new URLSearchParams(req.rawBody ?? "").get("discount") ?? discountCookie(req) ?? null;
  // What the code (or an automatic discount for every buyer) takes off, shown before the shopper
  // pays; their email, and so a code used once before or a discount for listed customers, is not
  // known yet: checkout applies those when they pay.
  const items = cart.items.map((item) => ({
    priceMinor: item.final_line_price,
    quantity: 1,
    sellingPlanId: item.selling_plan_allocation ? 1 : null,
  }));
  const priced =
    (discount ? codeDiscountOf(shop, discount, items, null, sim.clock.now()) : null) ??
    automaticDiscountOf(shop, items, null, sim.clock.now());
  const off = priced ? priced.perLine.reduce((sum, amount) => sum + amount, 0) : 0;
  const plan = (item: (typeof cart.items)[number]) =>
    (item.selling_plan_allocation as { selling_plan: { name: string } } | undefined)?.selling_plan.name;
  const body = `<h1>Checkout</h1>
<ul>${cart.items.map((i) => `<li>${escapeHtml(i.title)} × ${i.quantity}${plan(i) ? ` (${escapeHtml(plan(i))})` : ""} · ${money(i.final_line_price)}</li>`).join("")}</ul>
${off ? `<p>Discount: <strong>−${money(off)}</strong></p>` : ""}
<p>Total: <strong data-checkout-total>${money(cart.total_price - off)}</strong></p>
<form method="post" action="${root}checkout">
  ${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ""}
  ${discount ? `<p>Discount code: <strong>${escapeHtml(discount)}</strong></p><input type="hidden" name="discount" value="${escapeHtml(discount)}">` : ""}
  <label for="email">Email</label><input id="email" name="email" type="email" required autocomplete="email">
  <p><input id="acceptsMarketing" name="acceptsMarketing" type="checkbox" value="1"> <label for="acceptsMarketing">Email me with news and offers</label></p>
  <h2>Delivery</h2>
  ${labelled("countryCode", "Country/Region", `<select id="countryCode" name="countryCode" required autocomplete="country">${COUNTRIES.map((code) => `<option value="${code}">${escapeHtml(countryNames.of(code) ?? code)}</option>`).join("")}</select>`)}
  ${input("firstName", "First name (optional)", "given-name", false)}
  ${input("lastName", "Last name", "family-name")}
  ${input("address1", "Address", "address-line1")}
  ${input("address2", "Apartment, suite, etc. (optional)", "address-line2", false)}
  ${input("city", "City", "address-level2")}
  ${input("province", "State/province (optional)", "address-level1", false)}
  ${input("zip", "Postal code", "postal-code")}
  <h2>Payment</h2>
  ${input("cardNumber", "Card number", "cc-number")}
  ${input("cardExpiry", "Expiration date (MM / YY)", "cc-exp")}
  ${input("cardName", "Name on card", "cc-name")}
  <p><button type="submit">Pay now</button></p>
</form>`;
  return html(page(shop, "Checkout", body), error ? 422 : 200);
}

/** The browser's current store, for the pages every store serves at its root (app proxy, login). */
function withStoreCookie(shop: ShopRecord, response: SimResponse): SimResponse {
  const cookies = [response.headers?.["set-cookie"] ?? [], storeCookie(shop)].flat();
  return { ...response, headers: { ...response.headers, "set-cookie": cookies } };
}

/** A theme's AJAX request (fetch with X-Requested-With, or asking for JSON) gets JSON; a plain form post is redirected. */
const wantsJson = (req: SimRequest, path: string) =>
  path.endsWith(".js") ||
  req.headers["x-requested-with"] === "XMLHttpRequest" ||
  /application\/json/.test(String(req.headers.accept ?? ""));

export function storefrontRoutes(
  sim: SimulatorContext,
  router: Router,
  options: { extensionsRoot?: string; themesRoot?: string } = {},
): void {
  appProxyRoutes(sim, router, page);
  const extensions = loadThemeExtensions(options.extensionsRoot);
  const store = new OnlineStore(sim, extensions, options.themesRoot);
  const shopFor = (handle: string | undefined) => sim.store.shop(`${handle ?? ""}.myshopify.com`);
  const notFound = html("<h1>Page not found</h1>", 404);

  const cartDrop = (shop: ShopRecord, token: string, lines: CartLineRecord[]) =>
    new CartDrop(
      token,
      cartItems(sim.store, shop, lines, storefrontRoot(shop)),
      shop.cartAttributes.get(token) ?? {},
      { iso_code: shop.currencyCode },
      `${storefrontRoot(shop)}cart`,
    );

  /** The page a path shows (a product, the cart or the home page), for rendering it or its sections. */
  const pageAt = (shop: ShopRecord, url: URL, cart: CartDrop): StorePage | null => {
    const root = storefrontRoot(shop);
    // The store's home is its root with or without the trailing slash.
    const pathname = `${url.pathname}/` === root ? root : url.pathname;
    const path = pathname.startsWith(root) ? pathname.slice(root.length) : pathname.replace(/^\//, "");
    const locale = url.searchParams.get("locale") ?? "en";
    const designMode = url.searchParams.get("design_mode") === "1";
    const handle = /^products\/([^/]+)\/?$/.exec(path)?.[1];
    if (handle) {
      const product = [...shop.products.values()].find((p) => p.handle === decodeURIComponent(handle) && onSale(p));
      if (!product) return null;
      const optionValues = (url.searchParams.get("option_values") ?? "").split(",").map(Number).filter(Number.isSafeInteger);
      return {
        template: "product",
        product,
        selected: {
          variantId: Number(url.searchParams.get("variant")) || undefined,
          sellingPlanId: Number(url.searchParams.get("selling_plan")) || undefined,
          optionValueIds: optionValues.filter((n) => n > 0),
        },
        locale,
        cart,
        designMode,
        path: url.pathname,
      };
    }
    if (path === "cart" || path === "cart/") return { template: "cart", locale, cart, designMode, path: url.pathname };
    if (path === "account") return { template: "customers/account", locale, cart, designMode, path: url.pathname };
    if (path === "") return { template: "index", locale, cart, designMode, path: url.pathname };
    return null;
  };

  const rendered = async (shop: ShopRecord, req: SimRequest): Promise<SimResponse> => {
    const { token, lines, cookie } = cartOf(shop, req);
    const page = pageAt(shop, req.url, cartDrop(shop, token, lines));
    if (!page) return notFound;
    const customerId = signedInCustomer(req, shop);
    const target = { ...page, customer: customerId === null ? undefined : shop.customers.get(customerId) };
    const withCookie = (response: SimResponse) =>
      withStoreCookie(shop, cookie ? { ...response, headers: { ...response.headers, "set-cookie": cookie } } : response);
    try {
      const sectionId = req.url.searchParams.get("section_id");
      if (sectionId) {
        const section = (await store.renderSections(shop, target, [sectionId]))[sectionId];
        return withCookie(section ? html(section) : notFound);
      }
      const asked = sectionsAsked(req.url.searchParams);
      if (asked.length) return withCookie(json(200, await store.renderSections(shop, target, asked)));
      return withCookie(html(await store.renderPage(shop, target)));
    } catch (error) {
      if (error instanceof ThemeNotFound) return html(`<h1>No theme</h1><p>${escapeHtml(error.message)}</p>`, 500);
      throw error;
    }
  };

  router.on("GET", "/storefront/:store", async (req) => {
    const shop = shopFor(req.params.store);
    return shop ? rendered(shop, req) : notFound;
  });
  router.on("GET", "/storefront/:store/products/:handle", async (req) => {
    const shop = shopFor(req.params.store);
    return shop ? rendered(shop, req) : notFound;
  });
  router.on("GET", "/storefront/:store/cart", async (req) => {
    const shop = shopFor(req.params.store);
    return shop ? rendered(shop, req) : notFound;
  });
  // A classic customer account's page, on the shop's domain: the theme's customers/account template
  // for the signed-in customer; anyone else is sent to log in first, as Shopify does.
  router.on("GET", "/account", async (req) => {
    const shop = currentShop(sim, req);
    if (!shop) return notFound;
    if (signedInCustomer(req, shop) === null) return { status: 302, headers: { location: "/account/login?return_url=%2Faccount" } };
    return rendered(shop, req);
  });

  // The Product Recommendations API: a section rendered with the recommendations for a product.
  router.on("GET", "/storefront/:store/recommendations/products", async (req) => {
    const shop = shopFor(req.params.store);
    const product = shop?.products.get(Number(req.url.searchParams.get("product_id")));
    const sectionId = req.url.searchParams.get("section_id");
    if (!shop || !product || !onSale(product)) return cartError(404, "Product not found");
    const { token, lines } = cartOf(shop, req);
    const target: StorePage = {
      template: "product",
      product,
      locale: req.url.searchParams.get("locale") ?? "en",
      cart: cartDrop(shop, token, lines),
      path: req.url.pathname,
      recommendationsFor: {
        product,
        limit: Math.min(10, Math.max(1, Number(req.url.searchParams.get("limit")) || 10)),
        intent: req.url.searchParams.get("intent") === "complementary" ? "complementary" : "related",
      },
    };
    if (!sectionId) return json(200, { products: [] });
    const section = (await store.renderSections(shop, target, [sectionId]))[sectionId];
    return section ? html(section) : notFound;
  });

  router.on("GET", STANDARD_EVENTS_STAND_IN, () => ({
    status: 200,
    headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "max-age=300" },
    body: standardEventsSource,
  }));

  const asset = (dir: string, file: string): SimResponse => {
    const path = normalize(join(dir, file));
    if (!path.startsWith(dir) || !existsSync(path)) return notFound;
    const type = CONTENT_TYPES[extname(path)] ?? "application/octet-stream";
    return { status: 200, headers: { "content-type": `${type}; charset=utf-8`, "cache-control": "max-age=300" }, body: readFileSync(path) };
  };
  router.on("GET", "/storefront/:store/extensions/:extension/assets/:file", (req) => {
    const extension = extensions.find((e) => e.name === req.params.extension);
    return extension ? asset(join(extension.dir, "assets"), req.params.file ?? "") : notFound;
  });
  router.on("GET", "/storefront/:store/theme/assets/:file", (req) => {
    const shop = shopFor(req.params.store);
    return shop ? asset(join(themeSource(shop.theme.folder, options.themesRoot).dir, "assets"), req.params.file ?? "") : notFound;
  });
  router.on("GET", "/storefront/:store/theme/compiled_assets/:file", (req) => {
    const shop = shopFor(req.params.store);
    if (!shop) return notFound;
    const compiled = themeSource(shop.theme.folder, options.themesRoot).compiledAssets();
    if (req.params.file === "styles.css")
      return { status: 200, headers: { "content-type": "text/css; charset=utf-8" }, body: compiled.styles };
    if (req.params.file === "scripts.js")
      return { status: 200, headers: { "content-type": "text/javascript; charset=utf-8" }, body: compiled.scripts };
    return notFound;
  });

  const cartJson = (req: SimRequest) => {
    const shop = shopFor(req.params.store);
    if (!shop) return notFound;
    const { token, lines, cookie } = cartOf(shop, req);
    return json(200, cartDrop(shop, token, lines).toJSON(), cookie ? { "set-cookie": cookie } : {});
  };
  router.on("GET", "/storefront/:store/cart.js", cartJson);
  router.on("GET", "/storefront/:store/cart.json", cartJson);

  /**
   * A cart change's answer: JSON for the theme's scripts, with the sections it asked for rendered
   * in the context of `sections_url` (the page it shows), or a redirect to the cart for a form post.
   */
  const answer = async (
    shop: ShopRecord,
    req: SimRequest,
    fields: URLSearchParams | Record<string, unknown>,
    body: (cart: CartDrop) => unknown,
    cookie?: string,
  ): Promise<SimResponse> => {
    const headers: Record<string, string> = cookie ? { "set-cookie": cookie } : {};
    if (!wantsJson(req, req.url.pathname)) return { status: 302, headers: { ...headers, location: `${storefrontRoot(shop)}cart` } };
    const { token, lines } = cartOf(shop, { ...req, headers: { ...req.headers, cookie: cookie ?? req.headers.cookie } });
    const cart = cartDrop(shop, token, lines);
    const asked = sectionsAsked(fields);
    const answerBody = body(cart) as Record<string, unknown>;
    if (asked.length) {
      const from = new URL(String(field(fields, "sections_url") ?? storefrontRoot(shop)), "http://store.local");
      const target = pageAt(shop, from, cart) ?? pageAt(shop, new URL(storefrontRoot(shop), "http://store.local"), cart)!;
      answerBody.sections = await store.renderSections(shop, target, asked);
    }
    return json(200, answerBody, headers);
  };

  const add = async (req: SimRequest) => {
    const shop = shopFor(req.params.store);
    if (!shop) return notFound;
    const fields = await fieldsOf(req);
    const input = fields ? parseAddInput(fields) : null;
    if (!fields || !input) return cartError(400, "Parameter Missing or Invalid");
    const { lines, cookie } = cartOf(shop, req);
    const result = addToCart(sim, shop, lines, input);
    if (!Array.isArray(result)) return result;
    const single =
      field(fields, "items") === undefined &&
      !(fields instanceof URLSearchParams && [...fields.keys()].some((k) => k.startsWith("items[")));
    return answer(
      shop,
      req,
      fields,
      (cart) => {
        const items = result.map((line) => cart.items.find((item) => item.key === line.key)!);
        return single ? { ...items[0] } : { items };
      },
      cookie,
    );
  };
  router.on("POST", "/storefront/:store/cart/add.js", add);
  router.on("POST", "/storefront/:store/cart/add", add);

  /** /cart/change: by line (1-based, in the cart's order) or by line key or variant id; quantity 0 removes the line. */
  const change = async (req: SimRequest) => {
    const shop = shopFor(req.params.store);
    if (!shop) return notFound;
    // A line's removal link (line_item.url_to_remove) is a GET with the fields in its query.
    const fields = req.method === "GET" ? req.url.searchParams : await fieldsOf(req);
    const { lines } = cartOf(shop, req);
    const line = fields ? field(fields, "line") : undefined;
    const id = fields ? field(fields, "id") : undefined;
    const quantity = Number(fields ? field(fields, "quantity") : NaN);
    const index =
      line !== undefined && line !== null
        ? Number(line) - 1
        : lines.findIndex((l) => l.key === String(id) || String(l.variantId) === String(id));
    if (!fields || !Number.isSafeInteger(quantity) || quantity < 0 || !lines[index]) return cartError(400, "no valid id or line parameter");
    if (quantity === 0) lines.splice(index, 1);
    else lines[index]!.quantity = quantity;
    return answer(shop, req, fields, (cart) => cart.toJSON());
  };
  router.on("POST", "/storefront/:store/cart/change.js", change);
  router.on("POST", "/storefront/:store/cart/change", change);
  router.on("GET", "/storefront/:store/cart/change", change);

  /** /cart/update: updates[key or variant]=quantity (or updates[]= in line order), attributes[name]=value. */
  const update = async (req: SimRequest) => {
    const shop = shopFor(req.params.store);
    if (!shop) return notFound;
    const fields = await fieldsOf(req);
    if (!fields) return cartError(400, "Parameter Missing or Invalid");
    const { token, lines } = cartOf(shop, req);
    const updates: [string, number][] =
      fields instanceof URLSearchParams
        ? [...fields].flatMap(([key, value]) => {
            const name = /^updates\[(.*)\]$/.exec(key)?.[1];
            return name === undefined ? [] : [[name, Number(value)] as [string, number]];
          })
        : Object.entries((fields.updates as Record<string, unknown>) ?? {}).map(([k, v]) => [k, Number(v)]);
    if (updates.some(([, quantity]) => !Number.isSafeInteger(quantity) || quantity < 0)) return cartError(422, "Invalid quantity");
    const positional = updates.filter(([name]) => name === "");
    positional.forEach(([, quantity], index) => {
      if (lines[index]) lines[index].quantity = quantity;
    });
    for (const [name, quantity] of updates.filter(([n]) => n !== "")) {
      const target = lines.find((l) => l.key === name) ?? lines.find((l) => String(l.variantId) === name);
      if (target) target.quantity = quantity;
    }
    lines.splice(0, lines.length, ...lines.filter((l) => l.quantity > 0));
    if (fields instanceof URLSearchParams) {
      const attributes = shop.cartAttributes.get(token) ?? {};
      for (const [key, value] of fields) {
        const name = /^attributes\[(.+)\]$/.exec(key)?.[1];
        if (name) attributes[name] = value;
      }
      shop.cartAttributes.set(token, attributes);
      // The cart form's checkout button (form 'cart', name="checkout") goes on to checkout.
      if (fields.has("checkout") && !wantsJson(req, req.url.pathname))
        return { status: 302, headers: { location: `${storefrontRoot(shop)}checkout` } };
    }
    return answer(shop, req, fields, (cart) => cart.toJSON());
  };
  router.on("POST", "/storefront/:store/cart/update.js", update);
  router.on("POST", "/storefront/:store/cart/update", update);
  router.on("POST", "/storefront/:store/cart", update);

  router.on("POST", "/storefront/:store/cart/clear.js", (req) => {
    const shop = shopFor(req.params.store);
    if (!shop) return notFound;
    const { token, lines } = cartOf(shop, req);
    lines.splice(0);
    return json(200, cartDrop(shop, token, lines).toJSON());
  });

  // Cart permalinks: /cart/{variant_id}:{quantity},… start a new cart and go to checkout.
  router.on("GET", "/storefront/:store/cart/:items", (req) => {
    const shop = shopFor(req.params.store);
    if (!shop) return notFound;
    const pairs = (req.params.items ?? "").split(",").map((pair) => pair.split(":").map(Number));
    if (!pairs.every((p) => p.length === 2 && p.every((n) => Number.isSafeInteger(n) && n > 0))) return notFound;
    const token = randomBytes(12).toString("hex");
    const lines: CartLineRecord[] = [];
    const result = addToCart(
      sim,
      shop,
      lines,
      pairs.map(([id, quantity]) => ({ id: id!, quantity: quantity!, sellingPlanId: null, properties: {} })),
    );
    if (!Array.isArray(result)) return notFound;
    // A permalink lists its lines in the order given.
    lines.reverse();
    shop.carts.set(token, lines);
    // attributes[name]=value parameters become the new cart's attributes, as on Shopify.
    const attributes: Record<string, string> = {};
    for (const [key, value] of req.url.searchParams) {
      const name = /^attributes\[(.+)\]$/.exec(key)?.[1];
      if (name) attributes[name] = value;
    }
    shop.cartAttributes.set(token, attributes);
    const discount = req.url.searchParams.get("discount");
    return {
      status: 302,
      headers: {
        "set-cookie": `cart=${token}; Path=${storefrontRoot(shop)}; SameSite=Lax`,
        location: `${storefrontRoot(shop)}checkout${discount ? `?discount=${encodeURIComponent(discount)}` : ""}`,
      },
    };
  });

  // Shopify's shareable discount link: the code is kept for checkout, the shopper goes on to the
  // page the link names (a path of the store) or the home page.
  router.on("GET", "/storefront/:store/discount/:code", (req) => {
    const shop = shopFor(req.params.store);
    if (!shop) return notFound;
    const redirect = req.url.searchParams.get("redirect") ?? "";
    const root = storefrontRoot(shop);
    const target = /^\/(?!\/)[\w\-./]*$/.test(redirect) ? `${root}${redirect.slice(1)}` : root;
    return {
      status: 302,
      headers: { "set-cookie": `discount_code=${encodeURIComponent(req.params.code ?? "")}; Path=${root}; SameSite=Lax`, location: target },
    };
  });

  router.on("GET", "/storefront/:store/checkout", (req) => {
    const shop = shopFor(req.params.store);
    return shop ? checkoutPage(sim, shop, req) : notFound;
  });

  router.on("POST", "/storefront/:store/checkout", async (req) => {
    const shop = shopFor(req.params.store);
    if (!shop) return notFound;
    const { token, lines } = cartOf(shop, req);
    const form = new URLSearchParams(req.rawBody);
    const email = form.get("email") ?? "";
    const discount = form.get("discount") ?? discountCookie(req) ?? null;
    try {
      const { order, contracts } = await completeCheckout(sim, shop, {
        email,
        attributes: shop.cartAttributes.get(token) ?? {},
        discountCodes: discount ? [discount] : [],
        shippingAddress: {
          firstName: form.get("firstName") ?? "",
          lastName: form.get("lastName") ?? "",
          address1: form.get("address1") ?? "",
          address2: form.get("address2") ?? "",
          city: form.get("city") ?? "",
          province: form.get("province") ?? "",
          zip: form.get("zip") ?? "",
          countryCode: form.get("countryCode") ?? "",
        },
        card: { number: form.get("cardNumber") ?? "", expiry: form.get("cardExpiry") ?? "", name: form.get("cardName") ?? "" },
        acceptsMarketing: form.get("acceptsMarketing") === "1",
        // The order lists the cart's lines oldest first, as they were chosen.
        lines: [...lines].reverse().map((l) => ({
          variantId: l.variantId,
          quantity: l.quantity,
          sellingPlanId: l.sellingPlanId,
          properties: l.properties,
        })),
      });
      lines.splice(0);
      shop.cartAttributes.delete(token);
      const subscriptions = contracts.length
        ? `<p>You subscribed: ${contracts.map((c) => escapeHtml(c.lines[0]!.sellingPlanName)).join(", ")}.</p>`
        : "";
      return html(page(shop, "Thank you", `<h1>Thank you!</h1><p>Order #${order.number} is confirmed.</p>${subscriptions}`));
    } catch (error) {
      if (error instanceof CheckoutError) return checkoutPage(sim, shop, req, error.message);
      throw error;
    }
  });
}
