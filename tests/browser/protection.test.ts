import { beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import type { ProductRecord } from "../../simulator/store";
import { setUpBrowserStack } from "../support/browser-stack";

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

/** The cart page's quantity of a line, once the cart check has made it right. */
async function quantityOf(page: Page, title: RegExp): Promise<string | null> {
  const row = page.getByRole("row").filter({ hasText: title });
  return (await row.count()) === 0 ? null : row.getByRole("spinbutton").inputValue();
}

async function addKettleWithProtection(storefront: Page, quantity: number) {
  await storefront.goto(ui.storefrontUrl(`products/${kettle.handle}`));
  // Never pre-selected: the shopper chooses protection explicitly.
  expect(await storefront.getByRole("radio", { name: "No protection" }).isChecked()).toBe(true);
  await storefront.getByRole("radio", { name: /2 years of protection \$14\.99/ }).check();
  await storefront.getByLabel("Quantity").fill(String(quantity));
  await storefront.getByRole("button", { name: "Add to cart" }).click();
  await storefront.getByRole("heading", { name: "Your cart" }).waitFor();
}

describe("product protection from the merchant's offer to an approved claim", () => {
  it("creates an offer with three price bands; the shopper's cart keeps protection with its product; checkout registers each unit", async () => {
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

    const storefront = await ui.newPage();
    await addKettleWithProtection(storefront, 1);
    expect(await quantityOf(storefront, /Pour-Over Kettle - 1 L/)).toBe("1");
    expect(await quantityOf(storefront, /Accident protection/)).toBe("1");
    await expect.poll(() => storefront.getByText("Protects: Pour-Over Kettle").count()).toBe(1);

    // The theme's own cart form changes the product; the cart check brings its protection along.
    const setKettle = async (quantity: string) => {
      const row = storefront.getByRole("row").filter({ hasText: /Pour-Over Kettle - 1 L/ });
      await row.getByRole("spinbutton").fill(quantity);
      await row.getByRole("button", { name: "Update" }).click();
    };
    await setKettle("2");
    await expect.poll(() => quantityOf(storefront, /Accident protection/), { timeout: 15_000 }).toBe("2");
    await setKettle("1");
    await expect.poll(() => quantityOf(storefront, /Accident protection/), { timeout: 15_000 }).toBe("1");
    await storefront.getByRole("button", { name: /Remove Pour-Over Kettle/ }).click();
    await storefront.getByRole("heading", { name: "Your cart is empty" }).waitFor({ timeout: 15_000 });

    await addKettleWithProtection(storefront, 2);
    expect(await quantityOf(storefront, /Accident protection/)).toBe("2");
    await storefront.getByRole("link", { name: "Check out" }).click();
    await storefront.getByLabel("Email").fill("careful@example.com");
    await storefront.getByRole("button", { name: "Pay now" }).click();
    await storefront.getByRole("heading", { name: "Thank you!" }).waitFor();
    const order = [...ui.shop.orders.values()].at(-1)!;

    const { app: admin } = await ui.openAdmin("/app/protection/registrations");
    const rows = admin.getByRole("row").filter({ hasText: order.number.toString() });
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2);
    const expires = new Date(order.createdAt);
    expires.setUTCFullYear(expires.getUTCFullYear() + 2);
    const expiry = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" }).format(expires);
    for (const row of await rows.all()) {
      expect(await row.textContent()).toContain("Pour-Over Kettle");
      expect(await row.textContent()).toContain("$14.99");
      expect(await row.textContent()).toContain("2 years");
      expect(await row.textContent()).toContain(expiry);
    }
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
});
