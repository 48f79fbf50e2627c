import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { completeCheckout } from "../../simulator/checkout";
import { setUpBrowserStack } from "../support/browser-stack";
import { createSellingPlanGroup } from "../support/selling-plans";

/**
 * Markup where names go: a product title, plan names, a customer's name, the merchant's offer.
 * Each page a person sees (the product page's blocks in Dawn, the cart, the admin, the customer's
 * subscriptions page) shows them as text, and no script of theirs runs: every payload would set
 * window.__xss, or open a dialog.
 */
const payload = (where: string) =>
  `${where} "><img src=x onerror="window.__xss='${where}'"><script>window.__xss='${where}'</script>{{ shop.name }}`;
const TITLE = payload("Beans");
const PLAN = payload("Plan");
const OFFER = payload("Cover");
const CUSTOMER = payload("Ann");

const ui = setUpBrowserStack(
  { domain: "browser-hostile.myshopify.com", name: "Hostile Names Coffee", ianaTimezone: "UTC" },
  { customers: 2, months: 1 },
);
let customerEmail = "";
let productHandle = "";

/** Any script a payload managed to run in the page or its frames (the admin's app frame), or a dialog it opened. */
async function scriptsRan(page: Page, dialogs: string[]): Promise<string[]> {
  const marks = await Promise.all(
    page.frames().map((frame) => frame.evaluate(() => (window as { __xss?: string }).__xss).catch(() => undefined)),
  );
  return [...dialogs, ...marks.filter((mark): mark is string => typeof mark === "string")];
}

function dialogsOf(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

beforeAll(async () => {
  const { app } = await ui.openAdmin("/app");
  await app.getByText("products in 4 collections", { exact: false }).waitFor({ timeout: 60_000 });
  const coffee = [...ui.shop.products.values()].find((p) => p.title === "House Blend Coffee Beans")!;
  coffee.title = TITLE;
  productHandle = coffee.handle;
  const { sellingPlanIds } = await createSellingPlanGroup(ui.stack.simulatorUrl, ui.shop.domain, {
    name: PLAN,
    productIds: [coffee.id],
    plans: [{ name: PLAN, options: ["2 weeks"], interval: "WEEK", intervalCount: 2, percentageOff: 10 }],
  });
  const customer = [...ui.shop.customers.values()][0]!;
  customer.firstName = CUSTOMER;
  customerEmail = customer.email;
  await completeCheckout(ui.stack.simulator, ui.shop, {
    email: customerEmail,
    lines: [{ variantId: coffee.variants[0]!.id, quantity: 1, sellingPlanId: sellingPlanIds[0]!, properties: {} }],
  });
});

describe("names with markup in them", () => {
  it("the merchant's protection offer, named with markup in the admin, is saved and listed as text", async () => {
    const { page, app } = await ui.openAdmin("/app/protection/new");
    const dialogs = dialogsOf(page);
    await app.getByLabel("Offer name").waitFor({ timeout: 60_000 });
    await app.getByLabel("Offer name").fill(OFFER);
    await app.getByLabel("What the protection covers").fill(OFFER);
    await app.getByLabel("Product price from (1)").fill("0");
    await app.getByLabel("1 year (1)", { exact: true }).fill("4.99");
    await app.getByLabel("2 years (1)", { exact: true }).fill("7.99");
    await app.getByRole("button", { name: "Save" }).click();
    await page.getByText("Offer saved").waitFor({ timeout: 30_000 });
    await app.getByRole("link", { name: OFFER }).waitFor();
    expect(await scriptsRan(page, dialogs)).toEqual([]);
  });

  it("Dawn's product page shows the plan and the offer as text in Orchard's blocks, and runs none of it", async () => {
    const page = await ui.newPage();
    const dialogs = dialogsOf(page);
    await page.goto(ui.storefrontUrl(`products/${productHandle}`));
    await page.locator("[data-orchard-subscribe]").waitFor();
    await page.locator(".orchard-protection__legend").waitFor();
    expect(await page.locator(".orchard-subscribe__name").filter({ hasText: "window.__xss" }).textContent()).toBe(PLAN);
    expect(await page.locator(".orchard-protection__legend").textContent()).toBe(OFFER);
    expect(await page.locator(".orchard-protection").getAttribute("data-orchard-product-title")).toBe(TITLE);
    // The shopper adds it with protection: the cart page shows its line, the product's title in its
    // "Protects" property without the angle brackets Dawn would print as markup.
    await page.getByRole("radio", { name: /1 year/ }).check();
    await page.locator('form[action*="/cart/add"] button[type="submit"]:visible').first().click();
    await page.goto(ui.storefrontUrl("cart"));
    await page.getByText("Protects:").waitFor();
    expect(await page.getByText('Beans "\u203a\u2039img src=x', { exact: false }).count()).toBeGreaterThan(0);
    expect(await scriptsRan(page, dialogs)).toEqual([]);
  });

  it("the customer's subscriptions page shows the plan and product as text, and runs none of it", async () => {
    const page = await ui.newPage();
    const dialogs = dialogsOf(page);
    await ui.customerOnSubscriptionsPage(page, customerEmail);
    await page.getByRole("heading", { name: PLAN }).waitFor();
    expect(await page.getByText(TITLE, { exact: false }).count()).toBeGreaterThan(0);
    expect(await scriptsRan(page, dialogs)).toEqual([]);
  });

  it("the merchant's subscriptions list and page show the customer's and plan's names as text", async () => {
    const { page, app } = await ui.openAdmin("/app/subscriptions");
    const dialogs = dialogsOf(page);
    await app.getByRole("row").filter({ hasText: customerEmail }).getByRole("link").click({ timeout: 60_000 });
    // The subscription's page (the list shows the plan too, so wait for the page's own card first;
    // on a busy machine the dev server's first compile of it can take most of a minute), whose
    // subtitle is the plan.
    await app.getByText("Billing history").waitFor({ timeout: 90_000 });
    await app.getByText(PLAN, { exact: false }).first().waitFor();
    expect(await scriptsRan(page, dialogs)).toEqual([]);
  });
});
