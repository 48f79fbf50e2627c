import { describe, expect, it } from "vitest";
import { completeCheckout } from "../../simulator/checkout";
import { listingScreenshot } from "../support/browser";
import { setUpBrowserStack } from "../support/browser-stack";
import { themeShopper } from "../support/theme-shopper";

const ui = setUpBrowserStack(
  { domain: "browser-onboarding.myshopify.com", name: "Fresh Roast Co.", orchardBlocksInTheme: false },
  { customers: 5, months: 0 },
);

describe("a merchant installs Orchard and gets to a first subscriber", () => {
  it("follows the setup guide to a live offer, takes the paid plan, and a shopper subscribes", async () => {
    const shop = ui.shop;
    const coffee = [...shop.products.values()].find((p) => p.title === "House Blend Coffee Beans")!;
    // Before Orchard: a customer who keeps coming back for the same coffee.
    for (let order = 0; order < 2; order += 1) {
      await completeCheckout(ui.stack.simulator, shop, {
        email: "regular@example.com",
        lines: [{ variantId: coffee.variants[0]!.id, quantity: 1, sellingPlanId: null, properties: {} }],
      });
    }
    expect(shop.installed).toBe(false);

    // Opening the app from the app store installs it (token exchange) and lands on the guide.
    const { page, app } = await ui.openAdmin("/app");
    const guide = app.getByRole("heading", { name: "Set up Orchard" });
    await guide.waitFor({ timeout: 60_000 });
    expect(shop.installed).toBe(true);
    expect(await app.getByText("0 of 5 steps done").isVisible()).toBe(true);
    await listingScreenshot(page, "1-setup-guide");
    // The merchant may put the guide away and bring it back; its progress stays.
    await app.getByRole("button", { name: "Hide setup guide" }).click();
    await page.getByText("Setup guide hidden").waitFor({ timeout: 30_000 });
    await app.getByText("Setup guide: 0 of 5 steps done").waitFor();
    expect(await guide.count()).toBe(0);
    await app.getByRole("button", { name: "Show setup guide" }).click();
    await guide.waitFor({ timeout: 30_000 });

    // Step 1: the suggested plan, on the product customers buy again.
    await app.getByRole("link", { name: "Create suggested plan" }).click();
    await expect.poll(() => app.getByRole("checkbox", { name: "House Blend Coffee Beans" }).isChecked(), { timeout: 60_000 }).toBe(true);
    await expect.poll(() => app.getByText(/Deliver every 8 weeks · Save 10%/).count()).toBeGreaterThan(0);
    await listingScreenshot(page, "2-suggested-plan");
    await app.getByRole("button", { name: "Save" }).click();
    await page.getByText("Plan saved").waitFor({ timeout: 30_000 });
    const group = [...shop.sellingPlanGroups.values()][0]!;
    expect(group.productIds).toEqual([coffee.id]);
    expect(group.sellingPlans.map((p) => p.deliveryPolicy.intervalCount)).toEqual([2, 4, 8]);

    // The plan exists, but the storefront shows nothing until the block is on the theme.
    const storefront = await ui.newPage();
    await storefront.goto(ui.storefrontUrl(`products/${coffee.handle}`));
    expect(await storefront.getByRole("radio", { name: /Deliver every 2 weeks/ }).count()).toBe(0);

    // Step 2: the theme editor, opened by the guide's deep link in the admin; the merchant saves.
    const dashboard = await ui.openAdmin("/app");
    await dashboard.app.getByText("1 of 5 steps done").waitFor({ timeout: 60_000 });
    await dashboard.app.getByRole("link", { name: "Add block in theme editor" }).click();
    await dashboard.page.getByText("is added in this preview").waitFor({ timeout: 30_000 });
    await dashboard.page.getByRole("button", { name: "Save" }).click();
    await dashboard.page.getByRole("status").filter({ hasText: "Saved" }).waitFor();
    await dashboard.page.getByRole("link", { name: "Back to Orchard" }).click();
    await dashboard.page.frameLocator('iframe[title="Orchard"]').getByText("2 of 5 steps done").waitFor({ timeout: 60_000 });
    await storefront.reload();
    await storefront.getByRole("radio", { name: /Deliver every 2 weeks · Save 10%/ }).waitFor();
    await listingScreenshot(storefront, "3-storefront-offer");

    // Orchard's paid plan: Shopify's approval page, then back in Orchard with the trial running.
    const plan = await ui.acceptGrowthPlan();
    expect(shop.appSubscriptions.map((s) => [s.name, s.status, s.trialDays])).toEqual([["Orchard Growth", "ACTIVE", 14]]);
    await listingScreenshot(plan.page, "4-plan");

    // A shopper subscribes on the product page.
    await storefront.getByRole("radio", { name: /Deliver every 4 weeks · Save 10%/ }).check();
    const shopper = themeShopper(storefront, "dawn");
    await shopper.addToCart();
    await shopper.checkOut("first-subscriber@example.com");
    const [contract] = [...shop.contracts.values()];
    expect(contract).toMatchObject({ status: "ACTIVE", billingPolicy: { interval: "WEEK", intervalCount: 4 } });

    // The merchant sees the subscriber in Orchard.
    const subscriptions = await ui.openAdmin("/app/subscriptions");
    await expect
      .poll(
        async () => {
          await subscriptions.page.reload();
          return subscriptions.app
            .getByText("first-subscriber@example.com")
            .isVisible({ timeout: 20_000 })
            .catch(() => false);
        },
        { timeout: 60_000 },
      )
      .toBe(true);
  });
});
