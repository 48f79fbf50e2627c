import { beforeAll, describe, expect, it } from "vitest";
import type { ProductRecord } from "../../simulator/store";
import { accessibilityProblems, appFrame } from "../support/axe";
import { setUpBrowserStack } from "../support/browser-stack";
import { daysPass, discountOf, ordersOf } from "../support/store-orders";
import { themeShopper } from "../support/theme-shopper";

/**
 * A two-tier membership, from the merchant's form to a member's perks: the shopper joins Basic in
 * Dawn, moves up to Premium on the store's subscriptions page, keeps Basic's discount until the
 * Premium renewal is paid, and has Premium's on a one-off order after it.
 */
const ui = setUpBrowserStack(
  { domain: "browser-memberships.myshopify.com", name: "Club Coffee", ianaTimezone: "UTC" },
  { customers: 2, months: 0 },
);
let beans: ProductRecord;

beforeAll(async () => {
  const { app } = await ui.openAdmin("/app");
  await app.getByText("products in", { exact: false }).waitFor({ timeout: 60_000 });
  beans = [...ui.shop.products.values()].find((p) => p.title === "House Blend Coffee Beans")!;
});

/** A one-off bag of beans in Dawn: what the order's discount came to. */
async function buyBeansOnce(email: string): Promise<number> {
  const page = await ui.newPage();
  const shopper = themeShopper(page, "dawn");
  await page.goto(ui.storefrontUrl(`products/${beans.handle}`));
  expect((await shopper.addToCart()).status()).toBe(200);
  await shopper.checkOut(email);
  return discountOf(ordersOf(ui, email).at(-1)!);
}

