import { beforeAll, describe, expect, it } from "vitest";
import type { ProductRecord } from "../../simulator/store";
import { setUpBrowserStack } from "../support/browser-stack";
import { createSellingPlanGroup } from "../support/selling-plans";

const ui = setUpBrowserStack({ domain: "browser-store.myshopify.com", name: "Browser Test Coffee" }, { customers: 5, months: 1 });
let coffee: ProductRecord;

// The merchant installed Orchard (Shopify sends webhooks only to installed apps), and a selling
// plan group as Shopify would hold it, made through the simulator's control API.
beforeAll(async () => {
  const { app } = await ui.openAdmin("/app");
  await app.getByText("products in 4 collections", { exact: false }).waitFor({ timeout: 60_000 });
  coffee = [...ui.shop.products.values()].find((p) => p.title === "House Blend Coffee Beans")!;
  await createSellingPlanGroup(ui.stack.simulatorUrl, ui.shop.domain, {
    name: "Subscribe and save",
    productIds: [coffee.id],
    plans: [
      { name: "Deliver every 2 weeks, save 10%", options: ["2 weeks"], interval: "WEEK", intervalCount: 2, percentageOff: 10 },
      { name: "Deliver every month, save 15%", options: ["1 month"], interval: "MONTH", intervalCount: 1, percentageOff: 15 },
    ],
  });
});

describe("the storefront product page", () => {
  it("offers subscribe-and-save beside the add-to-cart button, with real prices, without shifting the layout", async () => {
    const page = await ui.newPage();
    // Every layout shift, with what moved and from where to where, so a failure says which element to fix.
    await page.addInitScript(() => {
      const shifts: string[] = [];
      (window as unknown as { shifts: string[] }).shifts = shifts;
      type Shift = PerformanceEntry & { value: number; sources: { node?: Node; previousRect: DOMRect; currentRect: DOMRect }[] };
      const describe = (node?: Node) =>
        node instanceof Element ? `${node.tagName.toLowerCase()}.${[...node.classList].join(".")}` : String(node?.nodeName);
      const rect = ({ x, y, width, height }: DOMRect) => `${x},${y} ${width}×${height}`;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Shift[])
          shifts.push(
            `${entry.value.toFixed(4)} at ${Math.round(entry.startTime)} ms: ` +
              entry.sources.map((s) => `${describe(s.node)} ${rect(s.previousRect)} → ${rect(s.currentRect)}`).join("; "),
          );
      }).observe({ type: "layout-shift", buffered: true });
    });
    await page.goto(ui.storefrontUrl(`products/${coffee.handle}`));

    const options = page.getByRole("group", { name: "Purchase options" });
    expect(await options.getByRole("radio").count()).toBe(3);
    expect(await options.getByRole("radio", { name: /One-time purchase/ }).isChecked()).toBe(true);
    expect(await options.getByText("Deliver every 2 weeks, save 10%").isVisible()).toBe(true);
    expect(await options.locator('[data-orchard-price]:not([data-orchard-price=""])').first().textContent()).toBe("$14.40");
    expect(
      await page
        .getByText("Subscriptions renew automatically at the price and frequency you choose until you cancel.", { exact: false })
        .isVisible(),
    ).toBe(true);
    await page.waitForLoadState("networkidle");
    expect(await page.evaluate(() => (window as unknown as { shifts: string[] }).shifts)).toEqual([]);
    await page.screenshot({ path: "test-results/storefront-product.png" });
  });

  it("shows the price of the selected variant for each purchase option", async () => {
    const page = await ui.newPage();
    await page.goto(ui.storefrontUrl(`products/${coffee.handle}`));
    await page.getByLabel("Variant").selectOption(String(coffee.variants[1]!.id));
    const prices = page.locator("[data-orchard-subscribe] [data-orchard-price]");
    await expect.poll(() => prices.allTextContents()).toEqual(["$48.00", "$43.20", "$40.80"]);
  });

  it("lets a keyboard user subscribe, and checkout creates the order and the contract Orchard is told about", async () => {
    const page = await ui.newPage();
    await page.goto(ui.storefrontUrl(`products/${coffee.handle}`));

    await page.getByRole("radio", { name: /One-time purchase/ }).focus();
    await page.keyboard.press("ArrowDown");
    expect(await page.getByRole("radio", { name: /Deliver every 2 weeks/ }).isChecked()).toBe(true);
    await page.getByRole("button", { name: "Add to cart" }).click();

    await page.getByRole("heading", { name: "Your cart" }).waitFor();
    expect(await page.getByText("Deliver every 2 weeks, save 10%").isVisible()).toBe(true);
    await page.getByRole("link", { name: "Check out" }).click();
    await page.getByLabel("Email").fill("subscriber@example.com");
    await page.getByRole("button", { name: "Pay now" }).click();
    await page.getByRole("heading", { name: "Thank you!" }).waitFor();
    expect(await page.getByText("You subscribed: Deliver every 2 weeks, save 10%.").isVisible()).toBe(true);

    const contracts = [...ui.shop.contracts.values()];
    expect(contracts).toHaveLength(1);
    expect(contracts[0]!.lines[0]).toMatchObject({ variantId: coffee.variants[0]!.id, quantity: 1, currentPriceMinor: 1440 });

    await ui.stack.simulator.webhooks.settle();
    // Those of the checkout (the install's history import sent bulk_operations/finish before).
    const delivered = ui.stack.simulator.webhooks.deliveries
      .filter((d) => d.shop === ui.shop.domain && d.topic !== "bulk_operations/finish")
      .map((d) => [d.topic, d.status]);
    expect(delivered).toEqual([
      ["orders/paid", 200],
      ["subscription_contracts/create", 200],
    ]);
  });
});

describe("after checkout", () => {
  it("Orchard charges the next cycle once when the store's clock passes it", async () => {
    const [contract] = [...ui.shop.contracts.values()];
    expect(contract).toBeDefined();
    const ordersBefore = ui.shop.orders.size;
    const advance = await fetch(`${ui.stack.simulatorUrl}/_control/clock/advance`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ days: 15 }),
    });
    expect(advance.status).toBe(200);
    await expect.poll(() => ui.shop.billingAttempts.size, { timeout: 30_000, interval: 500 }).toBe(1);
    // Several more worker rounds: still one charge.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect(
      [...ui.shop.billingAttempts.values()].map((a) => `${a.contractId}:${a.idempotencyKey}:${a.createdAt.toISOString()}`),
    ).toHaveLength(1);
    expect(ui.shop.orders.size).toBe(ordersBefore + 1);
    expect([...ui.shop.billingAttempts.values()][0]).toMatchObject({ contractId: contract!.id, errorCode: null });
  });
});

describe("the merchant's view of it", () => {
  it("lists the new subscription with its next order, and shows its billing history", async () => {
    // The store's clock was moved 15 days on above: the merchant stays signed in.
    const { page, app } = await ui.openAdmin("/app/subscriptions");
    await app.getByRole("link", { name: "subscriber@example.com" }).waitFor({ timeout: 60_000 });
    await app.getByRole("button", { name: "Active (1)" }).click();
    await app.getByRole("link", { name: "subscriber@example.com" }).waitFor();

    await app.getByRole("link", { name: "subscriber@example.com" }).click();
    await app.getByText("Order 2", { exact: false }).waitFor({ timeout: 30_000 });
    expect(await app.getByText("House Blend Coffee Beans – 250 g · Quantity 1", { exact: false }).isVisible()).toBe(true);
    await page.screenshot({ path: "test-results/admin-subscription.png" });
  });
});
