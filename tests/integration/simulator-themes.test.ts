import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { moneyFormatsFor } from "../../simulator/storefront/theme/money";
import { ThemeRenderer } from "../../simulator/storefront/theme/theme-renderer";
import { ThemeSource } from "../../simulator/storefront/theme/theme-source";
import { seedShop } from "../../simulator/seed";
import { createShop, testContext } from "../support/context";
import { createSellingPlanGroup } from "../support/selling-plans";

/**
 * The simulator's online store renders Shopify's own themes (../shared/themes) as Shopify does, so
 * Orchard's blocks meet the markup merchants' stores really have: Dawn's and Horizon's product forms,
 * their JSON templates, the Section Rendering API their scripts call, and the cart API they post to.
 */
function storeWith(theme: string) {
  const { shop } = createShop(undefined, { theme });
  seedShop(testContext().simulator.store, shop, new Date(), { customers: 2, months: 0 });
  const coffee = [...shop.products.values()].find((p) => p.title === "House Blend Coffee Beans")!;
  return { shop, coffee, root: `${testContext().simulator.url}/storefront/${shop.domain.replace(".myshopify.com", "")}/` };
}

async function withPlans(shop: { domain: string }, productId: number) {
  return createSellingPlanGroup(testContext().simulator.url, shop.domain, {
    name: "Subscribe and save",
    productIds: [productId],
    plans: [
      { name: "Every 2 weeks", options: ["2 weeks"], interval: "WEEK", intervalCount: 2, percentageOff: 10 },
      {
        name: "Every month, 3 months prepaid",
        options: ["1 month prepaid"],
        interval: "MONTH",
        intervalCount: 1,
        percentageOff: 15,
        deliveriesPerBilling: 3,
      },
      {
        name: "Every month, first 2 half price",
        options: ["1 month intro"],
        interval: "MONTH",
        intervalCount: 1,
        percentageOff: 10,
        introductory: { orders: 2, percentageOff: 50 },
      },
    ],
  });
}

const text = async (url: string, init?: RequestInit) => (await fetch(url, init)).text();
const position = (html: string, marker: string) => {
  const index = html.indexOf(marker);
  expect(index, `${marker} is on the page`).toBeGreaterThan(-1);
  return index;
};

