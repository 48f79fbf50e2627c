import { describe, expect, it } from "vitest";
import type { FrameLocator, Page } from "playwright-core";
import { completeCheckout } from "../../simulator/checkout";
import { setUpBrowserStack } from "../support/browser-stack";
import { payAtCheckout } from "../support/theme-shopper";

const ui = setUpBrowserStack(
  { domain: "browser-reminders.myshopify.com", name: "Reminder Test Coffee", ianaTimezone: "UTC" },
  { customers: 3, months: 0 },
);
const DAY = 86_400_000;

/** The rule's product, chosen in Shopify's resource picker as the merchant does. */
async function chooseProduct(page: Page, app: FrameLocator, search: string, title: string) {
  await app.getByRole("button", { name: "Choose a product" }).click({ timeout: 60_000 });
  const picker = page.getByRole("dialog", { name: "Add products" });
  await picker.getByLabel("Search products").fill(search);
  await picker.getByRole("checkbox", { name: title }).check();
  await picker.getByRole("button", { name: "Select" }).click();
}

describe("a reorder reminder from the merchant's rule to the customer's reorder", () => {
  it("the merchant sets a rule; the customer is emailed before running out, reorders from the email with the code, and the admin shows the conversion", async () => {
    // The merchant: one bag of House Blend lasts 30 days; remind 3 days early, with a code.
    const { page, app } = await ui.openAdmin("/app/reminders/rules/new");
    await chooseProduct(page, app, "House Blend", "House Blend Coffee Beans");
    await app.getByText("Product: House Blend Coffee Beans").waitFor();
    await app.getByLabel("Days one unit lasts").fill("30");
    await app.getByLabel("Remind this many days before they run out").fill("3");
    await app.getByLabel("Discount code for the reorder (optional)").fill("COMEBACK10");
    await app.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.locator("#toasts").textContent(), { timeout: 30_000 }).toContain("Rule saved");
    await app.getByRole("link", { name: "House Blend Coffee Beans" }).waitFor();

    // A customer who accepts marketing buys one bag; 27 days later the worker emails them.
    const customer = [...ui.shop.customers.values()][0]!;
    customer.marketingState = "SUBSCRIBED";
    const coffee = [...ui.shop.products.values()].find((p) => p.title === "House Blend Coffee Beans")!;
    await completeCheckout(ui.stack.simulator, ui.shop, {
      email: customer.email,
      lines: [{ variantId: coffee.variants[0]!.id, quantity: 1, sellingPlanId: null, properties: {} }],
    });
    const mailbox = ui.stack.simulator.mailbox;
    // Orchard plans the reminder from the order's webhook: once the merchant sees it coming, time may pass.
    const planned = await ui.openAdmin("/app/reminders");
    await expect
      .poll(
        async () => {
          await planned.page.reload();
          return planned.app.getByRole("row").filter({ hasText: customer.email }).count();
        },
        { timeout: 60_000 },
      )
      .toBe(1);
    ui.stack.simulator.clock.advance(28 * DAY);
    await expect.poll(() => mailbox.to(customer.email).length, { timeout: 60_000 }).toBe(1);
    const email = mailbox.to(customer.email)[0]!;
    expect(email.subject).toContain("Running low on House Blend Coffee Beans");

    // The customer opens the email's reorder link: the cart has the bag and the code; they pay.
    const reorderUrl = /Reorder now: (\S+)/.exec(email.text)![1]!;
    const shopper = await ui.newPage();
    await shopper.goto(reorderUrl);
    await shopper.getByRole("heading", { name: "Checkout" }).waitFor({ timeout: 30_000 });
    expect(await shopper.getByText("House Blend Coffee Beans").first().isVisible()).toBe(true);
    expect(await shopper.getByText("COMEBACK10").isVisible()).toBe(true);
    await payAtCheckout(shopper, customer.email);

    // The merchant sees the reminder converted, with the order's revenue.
    const revenue = new Intl.NumberFormat("en", { style: "currency", currency: ui.shop.currencyCode }).format(
      coffee.variants[0]!.priceMinor / 100,
    );
    const admin = await ui.openAdmin("/app/reminders");
    const sentRow = async () => {
      await admin.app.getByRole("tab", { name: "Sent", exact: true }).click({ timeout: 60_000 });
      // The tab follows the loader, so once it reads as selected the table holds the sent reminders.
      await admin.app.getByRole("tab", { name: "Sent", exact: true, selected: true }).waitFor();
      return admin.app.getByRole("row").filter({ hasText: customer.email }).textContent({ timeout: 30_000 });
    };
    await expect
      .poll(
        async () => {
          await admin.page.reload();
          return sentRow();
        },
        { timeout: 90_000 },
      )
      .toContain("Converted");
    expect(await sentRow()).toContain(revenue);
    await admin.page.screenshot({ path: "test-results/admin-reminders-converted.png" });
  });

  it("reminds the customers who bought a product before its rule, when the merchant asks, and says how many", async () => {
    const buyer = [...ui.shop.customers.values()][1]!;
    buyer.marketingState = "SUBSCRIBED";
    const chai = [...ui.shop.products.values()].find((p) => p.title === "Masala Chai")!;
    await completeCheckout(ui.stack.simulator, ui.shop, {
      email: buyer.email,
      lines: [{ variantId: chai.variants[0]!.id, quantity: 1, sellingPlanId: null, properties: {} }],
    });

    const { page, app } = await ui.openAdmin("/app/reminders/rules/new");
    await chooseProduct(page, app, "Masala Chai", "Masala Chai");
    await app.getByLabel("Days one unit lasts").fill("30");
    await app.getByLabel("Also remind customers who bought it before today").check();
    await app.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.locator("#toasts").textContent(), { timeout: 30_000 }).toContain("Rule saved");
    // The page follows the search as it goes, without a reload.
    await app
      .getByText(/^Past buyers of Masala Chai: 1 reminder scheduled after reading \d+ orders; every customer could be reminded/)
      .waitFor({ timeout: 60_000 });
    await app.getByRole("row").filter({ hasText: buyer.email }).filter({ hasText: "Masala Chai" }).waitFor();
  });
});
