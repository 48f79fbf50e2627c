import { describe, expect, it } from "vitest";
import { loader as dashboardLoader } from "../../app/routes/app._index";
import { loader as whatIfLoader } from "../../app/routes/app.retention.what-if";
import { listPlans } from "../../app/subscriptions/plans.server";
import { seedShop } from "../../simulator/seed";
import { db } from "../../app/db.server";
import { rebuildFigures } from "../../app/retention/figures.server";
import { completeCheckout } from "../../simulator/checkout";
import { refundLines } from "../../simulator/orders";
import { contractPayload, orderPayload } from "../../simulator/webhook-payloads";
import { adminFetchRequest, createShop, testContext } from "../support/context";
import { orchardDefaultPlan, settle, shopWithSubscription } from "../support/subscriptions";
import { acceptGrowthPlan } from "../support/app-plan";
import { createSellingPlanGroup } from "../support/selling-plans";
import { loadSettings, saveSettings } from "../../app/subscriptions/settings.server";
import { cancelGrowthPlan } from "../../app/app-billing/app-billing.server";
import { backgroundAdmin } from "../../app/shopify/background.server";

async function dashboard(shop: string, query = "") {
  return dashboardLoader({ request: adminFetchRequest(`/app${query}`, shop), params: {}, context: {} });
}

