import { createHash, randomBytes } from "node:crypto";
import { readFileSync, existsSync } from "node:fs";
import { join, normalize } from "node:path";
import { CheckoutError, completeCheckout } from "../checkout";
import { escapeHtml, html, json, type Router, type SimRequest, type SimResponse } from "../http";
import { planPriceMinor } from "../pricing";
import type { Simulator } from "../server";
import type { CartLineRecord, ShopRecord } from "../store";
import { appDrop, productDrop } from "./drops";
import { hiddenFromSearch } from "../admin-api/products";
import type { Liquid, Template } from "liquidjs";
import { appProxyRoutes, storeCookie } from "./app-proxy";
import { blockIsOn } from "../theme";
import { blockSettings, createLiquid, formatMoney, loadThemeExtensions, type AppBlock, type ThemeExtension } from "./theme-extensions";

/**
 * The online store: product pages with Orchard's app blocks, the AJAX cart API (/cart/add.js,
 * /cart/change.js, /cart.js), cart permalinks and a checkout. Served under /storefront/{store}/,
 * which themes reach through window.Shopify.routes.root as they must on Shopify.
 */
const MONEY_FORMAT = "${{amount}}";

const cartError = (status: number, description: string) => json(status, { status, message: "Cart Error", description });

function storefrontRoot(shop: ShopRecord): string {
  return `/storefront/${shop.domain.replace(/\.myshopify\.com$/, "")}/`;
}

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

function cartJson(sim: Simulator, shop: ShopRecord, token: string, lines: CartLineRecord[]) {
  const items = lines.flatMap((line) => {
    const found = sim.store.findVariant(shop, line.variantId);
    if (!found) return [];
    const plan = line.sellingPlanId ? sim.store.sellingPlanFor(shop, found.product.id, found.variant.id, line.sellingPlanId) : undefined;
    const price = plan ? planPriceMinor(plan, found.variant.priceMinor, 1) : found.variant.priceMinor;
    return [
      {
        key: line.key,
        id: found.variant.id,
        variant_id: found.variant.id,
        product_id: found.product.id,
        title: `${found.product.title} - ${found.variant.title}`,
        product_title: found.product.title,
        variant_title: found.variant.title,
        handle: found.product.handle,
        url: `${storefrontRoot(shop)}products/${found.product.handle}?variant=${found.variant.id}`,
        sku: found.variant.sku,
        quantity: line.quantity,
        price,
        original_price: found.variant.priceMinor,
        final_price: price,
        line_price: price * line.quantity,
        final_line_price: price * line.quantity,
        properties: line.properties,
        requires_shipping: found.variant.requiresShipping,
        ...(plan
          ? {
              selling_plan_allocation: {
                price,
                compare_at_price: found.variant.priceMinor,
                selling_plan: { id: plan.id, name: plan.name, description: plan.description },
              },
            }
          : {}),
      },
    ];
  });
  return {
    token,
    note: null,
    attributes: {},
    currency: shop.currencyCode,
    item_count: items.reduce((sum, item) => sum + item.quantity, 0),
    total_price: items.reduce((sum, item) => sum + item.final_line_price, 0),
    requires_shipping: items.some((item) => item.requires_shipping),
    items,
  };
}

interface AddInput {
  id: number;
  quantity: number;
  sellingPlanId: number | null;
  properties: Record<string, string>;
}

