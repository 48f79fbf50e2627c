import { beforeAll, describe, expect, it } from "vitest";
import type { ProductRecord } from "../../simulator/store";
import { listingScreenshot } from "../support/browser";
import { setUpBrowserStack } from "../support/browser-stack";
import { themeShopper } from "../support/theme-shopper";

const ui = setUpBrowserStack({ domain: "browser-plans.myshopify.com", name: "Plans Test Coffee" }, { customers: 5, months: 1 });
let coffee: ProductRecord;

beforeAll(() => {
  coffee = [...ui.shop.products.values()].find((p) => p.title === "House Blend Coffee Beans")!;
});

describe("subscribe-and-save from the merchant's plan to the shopper's subscription", () => {
  it("refuses a plan with invalid fields, saying why next to each field, and sends nothing to Shopify", async () => {
    const { app } = await ui.openAdmin("/app/plans/new");
    // The product list is fetched by the hydrated page: once it shows, typing reaches React.
    await app.getByRole("checkbox", { name: "House Blend Coffee Beans" }).waitFor({ timeout: 60_000 });
    await app.getByLabel("Plan name").fill(" ");
    await app.getByLabel("Value").first().fill("150");
    await app.getByRole("button", { name: "Save" }).click();
    await app.getByText("This field is required.").waitFor({ timeout: 60_000 });
    expect(await app.getByText("Enter a percentage from 0 to 100, with at most 2 decimals.").isVisible()).toBe(true);
    expect(ui.shop.sellingPlanGroups.size).toBe(0);
  });

  it("creates a plan with two frequencies, one prepaid, attached to a product; a shopper subscribes at the discounted price", async () => {
    const { page, app } = await ui.openAdmin("/app/plans");
    await app.getByRole("link", { name: "Create plan" }).click();
    await app.getByLabel("Plan name").fill("Coffee club");
    await app.getByLabel("Deliveries paid upfront").nth(1).fill("3");
    // App Bridge's resource picker opens in the admin, outside the app's frame.
    await app.getByRole("button", { name: "Browse products" }).click();
    const picker = page.getByRole("dialog", { name: "Add products" });
    await picker.getByLabel("Search products").fill("House Blend");
    await picker.getByRole("checkbox", { name: "House Blend Coffee Beans" }).check();
    // Only one size of another product: the plan applies to that variant alone.
    await picker.getByLabel("Search products").fill("Ethiopia");
    // Until the search has re-rendered the list, "1 kg" may still be House Blend's own.
    await picker.getByRole("checkbox", { name: "House Blend Coffee Beans" }).waitFor({ state: "detached" });
    await picker.getByRole("checkbox", { name: "1 kg" }).check();
    await picker.getByRole("button", { name: "Select" }).click();
    await expect.poll(() => app.getByRole("checkbox", { name: "House Blend Coffee Beans" }).isChecked()).toBe(true);
    await expect.poll(() => app.getByText(/Deliver every 4 weeks · Prepay 3 deliveries · Save 10%/).count()).toBeGreaterThan(0);
    await app.getByRole("button", { name: "Save" }).click();

    await app.getByRole("link", { name: "Coffee club" }).waitFor({ timeout: 30_000 });
    await page.getByText("Plan saved").waitFor();
    const group = [...ui.shop.sellingPlanGroups.values()][0]!;
    const ethiopia = [...ui.shop.products.values()].find((p) => p.title === "Single Origin Ethiopia")!;
    expect(group).toMatchObject({ name: "Coffee club", productIds: [coffee.id], variantIds: [ethiopia.variants[1]!.id] });
    expect(group.sellingPlans.map((p) => [p.name, p.billingPolicy.intervalCount, p.deliveryPolicy.intervalCount])).toEqual([
      ["Deliver every 2 weeks · Save 10%", 2, 2],
      ["Deliver every 4 weeks · Prepay 3 deliveries · Save 10%", 12, 4],
    ]);

    const storefront = await ui.newPage();
    await storefront.goto(ui.storefrontUrl(`products/${coffee.handle}`));
    await storefront.getByRole("radio", { name: /Deliver every 2 weeks · Save 10%/ }).check();
    const shopper = themeShopper(storefront, "dawn");
    await shopper.addToCart();
    await shopper.checkOut("club@example.com");

    const [contract] = [...ui.shop.contracts.values()];
    const [order] = [...ui.shop.orders.values()].filter((o) => o.email === "club@example.com");
    expect(order!.lines[0]).toMatchObject({ productId: coffee.id, priceMinor: 1440, sellingPlanId: group.sellingPlans[0]!.id });
    expect(contract).toMatchObject({ originOrderId: order!.id, billingPolicy: { interval: "WEEK", intervalCount: 2 } });
    expect(contract!.lines[0]).toMatchObject({ sellingPlanId: group.sellingPlans[0]!.id, currentPriceMinor: 1440 });
  });

  // Follows the subscription above: the plan's what-if page starts from that subscriber.
  it("keeps what-if pricing for Growth: on Free it offers the plan instead", async () => {
    const { app } = await ui.openAdmin("/app/retention/what-if");
    await app.getByText("What-if pricing is part of Growth").waitFor({ timeout: 60_000 });
    expect(await app.getByRole("link", { name: "See plans" }).getAttribute("href")).toBe("/app/plan");
  });

  it("projects the plan's MRR under a deeper discount, with its assumptions", async () => {
    await ui.acceptGrowthPlan();
    const { page, app } = await ui.openAdmin("/app/retention/what-if");
    // $14.40 every 2 weeks: 26 charges a year over 12 months. The worker mirrors the contract in the background.
    await expect
      .poll(
        async () => {
          await page.reload();
          return app
            .getByText("Subscribers today: 1, bringing $31.20 MRR.", { exact: false })
            .isVisible({ timeout: 20_000 })
            .catch(() => false);
        },
        { timeout: 60_000 },
      )
      .toBe(true);
    expect(await app.getByText("Current discount: 10%").isVisible()).toBe(true);
    await app.getByLabel("New discount (%)").fill("150");
    await app.getByRole("button", { name: "Project" }).click();
    await app.getByText("Enter a percentage from 0 to 100, with at most two decimals.").waitFor();

    await app.getByLabel("New discount (%)").fill("20");
    await app.getByLabel("Price elasticity").fill("1.5");
    await app.getByRole("button", { name: "Project" }).click();
    const table = app.getByRole("table").filter({ has: app.getByRole("columnheader", { name: "Difference" }) });
    await expect.poll(() => table.getByRole("row").count(), { timeout: 30_000 }).toBe(1 + 12);
    expect(await table.getByRole("row").nth(1).textContent()).toContain("Month 1");
    await app
      .getByRole("img", { name: "Projected MRR against leaving the discount as it is, month by month" })
      .locator("svg")
      .first()
      .waitFor();
    expect(await app.getByText("A projection, not a forecast", { exact: false }).isVisible()).toBe(true);
    await listingScreenshot(page, "6-what-if-pricing", { fullPage: true });
  });
});