describe("the retention dashboard", () => {
  it("shows a shop without subscriptions its empty state, over the period it asked for", async () => {
    const { shop } = createShop();
    const { retention, months } = await dashboard(shop.domain, "?months=12");
    expect(months).toBe(12);
    expect(retention).toMatchObject({ hasHistory: false, movements: expect.any(Array) });
    expect(retention.movements).toHaveLength(12);
    // A period it does not offer falls back to six months.
    expect((await dashboard(shop.domain, "?months=7")).months).toBe(6);
  });

  it("counts a subscriber's MRR from the mirror, then their churn, this month", async () => {
    const { simulator } = testContext();
    const { shop, contract } = await shopWithSubscription(2);
    await settle();
    // Two bags every two weeks: 26 orders a year over 12 months.
    const mrr = Math.floor((contract.lines[0]!.currentPriceMinor * 2 * 26 * 2 + 12) / 24);
    let { retention } = await dashboard(shop.domain, "?months=3");
    expect(retention.summary).toMatchObject({ mrr, activeCustomers: 1, arpu: mrr });
    expect(retention.movements.at(-1)).toMatchObject({ newMrr: mrr, newCustomers: 1, endMrr: mrr });
    expect(retention.cohorts).toMatchObject([{ customers: 1, startMrr: mrr, months: [{ activeCustomers: 1, mrr }] }]);

    contract.status = "CANCELLED";
    contract.revisionId += 1;
    await simulator.webhooks.send(shop.domain, "subscription_contracts/update", contractPayload(contract));
    await settle();
    ({ retention } = await dashboard(shop.domain, "?months=3"));
    expect(retention.summary).toMatchObject({ mrr: 0, activeCustomers: 0, arpu: null });
    expect(retention.movements.at(-1)).toMatchObject({ newMrr: mrr, churned: -mrr, churnedCustomers: 1, netNew: 0 });
    expect(retention.cohorts[0]!.months[0]).toEqual({ activeCustomers: 0, mrr: 0 });
  });

  it("sums a month past 2^31 minor units exactly: three subscribers of a billion dong each", async () => {
    const { simulator } = testContext();
    const { shop } = createShop({ customers: 3, months: 0 });
    // The dong has no minor unit and a large denomination: 2^31 dong is about $85,000.
    shop.currencyCode = "VND";
    shop.ianaTimezone = "Asia/Ho_Chi_Minh";
    seedShop(simulator.store, shop, new Date(), { customers: 3, months: 0 });
    await dashboard(shop.domain);
    const machine = [...shop.products.values()][0]!;
    // The simulator keeps every currency's amounts in hundredths (docs/simulator.md): 1,000,000,000.00 ₫,
    // which Shopify writes as "1000000000.00" and Orchard reads as 1,000,000,000 dong.
    machine.variants[0]!.priceMinor = 100_000_000_000;
    const { sellingPlanIds } = await createSellingPlanGroup(simulator.url, shop.domain, {
      name: "Leased monthly",
      productIds: [machine.id],
      plans: [{ name: "Every month", options: ["1 month"], interval: "MONTH", intervalCount: 1, percentageOff: 0 }],
    });
    for (const customer of [...shop.customers.values()].slice(0, 3)) {
      await completeCheckout(simulator, shop, {
        email: customer.email,
        lines: [{ variantId: machine.variants[0]!.id, quantity: 1, sellingPlanId: sellingPlanIds[0]!, properties: {} }],
      });
    }
    await settle();
    const { retention } = await dashboard(shop.domain, "?months=3");
    expect(retention.summary).toMatchObject({ mrr: 3_000_000_000, activeCustomers: 3, arpu: 1_000_000_000 });
    expect(retention.movements.at(-1)).toMatchObject({ newMrr: 3_000_000_000, endMrr: 3_000_000_000 });
    expect(retention.revenue.at(-1)).toMatchObject({ recurring: 3_000_000_000 });
    // Summed again from the history, the same.
    await rebuildFigures(shop.domain);
    expect((await dashboard(shop.domain, "?months=3")).retention.summary.mrr).toBe(3_000_000_000);
  });

  it("counts a pause and its resume as churn and reactivation, or not at all, as the merchant chooses, and sums the figures again when they change their mind", async () => {
    const { simulator } = testContext();
    const { shop, contract } = await shopWithSubscription();
    await settle();
    for (const status of ["PAUSED", "ACTIVE"] as const) {
      contract.status = status;
      contract.revisionId += 1;
      await simulator.webhooks.send(shop.domain, "subscription_contracts/update", contractPayload(contract));
      await settle();
    }
    const thisMonth = async () => (await dashboard(shop.domain, "?months=1")).retention.movements.at(-1)!;
    expect(await thisMonth()).toMatchObject({ churnedCustomers: 1, reactivatedCustomers: 1, pausedMrr: 0 });
    await saveSettings(shop.domain, { ...(await loadSettings(shop.domain)), pausedSubscribers: "kept" });
    const kept = await thisMonth();
    expect(kept).toMatchObject({ churned: 0, churnedCustomers: 0, leftCustomers: 0, reactivation: 0, endCustomers: 1 });
    expect(kept.pausedMrr).toBe(-kept.resumedMrr);
    expect(kept.pausedMrr).toBeLessThan(0);
  });

  it("splits paid orders into recurring and one-off revenue, follows refunds, and ignores a late older delivery", async () => {
    const { simulator } = testContext();
    const { shop, coffee, email } = await shopWithSubscription(2);
    const variant = coffee.variants[0]!;
    const { order: oneOff } = await completeCheckout(simulator, shop, {
      email,
      lines: [{ variantId: variant.id, quantity: 3, sellingPlanId: null, properties: {} }],
    });
    await settle();
    const subscriptionOrder = [...shop.orders.values()].find((o) => o.lines.some((l) => l.sellingPlanId !== null))!;
    const recurring = subscriptionOrder.lines.reduce((sum, l) => sum + l.priceMinor * l.quantity, 0);
    let { retention } = await dashboard(shop.domain, "?months=3");
    expect(retention.revenue.at(-1)).toMatchObject({ recurring, oneOff: variant.priceMinor * 3 });
    // The subscriber bought once more after subscribing, but nothing after that first one-off order.
    expect(retention.repeatPurchase).toEqual({ numerator: 0, denominator: 1 });

    const before = orderPayload(shop, oneOff);
    await refundLines(simulator, shop, oneOff, [{ lineId: oneOff.lines[0]!.id, quantity: 1 }]);
    await settle();
    // The payload from before the refund, delivered again late, does not undo it.
    await simulator.webhooks.send(shop.domain, "orders/updated", before);
    await settle();
    ({ retention } = await dashboard(shop.domain, "?months=3"));
    expect(retention.revenue.at(-1)).toMatchObject({ recurring, oneOff: variant.priceMinor * 2 });
    expect(await db().order.count({ where: { shop: shop.domain } })).toBe(2);
  });

  it("keeps the figures a replay of the whole history gives, and recuts them when the shop moves to another time zone", async () => {
    const { simulator } = testContext();
    const { shop, coffee, email } = await shopWithSubscription(1);
    await completeCheckout(simulator, shop, {
      email,
      lines: [{ variantId: coffee.variants[0]!.id, quantity: 1, sellingPlanId: null, properties: {} }],
    });
    await settle();
    const stored = async () => {
      const where = { where: { shop: shop.domain } };
      const [months, cells, buyers] = await Promise.all([
        db().retentionMonth.findMany({ ...where, orderBy: { month: "asc" } }),
        db().retentionCohortCell.findMany({ ...where, orderBy: [{ cohort: "asc" }, { month: "asc" }] }),
        db().repeatBuyer.findMany({ ...where, orderBy: { customerId: "asc" } }),
      ]);
      // A sum that went back to zero may stay as a row when kept one change at a time.
      const nonZero = <T extends object>(rows: T[]) =>
        rows.filter((row) => Object.values(row).some((value) => typeof value === "number" && value !== 0));
      return { months: nonZero(months), cells: nonZero(cells), buyers };
    };
    const kept = await stored();
    expect(kept.months.length).toBeGreaterThan(0);
    expect(kept.buyers).toHaveLength(1);
    await rebuildFigures(shop.domain);
    expect(await stored()).toEqual(kept);

    await db().shop.update({ where: { domain: shop.domain }, data: { ianaTimezone: "Pacific/Kiritimati" } });
    const { retention } = await dashboard(shop.domain, "?months=3");
    expect(retention.summary.activeCustomers).toBe(1);
    expect(await db().retentionFigures.findUnique({ where: { shop: shop.domain } })).toMatchObject({ timeZone: "Pacific/Kiritimati" });
  });
});

