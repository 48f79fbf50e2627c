import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { ProductRecord } from "../../simulator/store";
import { setUpBrowserStack } from "../support/browser-stack";
import { accessibilityProblems, appFrame } from "../support/axe";
import { themeShopper, type ThemeName } from "../support/theme-shopper";

const ui = setUpBrowserStack(
  { domain: "browser-protection.myshopify.com", name: "Protection Test Coffee", ianaTimezone: "UTC" },
  { customers: 2, months: 0 },
);
let kettle: ProductRecord;

beforeAll(() => {
  // A $120 product, in the offer's middle band.
  kettle = [...ui.shop.products.values()].find((p) => p.title === "Pour-Over Kettle")!;
  kettle.variants[0]!.priceMinor = 12000;
});

/** The shopper adds the kettle with 2 years of protection, with the theme's own quantity field and add to cart. */
async function addKettleWithProtection(storefront: Page, theme: ThemeName, quantity: number) {
  const shopper = themeShopper(storefront, theme);
  await storefront.goto(ui.storefrontUrl(`products/${kettle.handle}`));
  // Never pre-selected: the shopper chooses protection explicitly.
  expect(await storefront.getByRole("radio", { name: "No protection" }).isChecked()).toBe(true);
  await storefront.getByRole("radio", { name: /2 years of protection \$14\.99/ }).check();
  await shopper.setQuantity(quantity);
  expect((await shopper.addToCart()).status()).toBe(200);
  return shopper;
}

/** The kettle's line and the protection line linked to it, as /cart.js has them. */
async function kettleAndProtection(shopper: ReturnType<typeof themeShopper>) {
  const { items } = await shopper.cart();
  const product = items.find((item) => item.product_title === "Pour-Over Kettle");
  const protection = items.find((item) => item.properties._orchard_protects !== undefined);
  return {
    product,
    protection,
    linked: Boolean(product && protection && product.properties._orchard_link === protection.properties._orchard_protects),
  };
}

/** The order's registrations in Orchard's admin, once orders/paid has been handled. */
/**
 * The order's rows in the merchant's list of registrations, once there are `count`: Orchard
 * registers the order from its webhook in the background, so the merchant may have to load the page
 * again to see it, as the test does until it is there.
 */
async function registrationRows(orderNumber: number, count: number) {
  const { page, app } = await ui.openAdmin("/app/protection/registrations");
  const rows = app.getByRole("row").filter({ hasText: orderNumber.toString() });
  await expect
    .poll(
      async () => {
        if ((await rows.count()) < count) await page.reload();
        return rows.count();
      },
      { timeout: 60_000 },
    )
    .toBe(count);
  return rows;
}