/** /cart/add.js accepts JSON ({items: […]} or one item) and form posts (properties[Name]=value). */
function parseAddInput(req: SimRequest): AddInput[] | null {
  const contentType = String(req.headers["content-type"] ?? "");
  const raw: Record<string, unknown>[] = [];
  if (contentType.includes("application/json")) {
    const body = req.json<Record<string, unknown>>();
    if (!body || typeof body !== "object") return null;
    raw.push(...(Array.isArray(body.items) ? (body.items as Record<string, unknown>[]) : [body]));
  } else {
    const form = new URLSearchParams(req.rawBody);
    const properties: Record<string, string> = {};
    for (const [key, value] of form) {
      const match = /^properties\[(.+)\]$/.exec(key);
      if (match) properties[match[1]!] = value;
    }
    raw.push({ id: form.get("id"), quantity: form.get("quantity") ?? 1, selling_plan: form.get("selling_plan"), properties });
  }
  const parsed = raw.map((item) => ({
    id: Number(item.id),
    quantity: item.quantity === undefined ? 1 : Number(item.quantity),
    sellingPlanId:
      item.selling_plan === undefined || item.selling_plan === null || item.selling_plan === "" ? null : Number(item.selling_plan),
    properties: Object.fromEntries(Object.entries((item.properties as Record<string, unknown>) ?? {}).map(([k, v]) => [k, String(v)])),
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

function addToCart(sim: Simulator, shop: ShopRecord, lines: CartLineRecord[], items: AddInput[]): SimResponse | CartLineRecord[] {
  const added: CartLineRecord[] = [];
  for (const item of items) {
    const found = sim.store.findVariant(shop, item.id);
    if (!found || found.product.status !== "ACTIVE") return cartError(404, "Cannot find variant");
    if (item.sellingPlanId !== null && !sim.store.sellingPlanFor(shop, found.product.id, found.variant.id, item.sellingPlanId)) {
      return cartError(422, "Selling plan is not available for this variant");
    }
    const key = `${item.id}:${createHash("md5")
      .update(JSON.stringify([item.sellingPlanId, item.properties]))
      .digest("hex")}`;
    const existing = lines.find((line) => line.key === key);
    if (existing) existing.quantity += item.quantity;
    else lines.push({ key, variantId: item.id, quantity: item.quantity, sellingPlanId: item.sellingPlanId, properties: item.properties });
    added.push(lines.find((line) => line.key === key)!);
  }
  return added;
}

function page(shop: ShopRecord, title: string, body: string, head = "", scripts = ""): string {
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
  /* Fixed halves, media not stretched to the row: a square media box stretched to a taller info
     column would widen its own column (aspect-ratio) and push the info aside, as seen once (0.05). */
  .product { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); align-items: start; gap: 32px; }
  .product__media { background: #f3efe7; border-radius: 12px; aspect-ratio: 1; }
  .price { font-size: 20px; }
  button, .button { background: #1a1a1a; color: #fff; border: 0; border-radius: 8px; padding: 12px 20px; font: inherit; cursor: pointer; }
  label { display: block; }
  ul.products { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(3, 1fr); gap: 16px; }
  table { width: 100%; border-collapse: collapse; } td, th { text-align: left; padding: 8px; border-bottom: 1px solid #eee; }
  .error { color: #8e1f0b; }
</style>
<script>window.Shopify = ${JSON.stringify({ shop: shop.domain, routes: { root }, currency: { active: shop.currencyCode }, money_format: MONEY_FORMAT })};</script>
${head}
</head>
<body>
<header><a href="${root}">${escapeHtml(shop.name)}</a><nav><a href="/account/login?return_url=${encodeURIComponent(root)}">Log in</a> · <a href="${root}cart">Cart</a></nav></header>
<main>${body}</main>
${scripts}
</body>
</html>`;
}

// Like the online store, templates are parsed once, not on every page view.
const liquidCache = new Map<string, { engine: Liquid; template: (block: AppBlock) => Template[] }>();
function cachedLiquid(extension: ThemeExtension, locale: string, assetBase: string) {
  const key = `${extension.dir}|${locale}|${assetBase}`;
  let cached = liquidCache.get(key);
  if (!cached) {
    const engine = createLiquid(extension, { locale, moneyFormat: MONEY_FORMAT, assetBase });
    const parsed = new Map<string, Template[]>();
    const template = (block: AppBlock) => {
      if (!parsed.has(block.handle)) parsed.set(block.handle, engine.parse(block.source));
      return parsed.get(block.handle)!;
    };
    cached = { engine, template };
    liquidCache.set(key, cached);
  }
  return cached;
}

interface RenderedBlocks {
  html: string;
  head: string[];
  scripts: string[];
}

/**
 * Orchard's blocks for one target as the online store renders them: "section" blocks where the
 * theme placed them on the product page, "body" blocks (app embeds, switched on in the theme
 * editor; always on here) before </body> on every page.
 */
async function renderBlocks(
  extensions: ThemeExtension[],
  shop: ShopRecord,
  locale: string,
  target: "section" | "body",
  context: Record<string, unknown>,
): Promise<RenderedBlocks> {
  const root = storefrontRoot(shop);
  const assetBase = `${root}extensions`;
  const rendered: RenderedBlocks = { html: "", head: [], scripts: [] };
  for (const extension of extensions) {
    const liquid = cachedLiquid(extension, locale, assetBase);
    for (const block of extension.blocks.filter((b) => b.schema.target === target && blockIsOn(shop.theme, b))) {
      const blockId = `${extension.name}-${block.handle}`;
      const output = await liquid.engine.render(liquid.template(block), {
        ...context,
        app: appDrop(shop),
        block: { id: blockId, settings: blockSettings(block), shopify_attributes: "" },
        shop: { name: shop.name, currency: shop.currencyCode, money_format: MONEY_FORMAT },
        request: { locale: { iso_code: locale } },
        routes: { root_url: root, cart_add_url: `${root}cart/add`, cart_url: `${root}cart`, cart_change_url: `${root}cart/change` },
      });
      rendered.html +=
        target === "section"
          ? `<div id="shopify-block-${escapeHtml(blockId)}" class="shopify-block shopify-app-block">${output}</div>`
          : `<div id="shopify-block-${escapeHtml(blockId)}" class="shopify-app-embed">${output}</div>`;
      if (block.schema.stylesheet)
        rendered.head.push(`<link rel="stylesheet" href="${assetBase}/${extension.name}/assets/${escapeHtml(block.schema.stylesheet)}">`);
      if (block.schema.javascript)
        rendered.scripts.push(`<script src="${assetBase}/${extension.name}/assets/${escapeHtml(block.schema.javascript)}" defer></script>`);
    }
  }
  return rendered;
}

/** A storefront page with the app embeds every page carries. */
async function themedPage(
  extensions: ThemeExtension[],
  shop: ShopRecord,
  locale: string,
  title: string,
  body: string,
  blocks: RenderedBlocks = { html: "", head: [], scripts: [] },
): Promise<string> {
  const embeds = await renderBlocks(extensions, shop, locale, "body", {});
  return page(
    shop,
    title,
    body,
    [...blocks.head, ...embeds.head].join("\n"),
    [embeds.html, ...blocks.scripts, ...embeds.scripts].join("\n"),
  );
}

async function productPage(
  sim: Simulator,
  extensions: ThemeExtension[],
  shop: ShopRecord,
  handle: string,
  locale: string,
  selected: { variantId?: number; sellingPlanId?: number },
): Promise<SimResponse> {
  const product = [...shop.products.values()].find((p) => p.handle === handle && p.status === "ACTIVE");
  if (!product) return html(page(shop, "Not found", "<h1>Page not found</h1>"), 404);
  const root = storefrontRoot(shop);
  const drop = productDrop(sim.store, shop, product, root, locale, selected);
  const blocks = await renderBlocks(extensions, shop, locale, "section", { product: drop });
  const variant = drop.selected_or_first_available_variant!;
  const body = `
<section class="product shopify-section" id="shopify-section-main-product">
  <div class="product__media" role="img" aria-label="${escapeHtml(product.title)}"></div>
  <div class="product__info">
    <h1>${escapeHtml(product.title)}</h1>
    <p class="price" data-product-price>${escapeHtml(formatMoney(variant.price, MONEY_FORMAT))}</p>
    <form method="post" action="${root}cart/add" id="product-form-main" class="product-form">
      <label for="variant-select">Variant</label>
      <select name="id" id="variant-select">${drop.variants
        .map(
          (v) =>
            `<option value="${v.id}"${v.id === variant.id ? " selected" : ""}${v.available ? "" : " disabled"}>${escapeHtml(v.title)} · ${escapeHtml(formatMoney(v.price, MONEY_FORMAT))}</option>`,
        )
        .join("")}</select>
      <label for="quantity">Quantity</label>
      <input id="quantity" type="number" name="quantity" value="1" min="1">
      <div class="product__app-blocks">${blocks.html}</div>
      <button type="submit" name="add">Add to cart</button>
    </form>
    <div class="product__description">${product.descriptionHtml}</div>
  </div>
</section>`;
  return html(await themedPage(extensions, shop, locale, product.title, body, blocks));
}

/** The cart page as a theme without JavaScript has it: a quantity form and a remove button per line. */
async function cartPage(sim: Simulator, extensions: ThemeExtension[], shop: ShopRecord, req: SimRequest): Promise<SimResponse> {
  const { token, lines, cookie } = cartOf(shop, req);
  const cart = cartJson(sim, shop, token, lines);
  const root = storefrontRoot(shop);
  const visibleProperties = (properties: Record<string, string>) =>
    Object.entries(properties)
      .filter(([name]) => !name.startsWith("_"))
      .map(([name, value]) => `<br><small>${escapeHtml(name)}: ${escapeHtml(value)}</small>`)
      .join("");
  const rows = cart.items
    .map(
      (item, index) => `<tr data-cart-line="${index + 1}">
  <td>${escapeHtml(item.title)}${item.selling_plan_allocation ? `<br><small>${escapeHtml(item.selling_plan_allocation.selling_plan.name)}</small>` : ""}${visibleProperties(item.properties)}</td>
  <td><form method="post" action="${root}cart/change"><input type="hidden" name="line" value="${index + 1}">
    <label>Quantity <input type="number" name="quantity" min="0" value="${item.quantity}" aria-label="Quantity of ${escapeHtml(item.title)}"></label>
    <button type="submit">Update</button></form></td>
  <td>${escapeHtml(formatMoney(item.final_line_price, MONEY_FORMAT))}</td>
  <td><form method="post" action="${root}cart/change"><input type="hidden" name="line" value="${index + 1}"><input type="hidden" name="quantity" value="0">
    <button type="submit" aria-label="Remove ${escapeHtml(item.title)}">Remove</button></form></td>
</tr>`,
    )
    .join("");
  const body = cart.items.length
    ? `<h1>Your cart</h1><table><thead><tr><th>Item</th><th>Quantity</th><th>Total</th><th></th></tr></thead><tbody>${rows}</tbody></table>
       <p>Subtotal: <strong data-cart-subtotal>${escapeHtml(formatMoney(cart.total_price, MONEY_FORMAT))}</strong></p><a class="button" href="${root}checkout">Check out</a>`
    : `<h1>Your cart is empty</h1><a href="${root}">Continue shopping</a>`;
  return {
    ...html(await themedPage(extensions, shop, "en", "Cart", body)),
    headers: { "content-type": "text/html; charset=utf-8", ...(cookie ? { "set-cookie": cookie } : {}) },
  };
}

function checkoutPage(sim: Simulator, shop: ShopRecord, req: SimRequest, error?: string): SimResponse {
  const { token, lines } = cartOf(shop, req);
  const cart = cartJson(sim, shop, token, lines);
  const root = storefrontRoot(shop);
  const discount = req.url.searchParams.get("discount") ?? new URLSearchParams(req.rawBody ?? "").get("discount");
  const body = `<h1>Checkout</h1>
<ul>${cart.items.map((i) => `<li>${escapeHtml(i.title)} × ${i.quantity}${i.selling_plan_allocation ? ` (${escapeHtml(i.selling_plan_allocation.selling_plan.name)})` : ""}</li>`).join("")}</ul>
<p>Total: <strong>${escapeHtml(formatMoney(cart.total_price, MONEY_FORMAT))}</strong></p>
<form method="post" action="${root}checkout">
  ${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ""}
  ${discount ? `<p>Discount code: <strong>${escapeHtml(discount)}</strong></p><input type="hidden" name="discount" value="${escapeHtml(discount)}">` : ""}
  <label for="email">Email</label><input id="email" name="email" type="email" required autocomplete="email">
  <p><button type="submit">Pay now</button></p>
</form>`;
  return html(page(shop, "Checkout", body), error ? 422 : 200);
}

/** The browser's current store, for the pages every store serves at its root (app proxy, login). */
function withStoreCookie(shop: ShopRecord, response: SimResponse): SimResponse {
  const cookies = [response.headers?.["set-cookie"] ?? [], storeCookie(shop)].flat();
  return { ...response, headers: { ...response.headers, "set-cookie": cookies } };
}

export function storefrontRoutes(sim: Simulator, router: Router, extensionsRoot?: string): void {
  appProxyRoutes(sim, router, (shop, title, body) => page(shop, title, body));
  const extensions = loadThemeExtensions(extensionsRoot);
  const shopFor = (store: string | undefined) => sim.store.shop(`${store ?? ""}.myshopify.com`);
  const notFound = html("<h1>Page not found</h1>", 404);

  router.on("GET", "/storefront/:store", async (req) => {
    const shop = shopFor(req.params.store);
    if (!shop) return notFound;
    const root = storefrontRoot(shop);
    const items = [...shop.products.values()]
      .filter((p) => p.status === "ACTIVE" && !hiddenFromSearch(p))
      .map((p) => `<li><a href="${root}products/${escapeHtml(p.handle)}">${escapeHtml(p.title)}</a></li>`)
      .join("");
    return withStoreCookie(
      shop,
      html(await themedPage(extensions, shop, "en", "Home", `<h1>${escapeHtml(shop.name)}</h1><ul class="products">${items}</ul>`)),
    );
  });

  router.on("GET", "/storefront/:store/products/:handle", async (req) => {
    const shop = shopFor(req.params.store);
    return shop
      ? withStoreCookie(
          shop,
          await productPage(sim, extensions, shop, req.params.handle ?? "", req.url.searchParams.get("locale") ?? "en", {
            variantId: Number(req.url.searchParams.get("variant")) || undefined,
            sellingPlanId: Number(req.url.searchParams.get("selling_plan")) || undefined,
          }),
        )
      : notFound;
  });

  router.on("GET", "/storefront/:store/extensions/:extension/assets/:file", (req) => {
    const extension = extensions.find((e) => e.name === req.params.extension);
    const file = extension ? normalize(join(extension.dir, "assets", req.params.file ?? "")) : "";
    if (!extension || !file.startsWith(join(extension.dir, "assets")) || !existsSync(file)) return notFound;
    const type = file.endsWith(".js") ? "text/javascript" : file.endsWith(".css") ? "text/css" : "application/octet-stream";
    return { status: 200, headers: { "content-type": `${type}; charset=utf-8` }, body: readFileSync(file) };
  });

  router.on("GET", "/storefront/:store/cart.js", (req) => {
    const shop = shopFor(req.params.store);
    if (!shop) return notFound;
    const { token, lines, cookie } = cartOf(shop, req);
    return json(200, cartJson(sim, shop, token, lines), cookie ? { "set-cookie": cookie } : {});
  });

  const add = (asJson: boolean) => (req: SimRequest) => {
    const shop = shopFor(req.params.store);
    if (!shop) return notFound;
    const input = parseAddInput(req);
    if (!input) return cartError(400, "Parameter Missing or Invalid");
    const { token, lines, cookie } = cartOf(shop, req);
    const result = addToCart(sim, shop, lines, input);
    if (!Array.isArray(result)) return result;
    const headers: Record<string, string> = cookie ? { "set-cookie": cookie } : {};
    if (!asJson) return { status: 302, headers: { ...headers, location: `${storefrontRoot(shop)}cart` } };
    const items = cartJson(sim, shop, token, lines).items.filter((item) => result.some((line) => line.key === item.key));
    return json(200, input.length === 1 && !String(req.rawBody).includes('"items"') ? items[0] : { items }, headers);
  };
  router.on("POST", "/storefront/:store/cart/add.js", add(true));
  router.on("POST", "/storefront/:store/cart/add", add(false));

  /** /cart/change: by line (1-based) or by line key or variant id; quantity 0 removes the line. */
  const change = (asJson: boolean) => (req: SimRequest) => {
    const shop = shopFor(req.params.store);
    if (!shop) return notFound;
    const body = String(req.headers["content-type"] ?? "").includes("application/json")
      ? req.json<Record<string, unknown>>()
      : Object.fromEntries(new URLSearchParams(req.rawBody));
    const { token, lines } = cartOf(shop, req);
    const quantity = Number(body?.quantity);
    const index =
      body?.line !== undefined
        ? Number(body.line) - 1
        : lines.findIndex((line) => line.key === String(body?.id) || String(line.variantId) === String(body?.id));
    if (!body || !Number.isSafeInteger(quantity) || quantity < 0 || !lines[index]) return cartError(400, "no valid id or line parameter");
    if (quantity === 0) lines.splice(index, 1);
    else lines[index]!.quantity = quantity;
    return asJson ? json(200, cartJson(sim, shop, token, lines)) : { status: 302, headers: { location: `${storefrontRoot(shop)}cart` } };
  };
  router.on("POST", "/storefront/:store/cart/change.js", change(true));
  router.on("POST", "/storefront/:store/cart/change", change(false));

  router.on("POST", "/storefront/:store/cart/clear.js", (req) => {
    const shop = shopFor(req.params.store);
    if (!shop) return notFound;
    const { token, lines } = cartOf(shop, req);
    lines.splice(0);
    return json(200, cartJson(sim, shop, token, lines));
  });

  router.on("GET", "/storefront/:store/cart", async (req) => {
    const shop = shopFor(req.params.store);
    return shop ? cartPage(sim, extensions, shop, req) : notFound;
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
    const discount = form.get("discount");
    try {
      const { order, contracts } = await completeCheckout(sim, shop, {
        email,
        attributes: shop.cartAttributes.get(token) ?? {},
        discountCodes: discount ? [discount] : [],
        lines: lines.map((l) => ({
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