describe("a tiered membership", () => {
  it("is created by the merchant, joined at Basic, moved up to Premium at the next renewal, and gives Premium's discount once Premium is paid", async () => {
    const { page, app } = await ui.openAdmin("/app/memberships");
    await app.getByRole("link", { name: "Create membership" }).click();
    await app.getByLabel("Membership name").waitFor({ timeout: 60_000 });
    await app.getByLabel("Membership name").fill("Coffee Club");
    await app.getByLabel("Tier 1 name").fill("Basic");
    await app.getByLabel("Tier 1 price").fill("10.00");
    await app.getByLabel("Tier 1 discount on one-off purchases (%)").fill("5");
    await app.getByLabel("Tier 2 name").fill("Premium");
    await app.getByLabel("Tier 2 price").fill("0");
    await app.getByLabel("Tier 2 discount on one-off purchases (%)").fill("15");
    await app.getByRole("button", { name: "Save" }).click();
    await app.getByText("Enter a price above zero, such as 10.00.").waitFor({ timeout: 30_000 });
    await app.getByLabel("Tier 2 price").fill("25.00");
    await app.getByRole("button", { name: "Save" }).click();
    await page.getByText("Membership created").waitFor({ timeout: 30_000 });
    await app.getByRole("row").filter({ hasText: "Premium" }).waitFor();
    expect(await accessibilityProblems(await appFrame(page))).toEqual([]);

    // The shopper joins Basic on the membership's page, with the theme's own add to cart.
    const club = [...ui.shop.products.values()].find((p) => p.tags.includes("orchard-membership"))!;
    const member = "club-member@example.com";
    const storefront = await ui.newPage();
    const shopper = themeShopper(storefront, "dawn");
    await storefront.goto(ui.storefrontUrl(`products/${club.handle}`));
    // Joined with a tier only: no one-time purchase. The tiers stand side by side, each with its perks.
    expect(await storefront.getByRole("radio", { name: /One-time purchase/ }).count()).toBe(0);
    const tierCard = (name: string) => storefront.locator("label.orchard-subscribe__option").filter({ hasText: name });
    expect(await tierCard("Premium").textContent()).toContain("Members get 15 % off everything they buy once.");
    const [basicBox, premiumBox] = [await tierCard("Basic").boundingBox(), await tierCard("Premium").boundingBox()];
    // One row: Premium starts beside Basic, not below it.
    expect(Math.abs(basicBox!.y - premiumBox!.y)).toBeLessThan(basicBox!.height / 2);
    expect(premiumBox!.x).toBeGreaterThan(basicBox!.x + basicBox!.width - 1);
    await storefront.getByRole("radio", { name: /Basic/ }).check();
    expect((await shopper.addToCart()).status()).toBe(200);
    await shopper.checkOut(member);
    expect(ordersOf(ui, member)[0]!.lines[0]!.priceMinor).toBe(1_000);
    const tenthOf = (basisPoints: number) => Math.floor((beans.variants[0]!.priceMinor * basisPoints + 5_000) / 10_000);
    await expect
      .poll(() => [...ui.shop.codeDiscounts.values()].some((d) => d.automatic && d.customerIds?.length), { timeout: 60_000 })
      .toBe(true);
    expect(await buyBeansOnce(member)).toBe(tenthOf(500));

    // On the store's subscriptions page, they move up to Premium.
    const portal = await ui.newPage();
    await ui.customerOnSubscriptionsPage(portal, member);
    await portal.getByLabel("Tier from your next renewal").selectOption({ label: "Premium" });
    await portal.getByRole("button", { name: "Change tier" }).click();
    await portal.getByRole("status").getByText("the new plan applies from your next order").waitFor();
    // Not paid for yet: still Basic's discount.
    expect(await buyBeansOnce(member)).toBe(tenthOf(500));

    // A month on, the renewal is Premium's price; once it is paid, Premium's discount.
    await daysPass(ui, 31, ui.shop.orders.size + 1);
    const renewal = ordersOf(ui, member)
      .filter((order) => order.lines[0]!.productId === club.id)
      .at(-1)!;
    expect(renewal.lines[0]!.priceMinor).toBe(2_500);
    await expect.poll(() => buyBeansOnce(member), { timeout: 60_000, interval: 2_000 }).toBe(tenthOf(1_500));

    // The merchant gives Premium early access: its members carry a tag in Shopify.
    const { page: listPage, app: list } = await ui.openAdmin("/app/memberships");
    await list.getByRole("link", { name: "Edit Coffee Club" }).click();
    await list.getByLabel("Tier 2 customer tag").waitFor({ timeout: 60_000 });
    expect(await list.getByLabel("Tier 1 billed").isDisabled()).toBe(true);
    await list.getByLabel("Tier 2 customer tag").fill("early-access");
    await list.getByRole("button", { name: "Save" }).click();
    await listPage.getByText("Membership saved").waitFor({ timeout: 30_000 });
    await list.getByRole("cell", { name: "early-access" }).waitFor();
    const customer = [...ui.shop.customers.values()].find((c) => c.email === member)!;
    await expect.poll(() => customer.tags, { timeout: 60_000 }).toEqual(["early-access"]);

    // The merchant asks what Premium at $30.00 would bring new members, against $25.00.
    await ui.acceptGrowthPlan();
    const { page: whatIfPage, app: whatIf } = await ui.openAdmin("/app/retention/what-if");
    await whatIf.getByLabel("Tier", { exact: true }).selectOption({ label: "Coffee Club · Premium" });
    await whatIf.getByLabel("New price").fill("30");
    await whatIf.getByRole("button", { name: "Project the tier's MRR" }).click();
    const table = whatIf.getByRole("table").filter({ has: whatIf.getByRole("columnheader", { name: "Price unchanged" }) });
    await expect.poll(() => table.getByRole("row").count(), { timeout: 30_000 }).toBe(1 + 12);
    await whatIf.getByText("Now $25.00 a cycle; 1 member bringing $25.00 MRR.", { exact: false }).waitFor();
    expect(await accessibilityProblems(await appFrame(whatIfPage))).toEqual([]);
  });
});
