import { mkdirSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import type { Browser, FrameLocator, Page } from "playwright-core";
import { startStack, type Stack } from "../../scripts/stack";
import { adminAppUrl, storeHandle } from "../../simulator/embedded-admin";
import { seedShop, type SeedOptions } from "../../simulator/seed";
import type { ShopPlan, ShopRecord } from "../../simulator/store";
import { createTestDatabase, type TestDatabase } from "./database";
import { freePort, launchBrowser, personContext } from "./browser";

/**
 * The port is free when asked for, but Orchard binds it seconds later: beside other suites another
 * process can take it in between, so a taken port is asked for again.
 */
async function startOnFreePort(databaseUrl: string, attemptsLeft = 3): Promise<Stack> {
  try {
    return await startStack({ appPort: await freePort(), simulatorPort: 0, databaseUrl, quiet: true, server: "build" });
  } catch (error) {
    if (attemptsLeft > 1 && String(error).includes("EADDRINUSE")) return startOnFreePort(databaseUrl, attemptsLeft - 1);
    throw error;
  }
}

/** Orchard's log lines at warning level and above (pino's 40 and 50), the last `count` of them. */
function warningsIn(output: string, count = 30): string {
  const lines = output.split("\n").filter((line) => /^\{"level":(4|5|6)\d,/.test(line));
  return lines.slice(-count).join("\n") || "(none)";
}

/**
 * What a person uses, for one browser test file: a fresh database, the simulator with one seeded
 * shop, Orchard against them, and Debian's Chromium. Registers its own set-up and tear-down.
 */
export function setUpBrowserStack(
  shopInput: { domain: string; name: string; ianaTimezone?: string; orchardBlocksInTheme?: boolean; plan?: ShopPlan },
  seed: SeedOptions,
) {
  let database: TestDatabase | undefined;
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  let shop: ShopRecord | undefined;
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the browser stack is used before beforeAll ran");
    return value;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    stack = await startOnFreePort(database.url);
    shop = stack.simulator.store.createShop(shopInput);
    seedShop(stack.simulator.store, shop, new Date(), seed);
    browser = await launchBrowser();
    mkdirSync("test-results", { recursive: true });
  });

  // A failure that shows only beside other suites (CI) comes with what Orchard said meanwhile.
  let failed = false;
  afterEach(({ task }) => {
    if (task.result?.state === "fail") failed = true;
  });

  afterAll(async () => {
    if (stack) {
      const file = basename(expect.getState().testPath ?? "browser");
      writeFileSync(`test-results/${file}.orchard.log`, stack.output());
      if (failed) console.error(`Orchard's warnings and errors while ${file} ran:\n${warningsIn(stack.output())}`);
    }
    await browser?.close();
    await stack?.stop();
    await database?.drop();
  });

  return {
    get stack() {
      return ready(stack);
    },
    get shop() {
      return ready(shop);
    },
    /** A page in a fresh browser context, as a person with that locale would open it. */
    async newPage(locale?: string): Promise<Page> {
      return (await personContext(ready(browser), locale)).newPage();
    },
    /** Orchard inside the shop's admin at `path`, and the frame the app lives in. */
    async openAdmin(path: string, locale?: string): Promise<{ page: Page; app: FrameLocator }> {
      const page = await this.newPage(locale);
      await page.goto(`${adminAppUrl(ready(stack).simulator, ready(shop), path)}${locale ? `?locale=${locale.split("-")[0]}` : ""}`);
      // Until Remix has hydrated the page, a click on a link or a form's button is the browser's
      // own navigation, without App Bridge's session token: wait for the client router.
      const frame = await (await page.locator('iframe[title="Orchard"]').elementHandle({ timeout: 60_000 }))!.contentFrame();
      await frame!.waitForFunction(() => "__remixRouter" in window, null, { timeout: 60_000 });
      return { page, app: page.frameLocator('iframe[title="Orchard"]') };
    },
    /**
     * The merchant takes Orchard's Growth plan as they would: from the Billing page to Shopify's
     * approval page and back. Returns the admin page, back on the Billing page.
     */
    async acceptGrowthPlan(): Promise<{ page: Page; app: FrameLocator }> {
      const { page, app } = await this.openAdmin("/app/plan");
      await app.getByRole("button", { name: /free trial|Upgrade to Growth/ }).click();
      await page.getByRole("heading", { name: "Approve subscription" }).waitFor({ timeout: 30_000 });
      await page.getByRole("button", { name: "Approve" }).click();
      await page.locator('iframe[title="Orchard"]').waitFor();
      await app.getByText("Free trial: 14 days left").waitFor({ timeout: 60_000 });
      return { page, app: page.frameLocator('iframe[title="Orchard"]') };
    },
    /** The merchant changes the published theme: publishes another one (dawn, horizon), adds or removes Orchard's blocks. */
    async editTheme(change: { publish?: string; add?: string[]; remove?: string[] }): Promise<void> {
      const response = await fetch(`${ready(stack).simulatorUrl}/_control/shops/${ready(shop).domain}/theme`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(change),
      });
      if (response.status !== 200) throw new Error(`the simulator refused the theme change: ${await response.text()}`);
    },
    /** The customer logs in on the storefront, as the theme's "Log in" link leads them, and lands on their subscriptions page. */
    async customerOnSubscriptionsPage(page: Page, email: string): Promise<void> {
      await page.goto(this.storefrontUrl(""));
      await page.getByRole("link", { name: "Log in" }).click();
      await page.goto(`${ready(stack).simulatorUrl}/account/login?return_url=/apps/orchard/subscriptions`);
      await page.getByLabel("Email", { exact: true }).fill(email);
      await page.getByLabel("Email", { exact: true }).press("Enter");
      await page.getByRole("heading", { name: "Your subscriptions" }).waitFor({ timeout: 60_000 });
    },
    /** Orchard's latest warnings and errors, for a failure's message. */
    orchardWarnings(): string {
      return warningsIn(ready(stack).output(), 10);
    },
    /** The storefront URL of a path, e.g. `products/house-blend`. */
    storefrontUrl(path: string): string {
      return `${ready(stack).simulatorUrl}/storefront/${storeHandle(ready(shop))}/${path}`;
    },
  };
}
