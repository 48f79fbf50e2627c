import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeHandle } from "../../simulator/embedded-admin";
import type { ProductRecord } from "../../simulator/store";
import { setUpBrowserStack } from "../support/browser-stack";
import { accessibilityProblems, appFrame } from "../support/axe";
import { createSellingPlanGroup } from "../support/selling-plans";
import { recordShiftsBesideOrchard, themeShopper, type ThemeName } from "../support/theme-shopper";

/**
 * Subscribe-and-save in Shopify's own themes, as merchants run them: the shopper uses the theme's
 * variant picker and add to cart button, and what they chose is what the contract says.
 */
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
  await createSellingPlanGroup(ui.stack.simulatorUrl, ui.shop.domain, {
    name: "Prepay and save",
    productIds: [coffee.id],
    plans: [
      {
        name: "Monthly, 3 months prepaid, save 20%",
        options: ["3 months prepaid"],
        interval: "MONTH",
        intervalCount: 1,
        percentageOff: 20,
        deliveriesPerBilling: 3,
      },
    ],
  });
});

const contractsOf = (email: string) => [...ui.shop.contracts.values()].filter((c) => ui.shop.customers.get(c.customerId)?.email === email);

describe.each<ThemeName>(["dawn", "horizon"])("the product page in %s", (theme) => {
  beforeAll(() => ui.editTheme({ publish: theme }));

  it("offers subscribe-and-save beside the theme's add to cart, in the shop's money format, without shifting the layout", async () => {
    const page = await ui.newPage();
    const shifts = await recordShiftsBesideOrchard(page);
    await page.goto(ui.storefrontUrl(`products/${coffee.handle}`));
    const options = page.getByRole("group", { name: "Purchase options" });
    expect(await options.getByRole("radio").count()).toBe(4);
    expect(await options.getByRole("radio", { name: /One-time purchase/ }).isChecked()).toBe(true);
    expect(await options.getByRole("radio", { name: /Deliver every 2 weeks, save 10% \$14\.40 per delivery/ }).count()).toBe(1);
    await page.waitForLoadState("networkidle");
    await page.screenshot({ path: `test-results/storefront-${theme}-product.png` });
    // Orchard's block, within the theme's page (the theme's own markup is Shopify's to answer for).
    expect(await accessibilityProblems(page, "[data-orchard-subscribe]")).toEqual([]);
    expect(await shifts()).toEqual([]);

    // A phone: nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await options.evaluate((element) => element.getBoundingClientRect().right)).toBeLessThanOrEqual(390);
  });

  it("lets a keyboard user subscribe with the theme's own add to cart, and the contract has that plan and price", async () => {
    const page = await ui.newPage();
    const shopper = themeShopper(page, theme);
    await page.goto(ui.storefrontUrl(`products/${coffee.handle}`));
    await page.getByRole("radio", { name: /One-time purchase/ }).focus();
    await page.keyboard.press("ArrowDown");
    expect(await page.getByRole("radio", { name: /Deliver every 2 weeks/ }).isChecked()).toBe(true);
    expect((await shopper.addToCart()).status()).toBe(200);
    const [line] = (await shopper.cart()).items;
    expect(line).toMatchObject({ variant_id: coffee.variants[0]!.id, quantity: 1, price: 1440 });
    expect(line!.selling_plan_allocation!.selling_plan.name).toBe("Deliver every 2 weeks, save 10%");

    const email = `${theme}-subscriber@example.com`;
    await shopper.checkOut(email);
    expect(await page.getByText("You subscribed: Deliver every 2 weeks, save 10%.").isVisible()).toBe(true);
    const [contract] = contractsOf(email);
    expect(contract!.lines[0]).toMatchObject({ variantId: coffee.variants[0]!.id, quantity: 1, currentPriceMinor: 1440 });
  });

  it("follows the variant the theme's picker selects: its prices, announced, and its plan in the cart", async () => {
    const page = await ui.newPage();
    const shopper = themeShopper(page, theme);
    await page.goto(ui.storefrontUrl(`products/${coffee.handle}`));
    await page.getByRole("radio", { name: /Deliver every month/ }).check();
    const kilo = coffee.variants[1]!;
    await shopper.chooseVariant(kilo.title);
    const options = page.getByRole("group", { name: "Purchase options" });
    await expect
      .poll(() => options.locator(".orchard-subscribe__price:visible").allTextContents(), { timeout: 15_000 })
      .toEqual(["$48.00", "$43.20 per delivery", "$40.80 per delivery", "$115.20 for 3 deliveries ($38.40 each), paid now"]);
    // Still the shopper's choice, and screen readers hear the new price.
    expect(await page.getByRole("radio", { name: /Deliver every month/ }).isChecked()).toBe(true);
    await expect
      .poll(() => page.locator("[data-orchard-announce]").textContent())
      .toBe("Deliver every month, save 15%: $40.80 per delivery");

    await shopper.addToCart();
    const [line] = (await shopper.cart()).items;
    expect(line).toMatchObject({ variant_id: kilo.id, price: 4080 });
    expect(line!.selling_plan_allocation!.selling_plan.name).toBe("Deliver every month, save 15%");
  });
});

