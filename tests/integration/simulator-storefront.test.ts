import { describe, expect, it } from "vitest";
import { createShop, testContext } from "../support/context";
import { seedShop } from "../../simulator/seed";
import { testShopperCheckoutForm } from "../../simulator/checkout";

async function storefront(path: string, init: RequestInit & { cookie?: string } = {}) {
  const { simulator } = testContext();
  const response = await fetch(`${simulator.url}${path}`, {
    ...init,
    redirect: "manual",
    headers: { "content-type": "application/json", ...(init.cookie ? { cookie: init.cookie } : {}), ...init.headers },
  });
  const cookie =
    response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ") || undefined;
  const text = await response.text();
  return {
    status: response.status,
    cookie,
    location: response.headers.get("location"),
    body: text.startsWith("{") ? JSON.parse(text) : text,
  };
}

function seeded() {
  const { shop } = createShop();
  seedShop(testContext().simulator.store, shop, new Date(), { customers: 2, months: 1 });
  const store = shop.domain.replace(".myshopify.com", "");
  const product = [...shop.products.values()][0]!;
  return { shop, store, product, variant: product.variants[0]! };
}

describe("store simulator: AJAX cart API", () => {
  it("adds, merges identical lines, changes quantities and removes, as Shopify's cart does", async () => {
    const { store, variant } = seeded();
    const first = await storefront(`/storefront/${store}/cart/add.js`, {
      method: "POST",
      body: JSON.stringify({ id: variant.id, quantity: 1 }),
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ variant_id: variant.id, quantity: 1, price: variant.priceMinor });
    const cookie = first.cookie!;
    await storefront(`/storefront/${store}/cart/add.js`, {
      method: "POST",
      cookie,
      body: JSON.stringify({ items: [{ id: variant.id, quantity: 2 }] }),
    });
    const cart = await storefront(`/storefront/${store}/cart.js`, { cookie });
    expect(cart.body).toMatchObject({ item_count: 3, total_price: variant.priceMinor * 3 });

    const changed = await storefront(`/storefront/${store}/cart/change.js`, {
      method: "POST",
      cookie,
      body: JSON.stringify({ line: 1, quantity: 0 }),
    });
    expect(changed.body).toMatchObject({ item_count: 0, items: [] });
  });

  it("answers an unknown variant and a selling plan the variant does not have with Cart Errors", async () => {
    const { store, variant } = seeded();
    const unknown = await storefront(`/storefront/${store}/cart/add.js`, {
      method: "POST",
      body: JSON.stringify({ id: 999999999, quantity: 1 }),
    });
    expect(unknown).toMatchObject({ status: 404, body: { status: 404, message: "Cart Error", description: "Cannot find variant" } });
    // The shop's own variant (a second seeded shop's was once used here, and answered "Cannot find variant").
    const plan = await storefront(`/storefront/${store}/cart/add.js`, {
      method: "POST",
      body: JSON.stringify({ id: variant.id, quantity: 1, selling_plan: 123 }),
    });
    expect(plan).toMatchObject({ status: 422, body: { status: 422, message: "Cart Error" } });
    const malformed = await storefront(`/storefront/${store}/cart/add.js`, {
      method: "POST",
      body: JSON.stringify({ id: "x", quantity: -1 }),
    });
    expect(malformed).toMatchObject({ status: 400, body: { message: "Cart Error" } });
  });

  it("turns a cart permalink into a new cart and sends the shopper to checkout", async () => {
    const { store, variant } = seeded();
    const response = await storefront(`/storefront/${store}/cart/${variant.id}:2?discount=SAVE10`);
    expect(response.status).toBe(302);
    expect(response.location).toBe(`/storefront/${store}/checkout?discount=SAVE10`);
    const cart = await storefront(`/storefront/${store}/cart.js`, { cookie: response.cookie });
    expect(cart.body).toMatchObject({ item_count: 2, items: [{ variant_id: variant.id, quantity: 2 }] });
  });
});

describe("store simulator: checkout", () => {
  it("asks for marketing consent as Shopify's checkout does: unticked by default, ticked subscribes the customer", async () => {
    const { shop, store, variant } = seeded();
    const pay = async (email: string, consent: boolean) => {
      const cart = await storefront(`/storefront/${store}/cart/${variant.id}:1`);
      const page = await storefront(`/storefront/${store}/checkout`, { cookie: cart.cookie });
      expect(page.body).toMatch(/<input id="acceptsMarketing" name="acceptsMarketing" type="checkbox" value="1">/);
      const form = new URLSearchParams({ ...testShopperCheckoutForm(email), ...(consent ? { acceptsMarketing: "1" } : {}) });
      const paid = await storefront(`/storefront/${store}/checkout`, {
        method: "POST",
        cookie: cart.cookie,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: form.toString(),
      });
      expect(paid.status).toBe(200);
      return [...shop.customers.values()].find((c) => c.email === email)!.marketingState;
    };
    expect(await pay("quiet@example.com", false)).toBe("NOT_SUBSCRIBED");
    expect(await pay("keen@example.com", true)).toBe("SUBSCRIBED");
    // A later checkout left unticked does not take back the consent given.
    expect(await pay("keen@example.com", false)).toBe("SUBSCRIBED");
  });
});

describe("store simulator: classic customer accounts", () => {
  it("shows the signed-in customer their account page from the theme, with their orders; anyone else is sent to log in", async () => {
    const { shop, store } = seeded();
    const customer = [...shop.customers.values()].find((c) => [...shop.orders.values()].some((o) => o.customerId === c.id))!;
    const orders = [...shop.orders.values()].filter((o) => o.customerId === customer.id);
    const storeCookie = (await storefront(`/storefront/${store}`)).cookie!;
    const anonymous = await storefront("/account", { cookie: storeCookie });
    expect([anonymous.status, anonymous.location]).toEqual([302, "/account/login?return_url=%2Faccount"]);

    const login = await storefront("/account/login", {
      method: "POST",
      cookie: storeCookie,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: customer.email, return_url: "/account" }).toString(),
    });
    expect([login.status, login.location]).toEqual([303, "/account"]);
    const page = await storefront("/account", { cookie: `${storeCookie}; ${login.cookie}` });
    expect(page.status).toBe(200);
    // Dawn's main-account section: its title, the log-out link, and each order by its name.
    expect(page.body).toContain('<h1 class="customer__title">Account</h1>');
    expect(page.body).toContain('href="/account/logout"');
    for (const order of orders) expect(page.body).toContain(`#${order.number}`);
    const address = orders.find((o) => o.shippingAddress)?.shippingAddress;
    if (address) expect(page.body).toContain(address.address1);
  });
});
