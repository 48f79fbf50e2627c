import { mkdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { startStack, type Stack } from "../../scripts/stack";
import { adminAppUrl } from "../../simulator/embedded-admin";
import { seedShop } from "../../simulator/seed";
import type { ShopRecord } from "../../simulator/store";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { freePort, launchBrowser, personContext } from "../support/browser";

let database: TestDatabase;
let stack: Stack;
let browser: Browser;
let shop: ShopRecord;

beforeAll(async () => {
  database = await createTestDatabase();
  stack = await startStack({ appPort: await freePort(), simulatorPort: 0, databaseUrl: database.url, quiet: true });
  shop = stack.simulator.store.createShop({
    domain: "browser-admin.myshopify.com",
    name: "Browser Test Roasters",
    ianaTimezone: "Europe/Paris",
  });
  seedShop(stack.simulator.store, shop, new Date(), { customers: 20, months: 2 });
  browser = await launchBrowser();
  mkdirSync("test-results", { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await database?.drop();
});

async function openAdmin(path: string): Promise<Page> {
  const page = await (await personContext(browser)).newPage();
  await page.goto(adminAppUrl(stack.simulator, shop, path));
  return page;
}

describe("Orchard in the store's admin", () => {
  it("shows the merchant's store and catalogue on the dashboard, inside the admin frame", async () => {
    const page = await openAdmin("/app");
    const app = page.frameLocator('iframe[title="Orchard"]');
    await app.getByText("20 products in 4 collections").waitFor({ timeout: 60_000 });
    expect(await app.getByText("Browser Test Roasters · USD · time zone Europe/Paris").isVisible()).toBe(true);
    expect(await app.getByText("Turn one-off sales into recurring revenue").isVisible()).toBe(true);
    await page.screenshot({ path: "test-results/admin-dashboard.png" });
  });

  it("puts Orchard's navigation in the admin sidebar and follows it", async () => {
    const page = await openAdmin("/app");
    const nav = page.getByRole("navigation", { name: "Apps" });
    await nav.getByRole("link", { name: "Settings" }).waitFor({ timeout: 60_000 });
    expect(await nav.getByRole("link").allTextContents()).toEqual([
      "Subscription plans",
      "Subscriptions",
      "Protection",
      "Reminders",
      "Settings",
    ]);

    await nav.getByRole("link", { name: "Settings" }).click();
    const app = page.frameLocator('iframe[title="Orchard"]');
    await app.getByText("Europe/Paris").waitFor();
    await expect.poll(() => page.locator("#title-bar").textContent()).toBe("Settings");
    await page.waitForURL(/\/app\/settings$/);
  });

  it("speaks the merchant's language when the admin asks for French", async () => {
    const page = await (await personContext(browser, "fr-FR")).newPage();
    await page.goto(`${adminAppUrl(stack.simulator, shop, "/app")}?locale=fr`);
    const app = page.frameLocator('iframe[title="Orchard"]');
    await app.getByText("20 produits dans 4 collections").waitFor({ timeout: 60_000 });
  });

  it("shows no merchant data when the app is opened outside the admin without a session token", async () => {
    const page = await (await personContext(browser)).newPage();
    await page.goto(`${stack.appUrl}/app?shop=${shop.domain}`);
    await page.waitForLoadState("networkidle");
    const text = await page.locator("body").innerText();
    expect(text).not.toContain("Browser Test Roasters");
    expect(text).not.toContain("20 products");
  });
});