describe("the online store renders Shopify's reference themes", () => {
  it("Dawn: Orchard's blocks above the buy buttons, outside the product form and after its installment form", async () => {
    const { shop, coffee, root } = storeWith("dawn");
    await withPlans(shop, coffee.id);
    const page = await text(`${root}products/${coffee.handle}`);
    const form = /<form method="post" action="[^"]*\/cart\/add" id="(product-form-template--\d+__main)"/.exec(page);
    expect(form, "Dawn's product form").not.toBeNull();
    const subscribe = position(page, "data-orchard-subscribe");
    expect(position(page, 'id="product-form-installment-')).toBeLessThan(subscribe);
    expect(subscribe).toBeLessThan(position(page, `id="${form![1]}"`));
    expect(page).toContain('class="shopify-block shopify-app-block"');
    // The theme's own scripts and the blocks' assets, as content_for_header brings them.
    expect(page).toContain("/theme/assets/product-form.js");
    expect(page).toContain("/extensions/orchard-theme/assets/product-page.js");
    // The home page, with or without the trailing slash, shows the theme's featured collection.
    const home = await fetch(root.replace(/\/$/, ""));
    expect(home.status).toBe(200);
    expect(await home.text()).toContain(`products/${coffee.handle}`);
  });

  it("Horizon: Orchard's blocks among the product details' theme blocks, above the buy buttons", async () => {
    const { shop, coffee, root } = storeWith("horizon");
    await withPlans(shop, coffee.id);
    const page = await text(`${root}products/${coffee.handle}`);
    const subscribe = position(page, "data-orchard-subscribe");
    expect(position(page, "product-details")).toBeLessThan(subscribe);
    expect(subscribe).toBeLessThan(position(page, "<product-form-component"));
    // Shopify's events module, which the theme imports from Shopify's CDN, is the simulator's stand-in.
    expect(page).not.toContain("https://cdn.shopify.com/storefront/standard-events.js");
    const standIn = await fetch(`${testContext().simulator.url}/shopify-cdn/storefront/standard-events.js`);
    expect(standIn.headers.get("content-type")).toContain("javascript");
  });

  it("shows a prepaid plan's whole term charged now and an intro offer's later price, in the shop's money format", async () => {
    const { shop, coffee, root } = storeWith("dawn");
    await withPlans(shop, coffee.id);
    const page = (await text(`${root}products/${coffee.handle}`)).replace(/\s+/g, " ");
    // $16.00 a bag: 10 % off every 2 weeks; 3 deliveries at 15 % off paid now; 50 % off twice, then 10 % off.
    expect(page).toContain("$14.40 per delivery");
    expect(page).toContain("$40.80 for 3 deliveries ($13.60 each), paid now");
    expect(page).toContain("$8.00 for the first 2 orders, then $14.40");
  });

  it("charges a prepaid line's whole term at checkout, as the cart showed it", async () => {
    const { shop, coffee, root } = storeWith("dawn");
    const { sellingPlanIds } = await withPlans(shop, coffee.id);
    const prepaid = sellingPlanIds[1]!;
    const added = await fetch(`${root}cart/add.js`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id: coffee.variants[0]!.id, quantity: 1, selling_plan: prepaid }),
    });
    expect(await added.json()).toMatchObject({ price: 4080, selling_plan_allocation: { price: 4080, per_delivery_price: 1360 } });
    const checkout = await fetch(`${testContext().simulator.url}/_control/shops/${shop.domain}/checkout`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "prepaid@example.com", lines: [{ variantId: coffee.variants[0]!.id, sellingPlanId: prepaid }] }),
    });
    expect(checkout.status).toBe(201);
    const order = [...shop.orders.values()].find((o) => o.email === "prepaid@example.com")!;
    expect(order.lines[0]).toMatchObject({ priceMinor: 4080, sellingPlanId: prepaid });
  });

  it("sells a product that requires a selling plan on subscription only: no one-time option, and the cart refuses it without a plan", async () => {
    const { shop, coffee, root } = storeWith("dawn");
    await withPlans(shop, coffee.id);
    coffee.requiresSellingPlan = true;
    const page = await text(`${root}products/${coffee.handle}`);
    expect(page).toContain("data-orchard-subscribe");
    expect(page).not.toContain("One-time purchase");
    // The first plan is chosen, so the theme's add to cart always carries one.
    expect(/<input\s+type="radio"[^>]*value="\d+"[^>]*checked/.exec(page)).not.toBeNull();
    const refused = await fetch(`${root}cart/add.js`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id: coffee.variants[0]!.id, quantity: 1 }),
    });
    expect(refused.status).toBe(422);
  });

  it("answers the Section Rendering API: a template's section by id, section files by name, null for none", async () => {
    const { coffee, root } = storeWith("dawn");
    const page = await text(`${root}products/${coffee.handle}`);
    const main = /id="shopify-section-(template--\d+__main)"/.exec(page)![1]!;
    const section = await text(`${root}products/${coffee.handle}?section_id=${main}`);
    expect(section.startsWith(`<section id="shopify-section-${main}" class="shopify-section section">`)).toBe(true);
    const sections = (await (await fetch(`${root}products/${coffee.handle}?sections=cart-icon-bubble,no-such-section`)).json()) as Record<
      string,
      string | null
    >;
    expect(sections["cart-icon-bubble"]).toContain('id="shopify-section-cart-icon-bubble"');
    expect(sections["no-such-section"]).toBeNull();
  });

  it("takes the theme's multipart add to cart with its sections, lists the newest line first, refuses what is not on the Online Store, and fails loudly on an unknown theme", async () => {
    const { coffee, root } = storeWith("dawn");
    const form = new FormData();
    form.set("id", String(coffee.variants[0]!.id));
    form.set("quantity", "2");
    form.set("sections", "cart-notification-product,cart-icon-bubble");
    form.set("sections_url", `${new URL(root).pathname}products/${coffee.handle}`);
    const added = await fetch(`${root}cart/add`, { method: "POST", body: form, headers: { "x-requested-with": "XMLHttpRequest" } });
    expect(added.status).toBe(200);
    const item = (await added.json()) as { key: string; quantity: number; sections: Record<string, string> };
    expect(item.quantity).toBe(2);
    expect(item.sections["cart-notification-product"]).toContain(`id="cart-notification-product-${item.key}"`);
    const cookie = added.headers.get("set-cookie")!.split(";")[0]!;

    await fetch(`${root}cart/add.js`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ id: coffee.variants[1]!.id, quantity: 1 }),
    });
    const cart = (await (await fetch(`${root}cart.js`, { headers: { cookie } })).json()) as { items: { variant_id: number }[] };
    expect(cart.items.map((i) => i.variant_id)).toEqual([coffee.variants[1]!.id, coffee.variants[0]!.id]);

    // A product the Admin API made is on no sales channel until published: the cart refuses it, as Shopify's does.
    coffee.publishedOnlineStore = false;
    const unpublished = await fetch(`${root}cart/add.js`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ id: coffee.variants[0]!.id, quantity: 1 }),
    });
    expect(await unpublished.json()).toEqual({ status: 404, message: "Cart Error", description: "Cannot find variant" });
    expect((await fetch(`${root}products/${coffee.handle}`)).status).toBe(404);

    const { shop: elsewhere } = createShop({ customers: 0, months: 0 }, { theme: "dawn" });
    elsewhere.theme.folder = "no-such-theme";
    const missing = await fetch(`${testContext().simulator.url}/storefront/${elsewhere.domain.replace(".myshopify.com", "")}/`);
    expect(missing.status).toBe(500);
    expect(await missing.text()).toContain("No no-such-theme theme in");
  });

  it("fails loudly on a filter Shopify has and the simulator lacks, instead of rendering nothing", async () => {
    const root = mkdtempSync(join(tmpdir(), "orchard-theme-"));
    const theme = join(root, "broken");
    for (const dir of ["layout", "templates", "sections", "config", "locales"]) mkdirSync(join(theme, dir), { recursive: true });
    writeFileSync(join(theme, "layout", "theme.liquid"), "<html><body>{{ content_for_layout }}</body></html>");
    writeFileSync(join(theme, "sections", "main.liquid"), "{{ product.title | not_a_shopify_filter }}");
    writeFileSync(join(theme, "config", "settings_schema.json"), "[]");
    writeFileSync(join(theme, "config", "settings_data.json"), '{ "current": {} }');
    writeFileSync(join(theme, "locales", "en.default.json"), "{}");
    const renderer = new ThemeRenderer(new ThemeSource("broken", root));
    const page = {
      objects: {},
      localeCode: "en",
      money: moneyFormatsFor("USD"),
      routes: {},
      assetBase: "/assets",
      designMode: false,
      renderAppBlock: async () => "",
      resources: { collection: () => null, product: () => null },
    };
    const template = { sections: { main: { type: "main" } }, order: ["main"] };
    await expect(renderer.renderPage("product", template, page, () => ({ contentForHeader: "", beforeBodyEnd: "" }))).rejects.toThrow(
      /undefined filter: not_a_shopify_filter/,
    );
  });
});
