import { afterEach, describe, expect, it } from "vitest";
import { FixedClock, replaceClock } from "../../app/clock";
import { db } from "../../app/db.server";
import { loader as dashboardLoader } from "../../app/routes/app._index";
import { loader as membershipsLoader } from "../../app/routes/app.memberships._index";
import { action as editMembership, loader as membershipLoader } from "../../app/routes/app.memberships.$id";
import { action as newMembership } from "../../app/routes/app.memberships.new";
import { loader as whatIfLoader } from "../../app/routes/app.retention.what-if";
import { action as subscriptionAction } from "../../app/routes/app.subscriptions.$id";
import { findContract } from "../../app/subscriptions/contracts.server";
import { completeCheckout } from "../../simulator/checkout";
import { gid, parseGid } from "../../simulator/ids";
import { seedShop } from "../../simulator/seed";
import { acceptGrowthPlan } from "../support/app-plan";
import { adminFetchRequest, createShop, testContext, postForm } from "../support/context";
import { createSellingPlanGroup } from "../support/selling-plans";
import { settle } from "../support/subscriptions";

const clockRestores: (() => void)[] = [];
afterEach(() => {
  while (clockRestores.length) clockRestores.pop()!();
});

/** The membership form as a merchant fills it: a name, then each tier's name, price, interval and discount. */
function membershipForm(name: string, tiers: [string, string, string, string, string?, string?][]) {
  const body = new URLSearchParams({ name, locale: "en" });
  for (const [tierName, price, interval, discount, subscriptionDiscount = "", tag = ""] of tiers) {
    body.append("tierName", tierName);
    body.append("tierPrice", price);
    body.append("tierInterval", interval);
    body.append("tierDiscount", discount);
    body.append("tierSubscriptionDiscount", subscriptionDiscount);
    body.append("tierTag", tag);
  }
  return body;
}

async function installedShop() {
  const { simulator } = testContext();
  const { shop } = createShop();
  shop.ianaTimezone = "UTC";
  seedShop(simulator.store, shop, new Date(), { customers: 2, months: 0 });
  await dashboardLoader({ request: adminFetchRequest("/app", shop.domain), params: {}, context: {} });
  return shop;
}