describe("product protection from the merchant's offer to an approved claim", () => {
  it("creates an offer with three price bands; Dawn's cart page keeps protection with its product", async () => {
    const { page, app } = await ui.openAdmin("/app/protection/new");
    await app.getByLabel("Offer name").waitFor({ timeout: 60_000 });
    await app.getByLabel("Offer name").fill("Accident protection");
    await app.getByLabel("What the protection covers").fill("Drops, spills and cracked parts, repaired or replaced.");
    await app.getByRole("button", { name: "Add band" }).click();
    await app.getByRole("button", { name: "Add band" }).click();
    const bands = [
      ["0", "49.99", "4.99", "7.99"],
      ["50", "149.99", "9.99", "14.99"],
      ["150", "", "19.99", "29.99"],
    ];
    for (const [index, [min, max, oneYear, twoYears]] of bands.entries()) {
      const n = index + 1;
      await app.getByLabel(`Product price from (${n})`).fill(min!);
      await app.getByLabel(`to (${n})`, { exact: true }).fill(max!);
      await app.getByLabel(`1 year (${n})`, { exact: true }).fill(oneYear!);
      await app.getByLabel(`2 years (${n})`, { exact: true }).fill(twoYears!);
    }
    await app.getByRole("button", { name: "Save" }).click();
    await page.getByText("Offer saved").waitFor({ timeout: 30_000 });
    await app.getByRole("link", { name: "Accident protection" }).waitFor();

    // Dawn's cart page changes the product's quantity; the cart check brings its protection along.
    const storefront = await ui.newPage();
    const shopper = await addKettleWithProtection(storefront, "dawn", 1);
    expect(await kettleAndProtection(shopper)).toMatchObject({ linked: true, product: { quantity: 1 }, protection: { quantity: 1 } });
    await storefront.goto(ui.storefrontUrl("cart"));
    await expect.poll(() => storefront.getByText("Protects: Pour-Over Kettle").count()).toBe(1);
    const kettleQuantity = storefront.getByRole("spinbutton", { name: "Quantity for Pour-Over Kettle" });
    await kettleQuantity.fill("2");
    await kettleQuantity.press("Tab");
    await expect.poll(async () => (await kettleAndProtection(shopper)).protection?.quantity, { timeout: 15_000 }).toBe(2);
    await storefront.getByRole("link", { name: "Remove Pour-Over Kettle - 1 L" }).click();
    await expect.poll(async () => (await shopper.cart()).item_count, { timeout: 15_000 }).toBe(0);
  });

  it.each<ThemeName>(["dawn", "horizon"])(
    "adds protection for a quantity of 3 in %s as a line linked to its product, and registers each unit",
    async (theme) => {
      await ui.editTheme({ publish: theme });
      const storefront = await ui.newPage();
      const shopper = await addKettleWithProtection(storefront, theme, 3);
      expect(await accessibilityProblems(storefront, "[data-orchard-protection]")).toEqual([]);
      expect(await kettleAndProtection(shopper)).toMatchObject({
        linked: true,
        product: { quantity: 3 },
        protection: { quantity: 3, price: 1499 },
      });
      await shopper.checkOut(`careful-${theme}@example.com`);
      const order = [...ui.shop.orders.values()].find((o) => o.email === `careful-${theme}@example.com`)!;

      const rows = await registrationRows(order.number, 3);
      const expires = new Date(order.createdAt);
      expires.setUTCFullYear(expires.getUTCFullYear() + 2);
      const expiry = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" }).format(expires);
      for (const row of await rows.all()) {
        expect(await row.textContent()).toContain("Pour-Over Kettle");
        expect(await row.textContent()).toContain("$14.99");
        expect(await row.textContent()).toContain("2 years");
        expect(await row.textContent()).toContain(expiry);
      }
    },
  );

  it.each<ThemeName>(["dawn", "horizon"])(
    "tells screen readers the protection prices of the option the shopper picks in %s's own picker",
    async (theme) => {
      await ui.editTheme({ publish: theme });
      const grinder = [...ui.shop.products.values()].find((p) => p.title === "Burr Coffee Grinder")!;
      const steel = grinder.variants.find((v) => v.title === "Steel")!;
      steel.priceMinor = 20000; // the offer's top band; matte black stays in the middle one
      const storefront = await ui.newPage();
      await storefront.goto(ui.storefrontUrl(`products/${grinder.handle}`));
      await themeShopper(storefront, theme).chooseVariant("Steel");
      await expect
        .poll(() => storefront.locator("[data-orchard-protection] [data-orchard-announce]").textContent(), { timeout: 15_000 })
        .toBe("1 year of protection: $19.99, 2 years of protection: $29.99");
    },
  );

  it("says on the protection page when its block is not on the theme, and opens the theme editor to put it back", async () => {
    await ui.editTheme({ remove: ["protection-offer"] });
    const { page, app } = await ui.openAdmin("/app/protection");
    const placement = app.getByRole("heading", { name: "On your online store" }).locator("..");
    await placement.getByText("Not on your theme", { exact: true }).waitFor({ timeout: 60_000 });
    await placement.getByText("Shoppers are not offered protection on your product pages").waitFor();
    expect(await accessibilityProblems(await appFrame(page))).toEqual([]);
    // The cart check embed is still on.
    expect(await placement.getByText("On your theme", { exact: true }).count()).toBe(1);
    await placement.getByRole("link", { name: "Add protection block" }).click();
    await page.getByText("is added in this preview").waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("status").filter({ hasText: "Saved" }).waitFor();
    const back = await ui.openAdmin("/app/protection");
    await back.app.getByRole("heading", { name: "On your online store" }).waitFor({ timeout: 60_000 });
    expect(await back.app.getByText("On your theme", { exact: true }).count()).toBe(2);
    expect(await back.app.getByText("Not on your theme", { exact: true }).count()).toBe(0);
  });

  it("keeps protection with its product on Horizon's cart page", async () => {
    await ui.editTheme({ publish: "horizon" });
    const storefront = await ui.newPage();
    const shopper = await addKettleWithProtection(storefront, "horizon", 1);
    await storefront.goto(ui.storefrontUrl("cart"));
    // Horizon's quantity field for the kettle's line, changed as a shopper does: its script posts the change.
    const line = (await shopper.cart()).items.findIndex((item) => item.product_title === "Pour-Over Kettle") + 1;
    const quantity = storefront.locator(`input[data-cart-line="${line}"]`);
    await quantity.fill("2");
    await quantity.blur();
    await expect.poll(async () => (await kettleAndProtection(shopper)).protection?.quantity, { timeout: 15_000 }).toBe(2);
  });

  it("records a claim on a registration and approves it", async () => {
    const { page, app } = await ui.openAdmin("/app/protection/registrations");
    await app
      .getByRole("link", { name: /unit 1/ })
      .first()
      .click();
    await app.getByRole("heading", { name: "Record a claim" }).waitFor({ timeout: 30_000 });
    await app.getByLabel("Reason").selectOption("accidental_damage");
    await app.getByLabel("What happened").fill("The kettle fell off the counter; the spout cracked.");
    await app.getByRole("button", { name: "Record claim" }).click();
    await page.getByText("Claim recorded").waitFor({ timeout: 30_000 });
    await app.getByRole("button", { name: "Approve claim" }).click();
    await page.getByText("Decision recorded").waitFor({ timeout: 30_000 });
    await expect.poll(() => app.getByText("Claimed").count()).toBeGreaterThan(0);
    await expect.poll(() => app.getByText("Approved").count()).toBe(1);
  });

  it("sells premium support from a partner in Dawn, and puts the sale on the partner's statement at its share", async () => {
    // The accident protection offer covers every product: archived, the partner's add-on takes its place.
    const offers = await ui.openAdmin("/app/protection");
    await offers.app.getByRole("link", { name: "Accident protection" }).click();
    await offers.app.getByRole("button", { name: "Archive offer" }).click();
    await offers.app.getByRole("dialog").getByRole("button", { name: "Archive offer" }).click();
    await offers.page.getByText("Offer archived").waitFor({ timeout: 30_000 });

    const { page, app } = await ui.openAdmin("/app/protection/partners/new");
    await app.getByLabel("Name").waitFor({ timeout: 60_000 });
    await app.getByLabel("Name").fill("Fixit Services");
    await app.getByLabel("Revenue share (%)").fill("101");
    await app.getByRole("button", { name: "Save" }).click();
    await app.getByText("Enter a percentage from 0 to 100, with at most two decimals.").waitFor({ timeout: 30_000 });
    await app.getByLabel("Revenue share (%)").fill("25");
    await app.getByLabel("Statement email").fill("statements@fixit.example");
    await app.getByRole("button", { name: "Save" }).click();
    await page.getByText("Partner saved").waitFor({ timeout: 30_000 });

    const form = await ui.openAdmin("/app/protection/new");
    await form.app.getByLabel("What it sells").waitFor({ timeout: 60_000 });
    await form.app.getByLabel("What it sells").selectOption("premium_support");
    await form.app.getByLabel("Partner").selectOption({ label: "Fixit Services" });
    await form.app.getByLabel("Offer name").fill("Premium support");
    await form.app.getByLabel("1 year (1)", { exact: true }).fill("10");
    await form.app.getByLabel("2 years (1)", { exact: true }).fill("18");
    await form.app.getByRole("button", { name: "Save" }).click();
    await form.page.getByText("Offer saved").waitFor({ timeout: 30_000 });

    await ui.editTheme({ publish: "dawn" });
    const storefront = await ui.newPage();
    const shopper = themeShopper(storefront, "dawn");
    await storefront.goto(ui.storefrontUrl(`products/${kettle.handle}`));
    expect(await storefront.getByRole("radio", { name: "No premium support" }).isChecked()).toBe(true);
    await storefront.getByText("Provided by Fixit Services.").waitFor();
    await storefront.getByRole("radio", { name: /2 years of premium support \$18\.00/ }).check();
    expect((await shopper.addToCart()).status()).toBe(200);
    await shopper.checkOut("supported@example.com");
    const order = [...ui.shop.orders.values()].find((o) => o.email === "supported@example.com")!;

    // Orchard registers the order from its webhook in the background: the merchant may have to
    // open the statement again to see it.
    const openStatement = async () => {
      const opened = await ui.openAdmin("/app/protection/partners");
      await opened.app.getByRole("link", { name: "Statement" }).click();
      await opened.app.getByRole("combobox", { name: "Month" }).waitFor({ timeout: 60_000 });
      return opened;
    };
    let statement = await openStatement();
    const rowOf = (opened: typeof statement) => opened.app.getByRole("row").filter({ hasText: `#${order.number}` });
    await expect
      .poll(
        async () => {
          if ((await rowOf(statement).count()) === 0) statement = await openStatement();
          return rowOf(statement).count();
        },
        { timeout: 60_000 },
      )
      .toBe(1);
    const row = rowOf(statement);
    expect(await row.textContent()).toContain("Sale");
    expect(await row.textContent()).toContain("$18.00");
    // 25 % of $18.00.
    expect(await row.textContent()).toContain("$4.50");
    expect(await accessibilityProblems(await appFrame(statement.page))).toEqual([]);
  });
});