describe("what-if pricing", () => {
  const whatIfAnswer = (shop: string, query = "") =>
    whatIfLoader({ request: adminFetchRequest(`/app/retention/what-if${query}`, shop), params: {}, context: {} });
  /** What-if pricing is a Growth feature: these shops are on Growth (acceptGrowthPlan). */
  const whatIf = async (shop: string, query = "") => {
    const page = await whatIfAnswer(shop, query);
    if (page.locked) throw new Error("what-if pricing is locked for this shop");
    return page;
  };

  /** A shop with a plan Orchard made (every 2 weeks, 10 % off) and one subscriber to it. */
  async function shopWithOrchardPlan() {
    const { simulator } = testContext();
    const { shop } = createShop();
    shop.ianaTimezone = "UTC";
    seedShop(simulator.store, shop, new Date(), { customers: 2, months: 1 });
    await dashboard(shop.domain);
    const product = [...shop.products.values()][0]!;
    const group = await orchardDefaultPlan(shop, product);
    const { contracts } = await completeCheckout(simulator, shop, {
      email: [...shop.customers.values()][0]!.email,
      lines: [{ variantId: product.variants[0]!.id, quantity: 1, sellingPlanId: group.sellingPlans[0]!.id, properties: {} }],
    });
    await settle();
    await acceptGrowthPlan(shop.domain);
    return { shop, contract: contracts[0]! };
  }

  it("is a Growth feature: on Free the page computes and sends nothing", async () => {
    const { shop } = await shopWithOrchardPlan();
    await cancelGrowthPlan(await backgroundAdmin(shop.domain));
    expect(await whatIfAnswer(shop.domain, "?discount=20&elasticity=1.5")).toEqual({ locked: true });
  });

  it("projects the plan's MRR from its subscribers and the pace they came at, worked out by hand", async () => {
    const { shop, contract } = await shopWithOrchardPlan();
    // 26 charges a year over 12 months, half up.
    const mrr = Math.floor((contract.lines[0]!.currentPriceMinor * 26 * 2 + 12) / 24);
    const page = await whatIf(shop.domain, "?discount=20&elasticity=1.5");
    expect(page.currentDiscountBp).toBe(1000);
    // Started this month: the three months' new MRR is all of it. Nobody left: no churn assumed.
    const newPerMonth = Math.floor((mrr * 2 + 3) / 6);
    expect(page.history).toMatchObject({ subscribers: 1, currentMrrMinor: mrr, newMrrPerMonthMinor: newPerMonth });
    // 20 % off instead of 10 %: price × 8/9; volume × (1 + 1.5 × 1/9) = × 7/6; new MRR × 28/27, half up.
    const proposedNew = Math.floor((newPerMonth * 28 * 2 + 27) / 54);
    expect(page.projection).toHaveLength(12);
    expect(page.projection![0]).toEqual({ month: 1, baselineMrr: mrr + newPerMonth, projectedMrr: mrr + proposedNew });
    expect(page.projection![11]).toEqual({ month: 12, baselineMrr: mrr + 12 * newPerMonth, projectedMrr: mrr + 12 * proposedNew });
  });

  it("opens on the plan and frequency most subscribers are on, not on a newer plan nobody is on", async () => {
    const { shop } = await shopWithOrchardPlan();
    const [busy] = await listPlans(shop.domain);
    // A second plan made later, with no subscriber: listed first, but nothing to project from.
    await orchardDefaultPlan(shop, [...shop.products.values()][1]!);
    const plans = await listPlans(shop.domain);
    expect(plans).toHaveLength(2);
    const page = await whatIf(shop.domain);
    expect(page.planId).toBe(busy!.id);
    expect(page.history?.subscribers).toBe(1);
    // Asked for the empty one, it says so: no subscribers, no new MRR to project from.
    const empty = await whatIf(shop.domain, `?plan=${plans.find((p) => p.id !== busy!.id)!.id}`);
    expect(empty.history).toMatchObject({ subscribers: 0, newMrrPerMonthMinor: 0 });
  });

  it("says which field is wrong and projects nothing", async () => {
    const { shop } = await shopWithOrchardPlan();
    const page = await whatIf(shop.domain, "?discount=120&elasticity=abc");
    expect(page.fieldErrors).toEqual({ proposedDiscountBp: "percentage", elasticityHundredths: "elasticity" });
    expect(page.projection).toBeNull();
    expect(page.fields).toEqual({ discount: "120", elasticity: "abc" });
  });

  it("shows a shop only its own plans, whatever id it is given", async () => {
    const { shop } = await shopWithOrchardPlan();
    const { shop: other } = await shopWithOrchardPlan();
    const [otherPlan] = await listPlans(other.domain);
    const page = await whatIf(shop.domain, `?plan=${otherPlan!.id}&discount=20&elasticity=1`);
    expect(page.plans.map((p) => p.id)).not.toContain(otherPlan!.id);
    expect(page.planId).not.toBe(otherPlan!.id);
    expect(page.history?.subscribers).toBe(1);
  });
});
