import { beforeAll, describe, expect, it } from "vitest";
import { REQUIRED_COLUMNS } from "../../app/migration/import-file";
import { vaultCard } from "../../simulator/payment-methods";
import { accessibilityProblems, appFrame } from "../support/axe";
import { setUpBrowserStack } from "../support/browser-stack";

/**
 * A merchant moving from another app: uploads the export, reads which rows are refused and why,
 * starts the import, and finds the subscriptions on the Subscriptions page.
 */
const ui = setUpBrowserStack(
  { domain: "browser-migration.myshopify.com", name: "Moving Coffee", ianaTimezone: "UTC" },
  { customers: 3, months: 0 },
);

let file: string;

beforeAll(async () => {
  const { app } = await ui.openAdmin("/app");
  await app.getByText("products in", { exact: false }).waitFor({ timeout: 60_000 });
  const variant = [...ui.shop.products.values()][0]!.variants[0]!;
  const card = { brand: "visa", lastDigits: "4242", expiryMonth: 12, expiryYear: 2030, name: "Moved Over" };
  const rows = [...ui.shop.customers.values()].map((customer, index) => {
    const method = vaultCard(ui.stack.simulator.store, ui.shop, customer.id, card);
    const fields: Record<string, string> = {
      shopify_customer_id: String(customer.id),
      shopify_variant_id: String(variant.id),
      quantity: "1",
      recurring_price: "18.00",
      order_interval_unit: "month",
      order_interval_frequency: "1",
      charge_interval_frequency: "1",
      // The third row's date has passed: the app the store leaves charges it.
      next_charge_date: index === 2 ? "2020-01-15" : "2031-01-15",
      shipping_last_name: customer.lastName,
      shipping_address_1: "1 Orchard Lane",
      shipping_city: "Springfield",
      shipping_zip: "12345",
      shipping_country_code: "US",
      payment_method_id: String(method.id),
      customer_email: customer.email,
    };
    return fields;
  });
  const header = [...REQUIRED_COLUMNS, "customer_email"];
  file = [header.join(","), ...rows.map((row) => header.map((column) => row[column]).join(","))].join("\n");
});

describe("importing subscriptions from another app", () => {
  it("shows the rows refused and why, imports the others on the merchant's word, and lists them", async () => {
    const { page, app } = await ui.openAdmin("/app/subscriptions");
    await app.getByRole("link", { name: "Import from another app" }).click();
    await app.getByRole("heading", { name: "Move your subscribers from another app" }).waitFor({ timeout: 60_000 });
    expect(await accessibilityProblems(await appFrame(page))).toEqual([]);
    await app.locator('input[type="file"]').setInputFiles({ name: "recharge-export.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
    await app.getByRole("button", { name: "Check file" }).click();

    await app.getByText("2 subscriptions ready to import").waitFor({ timeout: 60_000 });
    const refused = app.getByRole("row").filter({ hasText: "Refused" });
    expect(await refused.textContent()).toContain("The next charge date 2020-01-15 is not after today");
    expect(ui.shop.contracts.size).toBe(0);
    expect(await accessibilityProblems(await appFrame(page))).toEqual([]);

    await app.getByRole("button", { name: "Import 2 subscriptions" }).click();
    await app.getByText("Import finished: 2 subscriptions created").waitFor({ timeout: 90_000 });
    expect(ui.shop.contracts.size).toBe(2);
    // Listed once the contracts are mirrored, as any subscription: the first customer's among them.
    const first = [...ui.shop.customers.values()][0]!;
    await expect
      .poll(
        async () => {
          const { app: list } = await ui.openAdmin("/app/subscriptions");
          await list.getByRole("heading", { name: "Subscriptions" }).first().waitFor();
          return list.getByText(first.email).count();
        },
        { timeout: 60_000 },
      )
      .toBe(1);
  });
});
