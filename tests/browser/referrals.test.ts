import { beforeAll, describe, expect, it } from "vitest";
import type { ProductRecord } from "../../simulator/store";
import { setUpBrowserStack } from "../support/browser-stack";
import { accessibilityProblems, appFrame } from "../support/axe";
import { createSellingPlanGroup } from "../support/selling-plans";
import { themeShopper } from "../support/theme-shopper";
import { daysPass, discountOf, ordersOf as ordersOfIn } from "../support/store-orders";

/**
 * A happy subscriber brings a friend: the merchant turns referrals on, the subscriber is invited
 * after a paid renewal, the friend follows the emailed link in Dawn and subscribes at 20 % off, and
 * the referrer's next renewal is $5.00 less, once.
 */
const ui = setUpBrowserStack(
  { domain: "browser-referrals.myshopify.com", name: "Referral Coffee", ianaTimezone: "UTC" },
  { customers: 2, months: 0 },
);
let coffee: ProductRecord;

beforeAll(async () => {
  const { app } = await ui.openAdmin("/app");
  await app.getByText("products in", { exact: false }).waitFor({ timeout: 60_000 });
  coffee = [...ui.shop.products.values()].find((p) => p.title === "House Blend Coffee Beans")!;
  await createSellingPlanGroup(ui.stack.simulatorUrl, ui.shop.domain, {
    name: "Subscribe and save",
    productIds: [coffee.id],
    plans: [{ name: "Deliver every 2 weeks", options: ["2 weeks"], interval: "WEEK", intervalCount: 2, percentageOff: 0 }],
  });
});

/** A shopper subscribes to the coffee in Dawn, from wherever their page is. */
async function subscribeInDawn(page: Awaited<ReturnType<typeof ui.newPage>>, email: string) {
  const shopper = themeShopper(page, "dawn");
  await page.goto(ui.storefrontUrl(`products/${coffee.handle}`));
  await page.getByRole("radio", { name: /Deliver every 2 weeks/ }).check();
  expect((await shopper.addToCart()).status()).toBe(200);
  await shopper.checkOut(email);
}

const ordersOf = (email: string) => ordersOfIn(ui, email);

describe("referrals from happy subscribers", () => {
  it("a subscriber's link brings a friend whose first order is discounted, and whose subscription takes $5.00 off the referrer's next renewal once", async () => {
    const { page, app } = await ui.openAdmin("/app/referrals");
    await app.getByLabel("Invite happy subscribers to refer friends").waitFor({ timeout: 60_000 });
    await app.getByLabel("Invite happy subscribers to refer friends").check();
    await app.getByLabel("Invite after this many paid renewals").fill("1");
    await app.getByLabel("Subscriber's credit for each friend who subscribes").fill("five");
    await app.getByRole("button", { name: "Save" }).click();
    await app.getByText("Enter an amount above zero, such as 10.00.").waitFor({ timeout: 30_000 });
    await app.getByLabel("Subscriber's credit for each friend who subscribes").fill("5.00");
    await app.getByRole("button", { name: "Save" }).click();
    await page.getByText("Referral program saved").waitFor({ timeout: 30_000 });
    expect(await accessibilityProblems(await appFrame(page))).toEqual([]);

    const referrer = "happy-subscriber@example.com";
    await subscribeInDawn(await ui.newPage(), referrer);
    const ordersAfterCheckout = ui.shop.orders.size;
    await daysPass(ui, 15, ordersAfterCheckout + 1);
    const mailbox = ui.stack.simulator.mailbox;
    await expect.poll(() => mailbox.to(referrer).filter((m) => m.subject.startsWith("Share")).length, { timeout: 60_000 }).toBe(1);
    const invite = mailbox.to(referrer).find((m) => m.subject.startsWith("Share"))!;
    const link = /https?:\/\/\S+\/discount\/FRIEND-[A-Z0-9]+\?redirect=\//.exec(invite.text)![0];

    // The friend follows the link, lands on the store, and subscribes: checkout shows the discount.
    const friendPage = await ui.newPage();
    await friendPage.goto(link);
    const friend = "new-friend@example.com";
    const shopper = themeShopper(friendPage, "dawn");
    await friendPage.goto(ui.storefrontUrl(`products/${coffee.handle}`));
    await friendPage.getByRole("radio", { name: /Deliver every 2 weeks/ }).check();
    expect((await shopper.addToCart()).status()).toBe(200);
    const price = coffee.variants[0]!.priceMinor;
    const friendDiscount = Math.floor((price * 2_000 + 5_000) / 10_000);
    await shopper.checkOut(friend);
    const [friendOrder] = ordersOf(friend);
    expect(discountOf(friendOrder!)).toBe(friendDiscount);

    // Orchard attributes the friend's order and puts the credit on the referrer's subscription.
    const referrerContract = [...ui.shop.contracts.values()].find((c) => ui.shop.customers.get(c.customerId)?.email === referrer)!;
    await expect.poll(() => referrerContract.discounts.map((d) => d.amountMinor), { timeout: 60_000 }).toEqual([500]);

    // Two weeks on: the referrer's renewal is $5.00 less; the friend's own renewal is full price.
    await daysPass(ui, 14, ui.shop.orders.size + 2);
    const renewals = ordersOf(referrer);
    expect(discountOf(renewals.at(-1)!)).toBe(500);
    expect(discountOf(ordersOf(friend).at(-1)!)).toBe(0);
    // And the renewal after it is full price: the credit was used once.
    await daysPass(ui, 14, ui.shop.orders.size + 2);
    expect(discountOf(ordersOf(referrer).at(-1)!)).toBe(0);

    const referrals = await ui.openAdmin("/app/referrals");
    const row = referrals.app.getByRole("row").filter({ hasText: `#${friendOrder!.number}` });
    await row.waitFor({ timeout: 60_000 });
    expect(await row.textContent()).toContain("Subscribed");
    expect(await row.textContent()).toContain("$5.00 · Used");
  });
});