describe("a customer's account page in dawn (classic customer accounts)", () => {
  beforeAll(() => ui.editTheme({ publish: "dawn" }));

  it("links to their subscriptions from the theme's account area, by keyboard, without shifting the page", async () => {
    const page = await ui.newPage();
    const shifts = await recordShiftsBesideOrchard(page);
    await page.goto(ui.storefrontUrl(""));
    await page.goto(`${ui.stack.simulatorUrl}/account`);
    await page.getByRole("textbox", { name: "Email" }).fill("dawn-subscriber@example.com");
    await page.getByRole("button", { name: "Log in" }).click();
    await page.getByRole("heading", { name: "Account", level: 1 }).waitFor();
    // Orchard's app embed, on the line of Dawn's "Log out" link, where adding it moves nothing.
    await page.locator(".customer.account").getByRole("link", { name: "Manage your subscriptions" }).waitFor();
    await page.waitForLoadState("networkidle");
    expect(await shifts()).toEqual([]);
    await page.screenshot({ path: "test-results/storefront-dawn-account.png" });

    await page.getByRole("link", { name: "Log out" }).focus();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Manage your subscriptions");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Your subscriptions" }).waitFor();
    expect(await page.getByText("Deliver every 2 weeks, save 10%").first().isVisible()).toBe(true);
  });
});

describe("a prepaid plan", () => {
  beforeAll(() => ui.editTheme({ publish: "dawn" }));

  it("shows and charges the whole term now, and the contract bills the term each time", async () => {
    const page = await ui.newPage();
    const shopper = themeShopper(page, "dawn");
    await page.goto(ui.storefrontUrl(`products/${coffee.handle}`));
    const prepaid = page.getByRole("radio", {
      name: /Monthly, 3 months prepaid, save 20% \$38\.40 for 3 deliveries \(\$12\.80 each\), paid now/,
    });
    await prepaid.check();
    await shopper.addToCart();
    expect((await shopper.cart()).items[0]).toMatchObject({
      price: 3840,
      selling_plan_allocation: { price: 3840, per_delivery_price: 1280 },
    });
    await shopper.checkOut("prepaid@example.com");
    const order = [...ui.shop.orders.values()].find((o) => o.email === "prepaid@example.com")!;
    expect(order.lines[0]!.priceMinor).toBe(3840);
    const [contract] = contractsOf("prepaid@example.com");
    expect(contract).toMatchObject({
      billingPolicy: { interval: "MONTH", intervalCount: 3 },
      deliveryPolicy: { interval: "MONTH", intervalCount: 1 },
    });
    expect(contract!.lines[0]!.currentPriceMinor).toBe(3840);
  });
});

describe("a theme whose product page has no add to cart form", () => {
  beforeAll(() => ui.editTheme({ publish: "no-product-form" }));
  afterAll(() => ui.editTheme({ publish: "dawn" }));

  it("tells the merchant in the theme editor, and shows shoppers nothing they could not buy", async () => {
    const page = await ui.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(ui.storefrontUrl(`products/${coffee.handle}`));
    await page.waitForLoadState("networkidle");
    await expect.poll(() => page.getByRole("group", { name: "Purchase options" }).isVisible()).toBe(false);
    expect(errors).toEqual([]);

    const editor = await ui.newPage();
    await editor.goto(
      `${ui.stack.simulatorUrl}/store/${storeHandle(ui.shop)}/themes/current/editor?previewPath=/products/${coffee.handle}`,
    );
    const note = editor.frameLocator('iframe[title="Preview"]').getByRole("note");
    await note.first().waitFor();
    expect(await note.first().textContent()).toContain("Orchard found no add-to-cart form in this section");
  });
});

describe("after checkout", () => {
  it("Orchard charges each subscription's next cycle once when the store's clock passes it", async () => {
    // One every-2-weeks subscription from each theme, and the prepaid one (billed in three months).
    expect(ui.shop.contracts.size).toBe(3);
    const ordersBefore = ui.shop.orders.size;
    const advance = await fetch(`${ui.stack.simulatorUrl}/_control/clock/advance`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ days: 15 }),
    });
    expect(advance.status).toBe(200);
    await expect.poll(() => ui.shop.billingAttempts.size, { timeout: 30_000, interval: 500 }).toBe(2);
    // Three more worker rounds: still one charge each.
    const roundsSoFar = ui.stack.simulator.clockReads;
    await expect.poll(() => ui.stack.simulator.clockReads, { timeout: 60_000, interval: 200 }).toBeGreaterThanOrEqual(roundsSoFar + 3);
    expect(ui.shop.billingAttempts.size).toBe(2);
    expect(ui.shop.orders.size).toBe(ordersBefore + 2);
    expect(new Set([...ui.shop.billingAttempts.values()].map((a) => a.contractId)).size).toBe(2);
  });
});