describe("tiered memberships", () => {
  it("refuse a membership with one tier, a free tier, twin names or a discount above 100 %, each field with its message, and create nothing", async () => {
    const shop = await installedShop();
    expect(
      await postForm(newMembership, "/app/memberships/new", shop.domain, membershipForm("Coffee Club", [["Basic", "10", "MONTH", ""]])),
    ).toMatchObject({
      errors: { tiers: "tierCount" },
    });
    expect(
      await postForm(
        newMembership,
        "/app/memberships/new",
        shop.domain,
        membershipForm("", [
          ["Basic", "0", "MONTH", "5"],
          ["basic", "25", "WEEK", "150"],
        ]),
      ),
    ).toMatchObject({
      errors: {
        name: "nameRequired",
        "tiers.0.price": "priceInvalid",
        "tiers.1.name": "tierNameTaken",
        "tiers.1.interval": "intervalInvalid",
        "tiers.1.discount": "discountInvalid",
      },
    });
    expect([...shop.products.values()].some((p) => p.tags.includes("orchard-membership"))).toBe(false);
    expect(await db().membership.count({ where: { shop: shop.domain } })).toBe(0);
  });

  it("sell Basic and Premium on one product; a Basic member's one-off order gets Basic's discount, and moving up to Premium at the next renewal brings Premium's price and discount", async () => {
    const { simulator } = testContext();
    const shop = await installedShop();
    expect(
      await postForm(
        newMembership,
        "/app/memberships/new",
        shop.domain,
        membershipForm("Coffee Club", [
          ["Basic", "10.00", "MONTH", "5"],
          ["Premium", "25.00", "MONTH", "15"],
        ]),
      ),
    ).toEqual({ redirect: "/app/memberships?created=1" });
    const product = [...shop.products.values()].find((p) => p.tags.includes("orchard-membership"))!;
    expect(product).toMatchObject({ title: "Coffee Club", requiresSellingPlan: true, publishedOnlineStore: true });
    expect(product.variants.every((v) => !v.requiresShipping)).toBe(true);
    const group = [...shop.sellingPlanGroups.values()].find((g) => g.productIds.includes(product.id))!;
    const [basic, premium] = group.sellingPlans;
    expect(group.sellingPlans.map((plan) => plan.name)).toEqual(["Basic", "Premium"]);

    // A customer joins Basic at $10.00 a month.
    const member = "club-member@example.com";
    const { order: joined } = await completeCheckout(simulator, shop, {
      email: member,
      lines: [{ variantId: product.variants[0]!.id, quantity: 1, sellingPlanId: basic!.id, properties: {} }],
    });
    expect(joined.lines[0]!.priceMinor).toBe(1_000);
    await settle();

    // What-if: Basic at $12.00 with elasticity 1 brings 80 % as many new members at 120 % of the
    // price. One member joined in the 3 months of history: $10.00 MRR, $3.33 new MRR a month.
    await acceptGrowthPlan(shop.domain);
    const basicTier = (await db().membershipTier.findFirst({ where: { shop: shop.domain, position: 1 } }))!;
    const whatIf = await whatIfLoader({
      request: adminFetchRequest(`/app/retention/what-if?tier=${basicTier.id}&tierPrice=12.00&tierElasticity=1`, shop.domain),
      params: {},
      context: {},
    });
    if (whatIf.locked) throw new Error("what-if pricing is locked for this shop");
    expect(whatIf.tier.tiers.map((tier) => tier.name)).toEqual(["Coffee Club · Basic", "Coffee Club · Premium"]);
    expect(whatIf.tier.history).toMatchObject({ subscribers: 1, currentMrrMinor: 1_000, newMrrPerMonthMinor: 333 });
    // 333 × 1.2 × 0.8 = 319.68 → 320.
    expect(whatIf.tier.projection![0]).toEqual({ month: 1, baselineMrr: 1_333, projectedMrr: 1_320 });

    // A one-off order of theirs: 5 % off; another customer's: nothing off.
    const beans = [...shop.products.values()].find((p) => !p.tags.includes("orchard-membership"))!;
    const oneOff = async (email: string) =>
      (
        await completeCheckout(simulator, shop, {
          email,
          lines: [{ variantId: beans.variants[0]!.id, quantity: 1, sellingPlanId: null, properties: {} }],
        })
      ).order.lines[0]!.discountMinor ?? 0;
    const off = (basisPoints: number) => Math.floor((beans.variants[0]!.priceMinor * basisPoints + 5_000) / 10_000);
    expect([await oneOff(member), await oneOff("not-a-member@example.com")]).toEqual([off(500), 0]);

    // They move up: Premium's price from the next renewal, and Premium's discount once that is paid;
    // until then Basic's (moving up and back down within a cycle gains nothing).
    const contract = [...shop.contracts.values()].find((c) => c.originOrderId === joined.id)!;
    const stored = (await findContract(shop.domain, gid("SubscriptionContract", contract.id)))!;
    const changeTier = async (planId: number) =>
      postForm(
        subscriptionAction,
        `/app/subscriptions/${stored.id}`,
        shop.domain,
        new URLSearchParams({ action: "changeFrequency", sellingPlanId: gid("SellingPlan", planId) }),
        { id: stored.id },
      );
    expect(await changeTier(premium!.id)).toMatchObject({ ok: true });
    await settle();
    expect(await oneOff(member)).toBe(off(500));
    const due = stored.nextBillingAt!.getTime() + 60_000;
    clockRestores.push(replaceClock(new FixedClock(new Date(due))));
    simulator.clock.advance(due - simulator.clock.now().getTime());
    await settle();
    const renewal = [...shop.orders.values()].filter((o) => o.email === member && o.lines[0]!.productId === product.id).at(-1)!;
    expect(renewal.id).not.toBe(joined.id);
    expect(renewal.lines[0]!.priceMinor).toBe(2_500);
    expect(await oneOff(member)).toBe(off(1_500));

    // The merchant sees one Premium member bringing $25.00 a month.
    const page = await membershipsLoader({ request: adminFetchRequest("/app/memberships", shop.domain), params: {}, context: {} });
    expect(page.memberships[0]!.tiers.map((tier) => [tier.name, tier.members, tier.mrrMinor])).toEqual([
      ["Basic", 0, 0],
      ["Premium", 1, 2_500],
    ]);
    const { retention } = await dashboardLoader({ request: adminFetchRequest("/app", shop.domain), params: {}, context: {} });
    expect(retention.tiers.map((tier) => [tier.name, tier.members, tier.mrrMinor])).toEqual([
      ["Coffee Club · Basic", 0, 0],
      ["Coffee Club · Premium", 1, 2_500],
    ]);
    const tiers = await db().membershipTier.findMany({ where: { shop: shop.domain }, orderBy: { position: "asc" } });
    const customer = `gid://shopify/Customer/${contract.customerId}`;
    expect(tiers.map((tier) => JSON.parse(tier.discountCustomers))).toEqual([[], [customer]]);
    expect(shop.codeDiscounts.get(parseGid(tiers[0]!.shopifyDiscountId, "DiscountAutomaticNode")!.id)!.customerIds).toEqual([]);
  });

  it("give a tier's members its percentage off their own subscriptions and its tag, follow the merchant's edits, and take both off when a member leaves", async () => {
    const { simulator } = testContext();
    const shop = await installedShop();
    await postForm(
      newMembership,
      "/app/memberships/new",
      shop.domain,
      membershipForm("Coffee Club", [
        ["Basic", "10.00", "MONTH", "5"],
        ["Premium", "25.00", "MONTH", "", "10", "early-access"],
      ]),
    );
    const club = [...shop.products.values()].find((p) => p.tags.includes("orchard-membership"))!;
    const premium = [...shop.sellingPlanGroups.values()].find((g) => g.productIds.includes(club.id))!.sellingPlans[1]!;
    expect(premium.description).toBe("Members get 10 % off their subscriptions.");
    const coffee = [...shop.products.values()].find((p) => !p.tags.includes("orchard-membership"))!;
    const { sellingPlanIds } = await createSellingPlanGroup(simulator.url, shop.domain, {
      name: "Subscribe and save",
      productIds: [coffee.id],
      plans: [{ name: "Monthly", options: ["Monthly"], interval: "MONTH", intervalCount: 1, percentageOff: 0 }],
    });

    // A coffee subscriber joins Premium: their coffee subscription gets 10 % off, they get the tag.
    const member = "premium-member@example.com";
    const checkout = (sellingPlanId: number, productId: number) =>
      completeCheckout(simulator, shop, {
        email: member,
        lines: [{ variantId: shop.products.get(productId)!.variants[0]!.id, quantity: 1, sellingPlanId, properties: {} }],
      });
    const { contracts: coffeeContracts } = await checkout(sellingPlanIds[0]!, coffee.id);
    const { contracts: memberships } = await checkout(premium.id, club.id);
    await settle();
    const coffeeContract = shop.contracts.get(coffeeContracts[0]!.id)!;
    const customer = shop.customers.get(coffeeContract.customerId)!;
    const discountsOn = () => coffeeContract.discounts.map((d) => [d.title, d.percentage]);
    expect(discountsOn()).toEqual([["Coffee Club · Premium: 10 %", 10]]);
    expect(shop.contracts.get(memberships[0]!.id)!.discounts).toEqual([]);
    expect(customer.tags).toEqual(["early-access"]);

    // The merchant's edits are refused field by field when they change the tiers' shape, and
    // another shop's membership is not found.
    const membership = (await db().membership.findFirst({ where: { shop: shop.domain } }))!;
    const edit = (form: URLSearchParams, domain = shop.domain) =>
      postForm(editMembership, `/app/memberships/${membership.id}`, domain, form, { id: membership.id });
    expect(
      await edit(
        membershipForm("Coffee Club", [
          ["Basic", "10.00", "YEAR", "5"],
          ["Premium", "25.00", "MONTH", "", "10", "early-access"],
        ]),
      ),
    ).toMatchObject({ errors: { "tiers.0.interval": "intervalFixed" } });
    expect(
      await edit(
        membershipForm("Coffee Club", [
          ["Basic", "10.00", "MONTH", "5"],
          ["Premium", "25.00", "MONTH", ""],
          ["Gold", "50.00", "MONTH", ""],
        ]),
      ),
    ).toMatchObject({
      errors: { tiers: "tiersFixed" },
    });
    const other = await installedShop();
    await expect(
      edit(
        membershipForm("Mine", [
          ["A", "1", "MONTH", ""],
          ["B", "2", "MONTH", ""],
        ]),
        other.domain,
      ),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      membershipLoader({
        request: adminFetchRequest(`/app/memberships/${membership.id}`, other.domain),
        params: { id: membership.id },
        context: {},
      }),
    ).rejects.toMatchObject({ status: 404 });

    // 15 % and a renamed tag: the discount is replaced (never two), the old tag comes off. A new
    // price is for those who join from now.
    expect(
      await edit(
        membershipForm("Coffee Club", [
          ["Basic", "10.00", "MONTH", "5"],
          ["Premium", "30.00", "MONTH", "", "15", "insiders"],
        ]),
      ),
    ).toEqual({ redirect: "/app/memberships?saved=1" });
    await settle();
    expect(discountsOn()).toEqual([["Coffee Club · Premium: 15 %", 15]]);
    expect(customer.tags).toEqual(["insiders"]);
    const group = [...shop.sellingPlanGroups.values()].find((g) => g.productIds.includes(club.id))!;
    expect(group.sellingPlans.find((plan) => plan.id === premium.id)).toMatchObject({
      name: "Premium",
      description: "Members get 15 % off their subscriptions.",
      pricingPolicies: [{ adjustmentType: "PRICE", adjustmentValue: 3_000, afterCycle: 0 }],
    });
    expect(shop.contracts.get(memberships[0]!.id)!.lines[0]!.currentPriceMinor).toBe(2_500);

    // They leave the membership: the discount and the tag come off.
    const stored = (await findContract(shop.domain, gid("SubscriptionContract", memberships[0]!.id)))!;
    expect(
      await postForm(
        subscriptionAction,
        `/app/subscriptions/${stored.id}`,
        shop.domain,
        new URLSearchParams({ action: "cancel", reason: "not_using" }),
        { id: stored.id },
      ),
    ).toMatchObject({ ok: true });
    await settle();
    expect(discountsOn()).toEqual([]);
    expect(customer.tags).toEqual([]);
    expect(await db().memberSubscriptionDiscount.count({ where: { shop: shop.domain } })).toBe(0);
  });
});
