import { describe, expect, it } from "vitest";
import { completeCheckout, TEST_SHOPPER } from "../../simulator/checkout";
import { setUpBrowserStack } from "../support/browser-stack";
import { accessibilityProblems, appFrame } from "../support/axe";
import { createSellingPlanGroup } from "../support/selling-plans";

const ui = setUpBrowserStack(
  // On Shopify Plus, whose API rate limit lets Orchard mirror a thousand new contracts in a minute or two.
  { domain: "browser-subscriptions.myshopify.com", name: "Many Subscribers Coffee", ianaTimezone: "America/New_York", plan: "plus" },
  { customers: 0, months: 0 },
);

const SUBSCRIBERS = 1_000;

// Mirroring a thousand checkouts is the heaviest work of any browser file (about 90 s of both cores).
// It runs on SQLite only: beside it, PostgreSQL's year of billing by four worker processes missed
// its deadlines. The list's queries on PostgreSQL are tested by tests/integration/subscription-list.test.ts.
describe.skipIf(process.env.TEST_DATABASE === "postgresql")("the subscriptions list of a shop with a thousand subscribers", () => {
  it("finds one by name, pages through all of them, and pauses the chosen ones after asking", async () => {
    const coffee = [...ui.shop.products.values()].find((p) => p.title === "House Blend Coffee Beans")!;
    const { sellingPlanIds } = await createSellingPlanGroup(ui.stack.simulator.url, ui.shop.domain, {
      name: "Subscribe and save",
      productIds: [coffee.id],
      plans: [
        { name: "Every 2 weeks", options: ["2 weeks"], interval: "WEEK", intervalCount: 2, percentageOff: 10 },
        { name: "Every month", options: ["1 month"], interval: "MONTH", intervalCount: 1, percentageOff: 5 },
      ],
    });
    for (let index = 0; index < SUBSCRIBERS; index += 1) {
      const [firstName, lastName] = index === 617 ? ["Zoé", "Lefèvre"] : ["Subscriber", String(index).padStart(4, "0")];
      await completeCheckout(ui.stack.simulator, ui.shop, {
        email: `subscriber${index}@example.com`,
        lines: [{ variantId: coffee.variants[0]!.id, quantity: 1, sellingPlanId: sellingPlanIds[index % 2]!, properties: {} }],
        shippingAddress: { ...TEST_SHOPPER.shippingAddress, firstName, lastName },
      });
    }

    // Orchard mirrors each new contract from its webhook, in the background.
    const { page, app } = await ui.openAdmin("/app/subscriptions");
    await expect
      .poll(
        async () => {
          await page.reload();
          return app
            .getByText(/^[\d,]+ subscriptions?$/)
            .textContent({ timeout: 30_000 })
            .catch(() => "");
        },
        { timeout: 300_000, interval: 2_000 },
      )
      .toBe("1,000 subscriptions");

    // Fifty a page, and every subscriber on exactly one page.
    const rows = app.getByRole("row");
    const seen = new Set<string>();
    for (let page = 1; page <= 20; page += 1) {
      if (page > 1) await app.getByRole("button", { name: "Next page" }).click();
      await app.getByText(`Page ${page} of 20`).waitFor();
      await expect.poll(() => rows.count()).toBe(51);
      for (const text of await rows.allTextContents()) {
        const email = /subscriber\d+@example\.com/.exec(text)?.[0];
        if (email) seen.add(email);
      }
      expect(seen.size).toBe(page * 50);
    }
    expect(await app.getByRole("button", { name: "Next page" }).isDisabled()).toBe(true);

    // The search finds one customer among a thousand, whatever the case and accents typed.
    await app.getByRole("textbox", { name: "Search by customer, email or item" }).fill("ZOÉ LEF");
    await app.getByText("1 subscription", { exact: true }).waitFor();
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(1).textContent()).toContain("subscriber617@example.com");
    await app.getByRole("textbox", { name: "Search by customer, email or item" }).fill("subscriber12");
    await app.getByText("11 subscriptions", { exact: true }).waitFor();
    expect(await accessibilityProblems(await appFrame(page))).toEqual([]);

    // Two chosen, paused after the merchant confirms (two mutations in Shopify, one after the other:
    // on a busy machine the answer takes a while).
    for (const name of ["Subscriber 0120", "Subscriber 0121"])
      await rows.filter({ hasText: name }).getByRole("checkbox").check({ force: true });
    await app.getByRole("button", { name: "Pause" }).click();
    const dialog = app.getByRole("dialog", { name: "Pause 2 subscriptions?" });
    await dialog.getByRole("button", { name: "Pause 2 subscriptions" }).click();
    await expect.poll(() => page.locator("#toasts").textContent(), { timeout: 60_000 }).toContain("2 subscriptions paused");
    await expect.poll(() => rows.filter({ hasText: "Paused" }).count(), { timeout: 30_000 }).toBe(2);
  }, 600_000);
});