describe("the merchant's view of it", () => {
  it("lists the new subscription with its next order, and shows its billing history", async () => {
    // The store's clock was moved 15 days on above: the merchant stays signed in.
    const { page, app } = await ui.openAdmin("/app/subscriptions");
    const subscriber = app.getByRole("row").filter({ hasText: "dawn-subscriber@example.com" }).getByRole("link");
    await subscriber.waitFor({ timeout: 60_000 });
    await subscriber.click();
    await app.getByText("Order 2", { exact: false }).waitFor({ timeout: 30_000 });
    expect(await app.getByText("House Blend Coffee Beans – 250 g · Quantity 1", { exact: false }).isVisible()).toBe(true);
    expect(await app.getByText("Delivered every 2 weeks").isVisible()).toBe(true);

    // Both orders, each with its Shopify name and amount, linked to their page in Shopify's admin.
    // The subscriber holds more than one contract: the one shown is the one whose checkout order
    // the page links, and its renewal is the order its own billing attempt made.
    const history = app.getByRole("table");
    const linked = new Set((await history.getByRole("link").allTextContents()).map((name) => name.replace("#", "")));
    const contract = [...ui.shop.contracts.values()].find(
      (c) =>
        ui.shop.customers.get(c.customerId)?.email === "dawn-subscriber@example.com" &&
        linked.has(String(ui.shop.orders.get(c.originOrderId!)?.number)),
    )!;
    const renewalId = [...ui.shop.billingAttempts.values()].find((attempt) => attempt.contractId === contract.id)!.orderId;
    const [renewal, origin] = [ui.shop.orders.get(renewalId!), ui.shop.orders.get(contract.originOrderId!)];
    const orderRow = (order: typeof renewal) =>
      history.getByRole("row").filter({ has: app.getByRole("link", { name: `#${order!.number}` }) });
    let tableShown: string | null = null;
    await expect
      .poll(
        async () => {
          await page.reload();
          tableShown = await history.textContent({ timeout: 30_000 }).catch(() => null);
          return orderRow(renewal)
            .textContent({ timeout: 5_000 })
            .catch(() => "");
        },
        // The renewal's outcome reaches Orchard by webhook, worked in the background: beside
        // PostgreSQL's integration suite on two cores that has taken over two minutes.
        { timeout: 300_000 },
      )
      .toMatch(/Order 2.*Paid.*\$\d+\.\d{2}/)
      .catch((error: unknown) => {
        throw new Error(
          `renewal #${renewal!.number} not shown as paid at ${page.url()}. The table showed: ${tableShown}\nOrchard's warnings:\n${ui.orchardWarnings()}`,
          { cause: error },
        );
      });
    expect(await orderRow(origin).textContent()).toMatch(/Order 1.*Paid at checkout.*\$\d+\.\d{2}/);
    await page.screenshot({ path: "test-results/admin-subscription.png" });
    expect(await accessibilityProblems(await appFrame(page))).toEqual([]);
    await orderRow(renewal).getByRole("link").click();
    await page.getByRole("heading", { name: `Order #${renewal!.number}` }).waitFor();
  }, 420_000); // its own time: the wait for the renewal is longer than a browser test's usual two minutes

  it("speaks French with French plurals and agreement", async () => {
    const { app } = await ui.openAdmin("/app/subscriptions", "fr-FR");
    await app.getByText("3 abonnements", { exact: true }).waitFor({ timeout: 60_000 });
    await app.getByRole("textbox", { name: "Rechercher par client, e-mail ou article" }).fill("dawn-subscriber");
    await app.getByText("1 abonnement", { exact: true }).waitFor();
    await app.getByRole("row").filter({ hasText: "dawn-subscriber@example.com" }).getByRole("link").click();
    // "Toutes les semaines": the article agrees with "semaine", which is feminine.
    await app.getByText("Livré toutes les 2 semaines").waitFor({ timeout: 30_000 });
    expect(await app.getByText("Historique de facturation").count()).toBeGreaterThan(0);
    // Dates in French, in full.
    expect(await app.getByRole("table").textContent()).toMatch(
      /\d{1,2} (janv\.|févr\.|mars|avr\.|mai|juin|juil\.|août|sept\.|oct\.|nov\.|déc\.) \d{4}/,
    );
  });
});
